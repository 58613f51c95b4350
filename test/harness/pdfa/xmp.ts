import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Findings } from './findings.ts';
import { textOf, type PdfDict, type PdfStream } from './pdf-model.ts';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
export const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  pdf: 'http://ns.adobe.com/pdf/1.3/',
  pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
} as const;

/** Namespaces predefined by the XMP Specification (2005) and ISO 19005: others need an extension schema. */
const PREDEFINED = new Set<string>([
  ...Object.values(NS),
  'http://ns.adobe.com/xap/1.0/rights/',
  'http://ns.adobe.com/xap/1.0/mm/',
  'http://ns.adobe.com/xap/1.0/bj/',
  'http://ns.adobe.com/xap/1.0/t/pg/',
  'http://ns.adobe.com/xmp/1.0/DynamicMedia/',
  'http://ns.adobe.com/photoshop/1.0/',
  'http://ns.adobe.com/camera-raw-settings/1.0/',
  'http://ns.adobe.com/tiff/1.0/',
  'http://ns.adobe.com/exif/1.0/',
  'http://ns.adobe.com/exif/1.0/aux/',
  'http://www.aiim.org/pdfa/ns/extension/',
]);

/** The properties we know the types of (XMP 2005 / ISO 19005-2 Table 8); others in these schemas are unknown. */
const KNOWN: Readonly<Record<string, Readonly<Record<string, 'Text' | 'Date' | 'Integer' | 'LangAlt' | 'Seq' | 'Bag' | 'Any'>>>> = {
  [NS.dc]: { title: 'LangAlt', creator: 'Seq', description: 'LangAlt', rights: 'LangAlt', subject: 'Bag', date: 'Seq', language: 'Bag', publisher: 'Bag', contributor: 'Bag', relation: 'Bag', type: 'Bag', identifier: 'Text', format: 'Text', source: 'Text', coverage: 'Text' },
  [NS.xmp]: { CreateDate: 'Date', ModifyDate: 'Date', MetadataDate: 'Date', CreatorTool: 'Text', Identifier: 'Bag', Label: 'Text', Nickname: 'Text', Rating: 'Any', Advisory: 'Bag', BaseURL: 'Text', Thumbnails: 'Any' },
  [NS.pdf]: { Keywords: 'Text', PDFVersion: 'Text', Producer: 'Text', Trapped: 'Text' },
  [NS.pdfaid]: { part: 'Integer', conformance: 'Text', amd: 'Text', corr: 'Text' },
};

type XmlNode = Record<string, unknown>;
export type XmpProperty = Readonly<{ ns: string; prefix: string; name: string; value: unknown }>;

const XMP_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The text of a simple property, the x-default item of a language alternative, or the only item of a Seq/Bag. */
export function simpleText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return null;
  const node = value as XmlNode;
  if (typeof node['#text'] === 'string') return node['#text'];
  for (const container of ['rdf:Alt', 'rdf:Seq', 'rdf:Bag']) {
    const items: unknown = (node[container] as XmlNode | undefined)?.['rdf:li'];
    if (!Array.isArray(items)) continue;
    const list = items as unknown[];
    const chosen: unknown = container === 'rdf:Alt' ? (list.find((li) => (li as XmlNode)['@_xml:lang'] === 'x-default') ?? list[0]) : list.length === 1 ? list[0] : undefined;
    return chosen === undefined ? null : simpleText(chosen);
  }
  return Object.keys(node).length === 0 ? '' : null;
}

function hasContainer(value: unknown, container: string): boolean {
  return typeof value === 'object' && value !== null && container in (value as XmlNode);
}

/** Reads the XMP packet, checking 6.6.2.1 (packet header, UTF-8, well-formed) and 6.6.2.3 (schemas, value types). */
export function readXmp(stream: PdfStream, findings: Findings): XmpProperty[] | null {
  if (stream.data === null) {
    findings.fail('6.6.2.1-4', 'the metadata stream cannot be decoded');
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(stream.data);
  } catch {
    findings.fail('6.6.2.1-5', 'the XMP packet is not UTF-8');
    return null;
  }
  const header = /<\?xpacket\s+begin=([^?]*)\?>/.exec(text);
  if (header === null) findings.fail('6.6.2.1-4', 'no <?xpacket begin=…?> header');
  else {
    if (/\bbytes\s*=/.test(header[1]!)) findings.fail('6.6.2.1-2', 'the xpacket header has a bytes attribute');
    if (/\bencoding\s*=/.test(header[1]!)) findings.fail('6.6.2.1-3', 'the xpacket header has an encoding attribute');
  }
  if (!/<\?xpacket\s+end=["'][rw]["']\s*\?>\s*$/.test(text)) findings.fail('6.6.2.1-4', 'no <?xpacket end="w"?> trailer at the end of the packet');
  // XML 1.0 (2.2) Char: these code points may not appear even escaped; fast-xml-parser does not check it.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const badChar = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(text);
  if (badChar !== null) {
    findings.fail('6.6.2.1-4', `the XMP packet holds U+${badChar[0].charCodeAt(0).toString(16).padStart(4, '0')}, not an XML 1.0 character`);
    return null;
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    findings.fail('6.6.2.1-4', `the XMP packet is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
    return null;
  }
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: true, ignorePiTags: true, isArray: (name) => name === 'rdf:Description' || name === 'rdf:li' }).parse(text) as XmlNode;
  const meta = (parsed['x:xmpmeta'] as XmlNode | undefined) ?? parsed;
  const rdf = meta['rdf:RDF'] as XmlNode | undefined;
  if (rdf === undefined || (meta['@_xmlns:rdf'] ?? rdf['@_xmlns:rdf']) !== RDF) {
    findings.fail('6.6.2.1-4', 'no rdf:RDF element in the RDF namespace');
    return null;
  }
  const scope = { ...attributesNs(meta), ...attributesNs(rdf) };
  const properties: XmpProperty[] = [];
  for (const description of (rdf['rdf:Description'] as XmlNode[] | undefined) ?? []) {
    const ns = { ...scope, ...attributesNs(description) };
    for (const [key, value] of Object.entries(description)) {
      if (key === '#text' || key.startsWith('@_xmlns') || key === '@_rdf:about' || key.startsWith('rdf:')) continue;
      const qualified = key.replace(/^@_/, '');
      const [prefix, name] = qualified.includes(':') ? qualified.split(':', 2) as [string, string] : ['', qualified];
      const uri = ns[prefix];
      if (uri === undefined) {
        findings.fail('6.6.2.1-4', `XMP property ${qualified} uses an undeclared prefix`);
        continue;
      }
      for (const one of Array.isArray(value) ? value : [value]) properties.push({ ns: uri, prefix, name, value: one });
    }
  }
  const extensions = properties.some((p) => p.ns === 'http://www.aiim.org/pdfa/ns/extension/');
  for (const property of properties) checkType(property, extensions, findings);
  if (extensions) findings.note('XMP extension schemas are present and were not validated (6.6.2.3.2/6.6.2.3.3)');
  return properties;
}

function attributesNs(node: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(node)) if (key.startsWith('@_xmlns:') && typeof value === 'string') out[key.slice('@_xmlns:'.length)] = value;
  return out;
}

function checkType(property: XmpProperty, extensions: boolean, findings: Findings): void {
  const label = `${property.prefix}:${property.name}`;
  if (!PREDEFINED.has(property.ns)) {
    if (!extensions) findings.fail('6.6.2.3-7', `XMP property ${label} (${property.ns}) is neither predefined nor described by an extension schema`);
    return;
  }
  const type = KNOWN[property.ns]?.[property.name];
  if (KNOWN[property.ns] !== undefined && type === undefined) {
    findings.fail('6.6.2.3-7', `XMP property ${label} is not defined in its schema`);
    return;
  }
  const text = simpleText(property.value);
  const wrong = (what: string) => findings.fail('6.6.2.3-7', `XMP property ${label} is not a ${what}`);
  if (type === 'Date' && (text === null || !XMP_DATE.test(text))) wrong('Date');
  if (type === 'Integer' && (text === null || !/^[+-]?\d+$/.test(text))) wrong('Integer');
  if (type === 'Text' && typeof property.value === 'object' && property.value !== null && !('#text' in property.value)) wrong('simple Text value');
  if (type === 'LangAlt' && !hasContainer(property.value, 'rdf:Alt')) wrong('language alternative (rdf:Alt)');
  if (type === 'Seq' && !hasContainer(property.value, 'rdf:Seq')) wrong('ordered array (rdf:Seq)');
  if (type === 'Bag' && !hasContainer(property.value, 'rdf:Bag')) wrong('unordered array (rdf:Bag)');
}

export function xmpValue(properties: readonly XmpProperty[], ns: string, name: string): string | null {
  const found = properties.find((p) => p.ns === ns && p.name === name);
  return found === undefined ? null : simpleText(found.value);
}

/** 6.6.4: the PDF/A identification schema with part 2 and a conformance level B (or the stricter A or U). */
export function checkIdentification(properties: readonly XmpProperty[], findings: Findings): { part: string | null; conformance: string | null } {
  const ids = properties.filter((p) => p.ns === NS.pdfaid);
  const part = xmpValue(properties, NS.pdfaid, 'part');
  const conformance = xmpValue(properties, NS.pdfaid, 'conformance');
  if (part === null || conformance === null) findings.fail('6.6.4-1', 'the XMP has no PDF/A identification (pdfaid:part and pdfaid:conformance)');
  if (part !== null && part !== '2') findings.fail('6.6.4-2', `pdfaid:part is ${part}, not 2`);
  if (conformance !== null && !['A', 'B', 'U'].includes(conformance)) findings.fail('6.6.4-3', `pdfaid:conformance is ${conformance}, not B (or A, U)`);
  for (const id of ids) if (id.prefix !== 'pdfaid') findings.fail('6.6.4-4', `the PDF/A identification uses the prefix ${id.prefix}:, not pdfaid:`);
  return { part, conformance };
}

type Instant = { fields: string; epoch: number | null };

/** A PDF date (D:YYYYMMDDHHmmSSOHH'mm) or an XMP date as comparable fields and, with a zone, an instant. */
export function parseDate(text: string, pdf: boolean): Instant | null {
  const m = pdf
    ? /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?$/.exec(text)
    : /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:(Z)|([+-])(\d{2}):(\d{2}))?)?)?)?$/.exec(text);
  if (m === null) return null;
  const [year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zulu, sign, zh = '00', zm = '00'] = m.slice(1);
  const fields = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  if (zulu === undefined && sign === undefined) return { fields, epoch: null };
  const offset = zulu !== undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm));
  return { fields, epoch: Date.parse(`${fields}Z`) - offset * 60_000 };
}

const sameDate = (a: Instant, b: Instant): boolean => (a.epoch !== null && b.epoch !== null ? a.epoch === b.epoch : a.fields === b.fields);

/**
 * Info ↔ XMP: every Info entry with an XMP counterpart must be there with an equivalent value. This is ISO
 * 19005-1 6.7.3; veraPDF's PDF/A-2 rule list has no such test, but preservation tools read either place and a
 * mismatch means two different answers to "when was this made". We hold our PDF/A-2 files to it.
 */
export function checkInfoMatchesXmp(info: PdfDict | null, properties: readonly XmpProperty[], findings: Findings): void {
  if (info === null) return;
  const pairs: readonly [string, string, string, 'text' | 'date'][] = [
    ['/Title', NS.dc, 'title', 'text'],
    ['/Author', NS.dc, 'creator', 'text'],
    ['/Subject', NS.dc, 'description', 'text'],
    ['/Keywords', NS.pdf, 'Keywords', 'text'],
    ['/Creator', NS.xmp, 'CreatorTool', 'text'],
    ['/Producer', NS.pdf, 'Producer', 'text'],
    ['/CreationDate', NS.xmp, 'CreateDate', 'date'],
    ['/ModDate', NS.xmp, 'ModifyDate', 'date'],
  ];
  for (const [key, ns, name, kind] of pairs) {
    const raw = info[key];
    if (raw === undefined) continue;
    const infoText = textOf(raw);
    const xmp = xmpValue(properties, ns, name);
    const label = `Info ${key.slice(1)}`;
    if (xmp === null) {
      findings.fail('19005-1:6.7.3', `${label} has no XMP equivalent (${name})`);
      continue;
    }
    if (infoText === null) continue;
    if (kind === 'date') {
      const a = parseDate(infoText, true);
      const b = parseDate(xmp, false);
      if (a === null || b === null || !sameDate(a, b)) findings.fail('19005-1:6.7.3', `${label} ${infoText} is not the XMP ${name} ${xmp}`);
    } else if (infoText !== xmp) {
      findings.fail('19005-1:6.7.3', `${label} "${infoText}" is not the XMP ${name} "${xmp}"`);
    }
  }
}
