/**
 * A deliberately small, strict XML reader for receipt documents (docs/RECEIPTS.md): elements, attributes,
 * text and the five predefined entities plus character references — and nothing else. A DOCTYPE, a comment,
 * CDATA, a processing instruction (other than the leading declaration) or an unknown entity is refused rather
 * than interpreted, so this reader cannot see a different document than the signature check (xml-crypto's
 * parser) saw: anything on which two parsers could disagree is simply not accepted.
 */

export type XmlElement = Readonly<{ name: string; attributes: Readonly<Record<string, string>>; children: readonly XmlNode[] }>;
export type XmlNode = XmlElement | string;

export class XmlShapeError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&([^;]{0,12});/g, (whole, body: string) => {
    if (body in ENTITIES) return ENTITIES[body]!;
    const code = /^#x([0-9a-fA-F]{1,6})$/.exec(body)?.[1] ?? /^#([0-9]{1,7})$/.exec(body)?.[1];
    if (code === undefined) throw new XmlShapeError(`unknown entity ${whole}`);
    const point = body.startsWith('#x') ? Number.parseInt(code, 16) : Number(code);
    if (point > 0x10ffff || point === 0) throw new XmlShapeError(`bad character reference ${whole}`);
    return String.fromCodePoint(point);
  });
}

/** Parses one document (an optional `<?xml …?>` declaration, then one root element). */
export function parseXml(xml: string): XmlElement {
  let at = 0;
  const source = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  const declaration = /^<\?xml[^?]*\?>/.exec(source);
  if (declaration) at = declaration[0].length;

  function fail(what: string): never {
    throw new XmlShapeError(`${what} at character ${at}`);
  }

  function skipSpace(): void {
    while (at < source.length && /\s/.test(source[at]!)) at += 1;
  }

  function element(): XmlElement {
    if (source[at] !== '<') fail('expected an element');
    at += 1;
    const name = NAME.exec(source.slice(at, at + 200))?.[0];
    if (!name) fail('expected an element name');
    at += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return { name, attributes, children: [] };
      }
      if (source[at] === '>') {
        at += 1;
        break;
      }
      if (at === before) fail('expected a space before an attribute');
      const attribute = NAME.exec(source.slice(at, at + 200))?.[0];
      if (!attribute) fail('expected an attribute name');
      at += attribute.length;
      skipSpace();
      if (source[at] !== '=') fail('expected =');
      at += 1;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = source.indexOf(quote, at + 1);
      if (end < 0) fail('unterminated attribute value');
      const value = source.slice(at + 1, end);
      if (value.includes('<')) fail('< in an attribute value');
      if (attribute in attributes) fail(`duplicate attribute ${attribute}`);
      attributes[attribute] = decode(value);
      at = end + 1;
    }
    const children: XmlNode[] = [];
    for (;;) {
      const next = source.indexOf('<', at);
      if (next < 0) fail(`unclosed <${name}>`);
      if (next > at) children.push(decode(source.slice(at, next)));
      at = next;
      if (source.startsWith('</', at)) {
        const close = `</${name}`;
        if (!source.startsWith(close, at)) fail(`mismatched end tag for <${name}>`);
        at += close.length;
        skipSpace();
        if (source[at] !== '>') fail('expected >');
        at += 1;
        return { name, attributes, children };
      }
      if (source.startsWith('<!', at) || source.startsWith('<?', at)) fail('comments, CDATA, DOCTYPE and processing instructions are not accepted');
      children.push(element());
    }
  }

  skipSpace();
  if (source.startsWith('<!', at) || source.startsWith('<?', at)) fail('comments, CDATA, DOCTYPE and processing instructions are not accepted');
  const root = element();
  skipSpace();
  if (at !== source.length) fail('content after the root element');
  return root;
}

/** The local part of a possibly prefixed name. */
export function localName(element: XmlElement): string {
  return element.name.slice(element.name.indexOf(':') + 1);
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** The only child with this local name; several, or none, is a shape error. */
export function onlyChild(element: XmlElement, name: string): XmlElement {
  const found = childElements(element).filter((child) => localName(child) === name);
  if (found.length !== 1) throw new XmlShapeError(`<${element.name}> must hold exactly one <${name}>, not ${found.length}`);
  return found[0]!;
}

export function optionalChild(element: XmlElement, name: string): XmlElement | null {
  const found = childElements(element).filter((child) => localName(child) === name);
  if (found.length > 1) throw new XmlShapeError(`<${element.name}> holds ${found.length} <${name}>`);
  return found[0] ?? null;
}

/** The text of an element that holds only text (an element inside it is a shape error). */
export function textOf(element: XmlElement): string {
  if (element.children.some((child) => typeof child !== 'string')) throw new XmlShapeError(`<${element.name}> must hold text only`);
  return element.children.filter((child): child is string => typeof child === 'string').join('');
}

/** Whitespace between elements is allowed (a signature may be indented); other text is not. */
export function onlyElements(element: XmlElement): XmlElement[] {
  for (const child of element.children) if (typeof child === 'string' && child.trim() !== '') throw new XmlShapeError(`<${element.name}> holds stray text`);
  return childElements(element);
}
