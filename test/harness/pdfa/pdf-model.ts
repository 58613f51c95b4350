import { execFileSync } from 'node:child_process';

/**
 * A PDF as qpdf reads it (`qpdf --json`, version 2): every object by id, the trailer, the pages in order, and
 * the decoded bytes of every stream qpdf can decode. qpdf writes values as JSON: names "/Name", strings
 * "u:text" or "b:hex", references "12 0 R", numbers, booleans, null, arrays and dictionaries ("/Key": value).
 */
export type PdfValue = null | boolean | number | string | PdfValue[] | PdfDict;
export type PdfDict = { [key: string]: PdfValue };
export type PdfStream = Readonly<{ dict: PdfDict; data: Buffer | null }>;
export type PdfObject = Readonly<{ value?: PdfValue; stream?: PdfStream }>;

export type PdfModel = Readonly<{
  bytes: Buffer;
  objects: ReadonlyMap<string, PdfObject>;
  trailer: PdfDict;
  pages: readonly string[];
  maxObjectId: number;
}>;

const REF = /^\d+ \d+ R$/;

export const isRef = (value: PdfValue | undefined): value is string => typeof value === 'string' && REF.test(value);
export const isDict = (value: PdfValue | undefined): value is PdfDict => typeof value === 'object' && value !== null && !Array.isArray(value);
export const isName = (value: PdfValue | undefined): value is string => typeof value === 'string' && value.startsWith('/');

/** A name's text without the slash (and without qpdf's "n:" prefix for names that are not plain UTF-8). */
export const nameOf = (value: PdfValue | undefined): string | null => (typeof value === 'string' && /^(n:)?\//.test(value) ? value.replace(/^(n:)?\//, '') : null);

/** A string's bytes: "u:" is text (PDF text string), "b:" is hex. */
export function stringBytes(value: string): Buffer | null {
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex');
  if (!value.startsWith('u:')) return null;
  const text = value.slice(2);
  // Stored as PDFDocEncoding when it fits in Latin-1, else UTF-16BE with a byte order mark (how writers do it).
  // eslint-disable-next-line no-control-regex -- Latin-1 is the range, control characters included
  return /^[\x00-\xff]*$/.test(text) ? Buffer.from(text, 'latin1') : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
}

/** A text string's text: "u:" as is; "b:" decoded as UTF-16BE (with BOM) or Latin-1. */
export function textOf(value: PdfValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  if (value.startsWith('u:')) return value.slice(2);
  if (!value.startsWith('b:')) return null;
  const bytes = Buffer.from(value.slice(2), 'hex');
  return bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1');
}

function qpdfJson(file: string, extra: readonly string[]): { qpdf: [unknown, Record<string, { value?: PdfValue; stream?: { dict: PdfDict; data?: string } }>] } {
  // qpdf exits 3 for warnings (a damaged file it could still read): the JSON is still written.
  const run = (): string => {
    try {
      return execFileSync('qpdf', ['--json', '--json-key=qpdf', ...extra, file], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const out = (error as { stdout?: string }).stdout;
      if (typeof out === 'string' && out.startsWith('{')) return out;
      throw error;
    }
  };
  return JSON.parse(run()) as ReturnType<typeof qpdfJson>;
}

/** Reads the file with qpdf twice: the dictionaries as written (filters kept), then with the streams decoded. */
export function loadPdf(file: string, bytes: Buffer): PdfModel {
  const raw = qpdfJson(file, ['--decode-level=none']);
  const decoded = qpdfJson(file, ['--json-stream-data=inline', '--decode-level=generalized']);
  const header = raw.qpdf[0] as { maxobjectid: number };
  const objects = new Map<string, PdfObject>();
  let trailer: PdfDict = {};
  for (const [key, entry] of Object.entries(raw.qpdf[1])) {
    if (key === 'trailer') {
      trailer = isDict(entry.value) ? entry.value : {};
      continue;
    }
    const id = key.replace(/^obj:/, '').replace(/ R$/, '');
    if (entry.stream) {
      // After decoding qpdf drops /Filter from the decoded copy's dictionary; a stream it could not decode
      // keeps its filter there, and its data is then still encoded (JPEG, JPX, CCITT, JBIG2 stay as written).
      const done = decoded.qpdf[1][key]?.stream;
      const decodedFully = done !== undefined && done.dict['/Filter'] === undefined;
      objects.set(id, { stream: { dict: entry.stream.dict, data: decodedFully && typeof done.data === 'string' ? Buffer.from(done.data, 'base64') : null } });
    } else {
      objects.set(id, { value: entry.value ?? null });
    }
  }
  const pages = pageRefs(objects, trailer);
  return { bytes, objects, trailer, pages, maxObjectId: header.maxobjectid };
}

/** Follows a reference (and a chain of them) to the value, or to the stream's dictionary. */
export function resolve(model: PdfModel, value: PdfValue | undefined): PdfValue | undefined {
  let current = value;
  for (let hops = 0; isRef(current) && hops < 32; hops += 1) {
    const object = model.objects.get(current.replace(/ R$/, ''));
    current = object?.stream ? object.stream.dict : object?.value;
  }
  return current;
}

export function resolveDict(model: PdfModel, value: PdfValue | undefined): PdfDict | null {
  const resolved = resolve(model, value);
  return isDict(resolved) ? resolved : null;
}

export function streamOf(model: PdfModel, value: PdfValue | undefined): PdfStream | null {
  return isRef(value) ? (model.objects.get(value.replace(/ R$/, ''))?.stream ?? null) : null;
}

export function catalogOf(model: PdfModel): PdfDict {
  return resolveDict(model, model.trailer['/Root']) ?? {};
}

function pageRefs(objects: ReadonlyMap<string, PdfObject>, trailer: PdfDict): string[] {
  const model: PdfModel = { bytes: Buffer.alloc(0), objects, trailer, pages: [], maxObjectId: 0 };
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (ref: PdfValue | undefined): void => {
    if (!isRef(ref) || seen.has(ref)) return;
    seen.add(ref);
    const node = resolveDict(model, ref);
    if (node === null) return;
    if (nameOf(node['/Type']) === 'Page') out.push(ref);
    else for (const kid of Array.isArray(node['/Kids']) ? node['/Kids'] : []) walk(kid);
  };
  walk(catalogOf(model)['/Pages']);
  return out;
}

/** A page attribute, inherited from the page tree when the page does not hold it (Resources, MediaBox, …). */
export function inherited(model: PdfModel, page: PdfDict, key: string): PdfValue | undefined {
  let node: PdfDict | null = page;
  for (let depth = 0; node !== null && depth < 64; depth += 1) {
    if (node[key] !== undefined) return node[key];
    node = resolveDict(model, node['/Parent']);
  }
  return undefined;
}

/** Every value in the file (objects, stream dictionaries, trailer), depth first, with the object it is in. */
export function* allValues(model: PdfModel): Generator<{ value: PdfValue; object: string }> {
  function* walk(value: PdfValue, object: string): Generator<{ value: PdfValue; object: string }> {
    yield { value, object };
    if (Array.isArray(value)) for (const item of value) yield* walk(item, object);
    else if (isDict(value)) for (const item of Object.values(value)) yield* walk(item, object);
  }
  for (const [id, object] of model.objects) yield* walk(object.stream ? object.stream.dict : (object.value ?? null), id);
  yield* walk(model.trailer, 'trailer');
}
