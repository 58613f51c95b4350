import { execFileSync } from 'node:child_process';
import type { Findings } from './findings.ts';
import { allValues, isDict, isRef, nameOf, resolve, stringBytes, type PdfModel, type PdfValue } from './pdf-model.ts';

/** ISO 32000-1 Table 6: the standard filters. PDF/A-2 6.1.7-4 allows them all except LZWDecode (and Crypt unless Identity). */
const STANDARD_FILTERS = new Set(['ASCIIHexDecode', 'ASCII85Decode', 'LZWDecode', 'FlateDecode', 'RunLengthDecode', 'CCITTFaxDecode', 'JBIG2Decode', 'DCTDecode', 'JPXDecode', 'Crypt']);

const EOL = String.raw`(?:\r\n|\r|\n)`;

/** 6.1.2 header, 6.1.3 trailer, 6.1.4 xref table, 6.1.7 streams, 6.1.9 object spacing, 6.1.13 limits. */
export function checkFileSyntax(file: string, model: PdfModel, findings: Findings): void {
  const { bytes, trailer } = model;
  const head = bytes.toString('latin1', 0, 32);
  const header = new RegExp(`^%PDF-1\\.[0-7]${EOL}`).exec(head);
  if (header === null) findings.fail('6.1.2-1', `the file does not start with "%PDF-1.n" (n 0…7) and an end of line: ${JSON.stringify(head.slice(0, 10))}`);
  else {
    const comment = bytes.subarray(header[0].length, header[0].length + 5);
    if (comment[0] !== 0x25 || [...comment.subarray(1, 5)].some((byte) => byte <= 127) || comment.length < 5) findings.fail('6.1.2-2', 'the header is not followed by a comment of at least four bytes above 127');
  }

  const id = trailer['/ID'];
  if (!Array.isArray(id) || id.length !== 2 || id.some((part) => typeof part !== 'string' || (stringBytes(part)?.length ?? 0) === 0)) findings.fail('6.1.3-1', 'the trailer has no /ID of two non-empty strings');
  if (trailer['/Encrypt'] !== undefined) findings.fail('6.1.3-2', 'the trailer has /Encrypt');
  const tail = bytes.toString('latin1', Math.max(0, bytes.length - 1024));
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0) findings.fail('6.1.3-3', 'no %%EOF in the last 1024 bytes');
  else if (!/^(\r\n|\r|\n)?$/.test(tail.slice(eof + 5))) findings.fail('6.1.3-3', `${tail.length - eof - 5} bytes follow the last %%EOF`);

  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (startxref !== null) {
    const at = Number(startxref[1]);
    const section = bytes.toString('latin1', at, at + 40);
    if (section.startsWith('xref') && !new RegExp(`^xref${EOL}\\d+ \\d+`).test(section)) findings.fail('6.1.4-2', 'the xref keyword and the subsection header are not separated by a single end of line');
  }

  checkObjectsAsWritten(file, model, findings);
  checkValues(model, findings);
}

/** Where each uncompressed object starts (qpdf --show-xref), to read its header and stream keywords as written. */
function checkObjectsAsWritten(file: string, model: PdfModel, findings: Findings): void {
  const text = model.bytes.toString('latin1');
  const xref = execFileSync('qpdf', ['--show-xref', file], { encoding: 'utf8' });
  for (const line of xref.split('\n')) {
    const m = /^(\d+)\/(\d+): uncompressed; offset = (\d+)$/.exec(line);
    if (m === null) continue;
    const [, num, gen, offsetText] = m;
    const offset = Number(offsetText);
    const where = `${num} ${gen} R`;
    if (!new RegExp(`^${num} ${gen} obj${EOL}`).test(text.slice(offset, offset + 40))) findings.fail('6.1.9-1', 'the object header is not "N G obj" with single spaces and an end of line', where);
    const stream = model.objects.get(`${num} ${gen}`)?.stream;
    const end = text.indexOf('endobj', offset);
    if (end < 0) continue;
    if (!/(\r\n|\r|\n)$/.test(text.slice(end - 2, end)) || !/^endobj(\r\n|\r|\n|$)/.test(text.slice(end, end + 8))) findings.fail('6.1.9-1', 'endobj is not preceded and followed by an end of line', where);
    if (stream === undefined) continue;
    const keyword = text.indexOf('stream', offset);
    if (keyword < 0 || keyword > end) continue;
    const after = text.slice(keyword + 6, keyword + 8);
    const dataStart = keyword + 6 + (after.startsWith('\r\n') ? 2 : after.startsWith('\n') ? 1 : 0);
    if (dataStart === keyword + 6) findings.fail('6.1.7-2', 'the stream keyword is not followed by CR LF or LF', where);
    const length = resolve(model, stream.dict['/Length']);
    const endstream = text.lastIndexOf('endstream', end);
    if (!/(\r\n|\r|\n)$/.test(text.slice(endstream - 2, endstream))) findings.fail('6.1.7-2', 'the endstream keyword is not preceded by an end of line', where);
    const eolBefore = text.slice(endstream - 2, endstream) === '\r\n' ? 2 : /(\r|\n)$/.test(text.slice(endstream - 1, endstream)) ? 1 : 0;
    if (typeof length === 'number' && length !== endstream - eolBefore - dataStart) findings.fail('6.1.7-1', `/Length ${length} is not the ${endstream - eolBefore - dataStart} bytes between stream and endstream`, where);
  }
}

function filtersOf(value: PdfValue | undefined): string[] {
  if (Array.isArray(value)) return value.map((item) => nameOf(item) ?? '?');
  const name = nameOf(value);
  return name === null ? [] : [name];
}

function checkValues(model: PdfModel, findings: Findings): void {
  if (model.maxObjectId > 8_388_607) findings.fail('6.1.13-7', `${model.maxObjectId} indirect objects (at most 8 388 607)`);
  for (const [id, object] of model.objects) {
    if (object.stream === undefined) continue;
    const where = `${id} R`;
    const dict = object.stream.dict;
    for (const key of ['/F', '/FFilter', '/FDecodeParms']) if (dict[key] !== undefined) findings.fail('6.1.7-3', `a stream dictionary has ${key} (external content)`, where);
    const filters = filtersOf(dict['/Filter']);
    filters.forEach((filter, index) => {
      if (!STANDARD_FILTERS.has(filter)) findings.fail('6.1.7-4', `the stream uses the non-standard filter ${filter}`, where);
      else if (filter === 'LZWDecode') findings.fail('6.1.7-4', 'the stream uses LZWDecode', where);
      else if (filter === 'Crypt') {
        const parms = resolve(model, dict['/DecodeParms']);
        const mine = Array.isArray(parms) ? resolve(model, parms[index]) : parms;
        if (!isDict(mine) || nameOf(mine['/Name']) !== 'Identity') findings.fail('6.1.7-4', 'the stream uses a Crypt filter other than Identity', where);
      }
    });
  }
  for (const { value, object } of allValues(model)) {
    const where = object === 'trailer' ? object : `${object} R`;
    if (typeof value === 'number') {
      if (Number.isInteger(value) && (value > 2_147_483_647 || value < -2_147_483_648)) findings.fail('6.1.13-1', `the integer ${value} is out of range`, where);
      if (Math.abs(value) > 3.403e38) findings.fail('6.1.13-2', `the number ${value} is out of range`, where);
      if (value !== 0 && Math.abs(value) < 1.175e-38) findings.fail('6.1.13-5', `the real ${value} is too close to zero`, where);
    } else if (typeof value === 'string' && !isRef(value)) {
      const string = stringBytes(value);
      if (string !== null && string.length > 32_767) findings.fail('6.1.13-3', `a string of ${string.length} bytes (at most 32 767)`, where);
      const name = nameOf(value);
      if (name !== null) {
        const raw = Buffer.from(name.replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
        if (Buffer.byteLength(name, 'utf8') > 127 && raw.length > 127) findings.fail('6.1.13-4', `a name of more than 127 bytes: /${name.slice(0, 20)}…`, where);
      }
    }
  }
}
