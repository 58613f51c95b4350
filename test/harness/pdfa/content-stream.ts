/**
 * A small reader of PDF content streams (ISO 32000-1, 7.8.2): operators with their operands, inline images
 * (BI … ID … EI) with their dictionaries. Enough to see which resources, colours and graphics states a page
 * uses; it does not render anything.
 */
export type Operand = number | boolean | null | Readonly<{ name: string }> | Readonly<{ string: Buffer }> | readonly Operand[] | Readonly<{ dict: Readonly<Record<string, Operand>> }>;
export type Operation = Readonly<{ operator: string; operands: readonly Operand[]; inlineImage?: Readonly<Record<string, Operand>> }>;

/** The operators ISO 32000-1 defines (Annex A); anything else fails ISO 19005-2 6.2.2. */
export const KNOWN_OPERATORS = new Set(
  ("b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' \"").split(' '),
);

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

export function parseContent(bytes: Buffer): Operation[] {
  let at = 0;
  const operations: Operation[] = [];
  const stack: Operand[][] = [[]];
  const dictMarks: number[] = [];

  const regular = (): string => {
    const start = at;
    while (at < bytes.length && !WHITE.has(bytes[at]!) && !DELIMITER.has(bytes[at]!)) at += 1;
    return bytes.toString('latin1', start, at);
  };
  const literal = (): Buffer => {
    at += 1;
    let depth = 1;
    const out: number[] = [];
    while (at < bytes.length && depth > 0) {
      const c = bytes[at]!;
      if (c === 0x5c) {
        out.push(bytes[at + 1] ?? 0);
        at += 2;
        continue;
      }
      if (c === 0x28) depth += 1;
      if (c === 0x29) depth -= 1;
      if (depth > 0) out.push(c);
      at += 1;
    }
    return Buffer.from(out);
  };
  const push = (operand: Operand): void => {
    stack[stack.length - 1]!.push(operand);
  };

  while (at < bytes.length) {
    const c = bytes[at]!;
    if (WHITE.has(c)) {
      at += 1;
    } else if (c === 0x25) {
      while (at < bytes.length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) at += 1;
    } else if (c === 0x2f) {
      at += 1;
      push({ name: regular().replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) });
    } else if (c === 0x28) {
      push({ string: literal() });
    } else if (c === 0x3c && bytes[at + 1] === 0x3c) {
      at += 2;
      dictMarks.push(stack[stack.length - 1]!.length);
    } else if (c === 0x3e && bytes[at + 1] === 0x3e) {
      at += 2;
      const top = stack[stack.length - 1]!;
      const items = top.splice(dictMarks.pop() ?? top.length);
      push({ dict: toDict(items) });
    } else if (c === 0x3c) {
      const end = bytes.indexOf(0x3e, at);
      push({ string: Buffer.from(bytes.toString('latin1', at + 1, end < 0 ? bytes.length : end).replace(/\s/g, ''), 'hex') });
      at = end < 0 ? bytes.length : end + 1;
    } else if (c === 0x5b) {
      at += 1;
      stack.push([]);
    } else if (c === 0x5d) {
      at += 1;
      const items = stack.length > 1 ? stack.pop()! : [];
      push(items);
    } else if (DELIMITER.has(c)) {
      at += 1; // a stray delimiter: skipped, as readers do
    } else {
      const word = regular();
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) push(Number(word));
      else if (word === 'true' || word === 'false') push(word === 'true');
      else if (word === 'null') push(null);
      else if (word === 'BI') {
        const { dict, end } = inlineImage(bytes, at);
        operations.push({ operator: 'BI', operands: [], inlineImage: dict });
        at = end;
      } else {
        operations.push({ operator: word, operands: stack[0]!.splice(0) });
        stack.length = 1;
      }
    }
  }
  return operations;
}

function toDict(items: readonly Operand[]): Readonly<Record<string, Operand>> {
  const dict: Record<string, Operand> = {};
  for (let i = 0; i + 1 < items.length; i += 2) {
    const key = items[i];
    if (key !== null && typeof key === 'object' && 'name' in key) dict[key.name] = items[i + 1]!;
  }
  return dict;
}

/** BI <key value>… ID <one white byte><data> EI: the dictionary, and where reading goes on after EI. */
function inlineImage(bytes: Buffer, start: number): { dict: Readonly<Record<string, Operand>>; end: number } {
  const id = /\sID[\s]/g;
  id.lastIndex = start;
  const text = bytes.toString('latin1');
  const found = id.exec(text);
  if (found === null) return { dict: {}, end: bytes.length };
  const header = parseContent(Buffer.from(`${text.slice(start, found.index)} ZZ`, 'latin1'));
  const dict = toDict(header[0]?.operands ?? []);
  const ei = /\sEI(?=[\s]|$)/g;
  ei.lastIndex = found.index + found[0].length;
  const end = ei.exec(text);
  return { dict, end: end === null ? bytes.length : end.index + end[0].length };
}

export const isNameOperand = (operand: Operand | undefined): operand is { name: string } => operand !== null && typeof operand === 'object' && !Array.isArray(operand) && 'name' in operand;
