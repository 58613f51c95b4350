import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { ScanMode } from '../../../shared/contract/scanning.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { decodeRawPage } from '../scanning/pipeline/decode.ts';
import { normalisePage, type NormalisedPage } from '../scanning/pipeline/normalise.ts';
import { NO_GEOMETRY, type PageGeometry } from '../scanning/pipeline/page-geometry.ts';
import { DecodeError } from '../scanning/pipeline/raster.ts';
import { sniff, type SniffedType } from './sniff.ts';

export type ImportLimits = Readonly<{ maxFileBytes: number; maxPages: number }>;

/** What an import produced: a PDF kept as it came, or pages to assemble. */
export type Imported = Readonly<{ kind: 'pdf'; bytes: Buffer; pages: number }> | Readonly<{ kind: 'pages'; pages: NormalisedPage[] }>;

/** Imported images carry no resolution we trust; their pages are laid out as if scanned at this. */
const IMPORT_DPI = 200;

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The file's real path when it lies under one of the allowed folders, else `file-not-allowed`. Real paths on
 * both sides, so neither `..` nor a symbolic link leads out of an allowed folder. Nothing of the path goes
 * into the error: folder names can be personal (a citizen's name).
 */
export function allowedFile(input: string, roots: readonly string[]): string {
  let real: string;
  try {
    real = fs.realpathSync(path.resolve(input));
  } catch {
    throw new CoreError('file-unreadable', 'The file does not exist or cannot be read');
  }
  const realRoots = roots.flatMap((root) => {
    try {
      return [fs.realpathSync(root)];
    } catch {
      return [];
    }
  });
  if (!realRoots.some((root) => isInside(root, real))) throw new CoreError('file-not-allowed', 'The file is outside the folders files may be imported from', { allowedFolders: realRoots.length });
  return real;
}

/** Size and type from the file itself, before reading it whole: a 200 MB file is refused without loading it. */
function checkFile(file: string, limits: ImportLimits, index: number): SniffedType {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CoreError('file-unreadable', 'The file cannot be read', { file: index });
  }
  if (!stat.isFile()) throw new CoreError('file-unreadable', 'Not a regular file', { file: index });
  if (stat.size === 0) throw new CoreError('file-empty', 'The file is empty (0 bytes)', { file: index });
  if (stat.size > limits.maxFileBytes) throw new CoreError('file-too-large', `The file is ${stat.size} bytes; the limit is ${limits.maxFileBytes}`, { file: index, size: stat.size, limit: limits.maxFileBytes });
  const head = Buffer.alloc(1024);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const sniffed = sniff(head.subarray(0, read));
  if (sniffed.type === null) throw new CoreError('file-type-unsupported', `The content is ${sniffed.looksLike}, not PDF, JPEG, PNG or TIFF`, { file: index, looksLike: sniffed.looksLike });
  return sniffed.type;
}

async function checkPdf(bytes: Buffer, limits: ImportLimits): Promise<number> {
  let pages: number;
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    pages = pdf.getPageCount();
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message);
    throw new CoreError('file-corrupt', encrypted ? 'The PDF is password-protected' : 'The PDF cannot be read', { reason: encrypted ? 'encrypted' : 'unreadable' });
  }
  if (pages === 0) throw new CoreError('file-corrupt', 'The PDF has no pages', { reason: 'no-pages' });
  if (pages > limits.maxPages) throw new CoreError('too-many-pages', `The PDF has ${pages} pages; the limit is ${limits.maxPages}`, { pages, limit: limits.maxPages });
  return pages;
}

/**
 * Reads and checks every file first, then decodes: any failure throws before anything is stored, so an
 * import is whole or nothing. One PDF is kept byte for byte (signatures, text layers survive); images
 * (JPEG, PNG, TIFF with all its pages) are normalised like scanned pages. Mixing a PDF with other files is
 * refused: pages cannot be merged into a PDF without re-writing it.
 */
export async function importFiles(paths: readonly string[], roots: readonly string[], limits: ImportLimits, mode: ScanMode, geometry: PageGeometry = NO_GEOMETRY): Promise<Imported> {
  const files = paths.map((input) => allowedFile(input, roots));
  const types = files.map((file, index) => checkFile(file, limits, index));
  if (types.includes('pdf')) {
    if (files.length > 1) throw new CoreError('invalid-input', 'A PDF must be imported on its own, not together with other files');
    const bytes = fs.readFileSync(files[0]!);
    return { kind: 'pdf', bytes, pages: await checkPdf(bytes, limits) };
  }
  const pages: NormalisedPage[] = [];
  for (const [index, file] of files.entries()) {
    const format = types[index] as Exclude<SniffedType, 'pdf'>;
    let rasters;
    try {
      rasters = await decodeRawPage({ format, bytes: fs.readFileSync(file), dpi: IMPORT_DPI }, limits.maxPages, mode);
    } catch (error) {
      if (error instanceof DecodeError && error.message.startsWith('too many pages')) throw new CoreError('too-many-pages', `A TIFF has more than ${limits.maxPages} pages`, { file: index, limit: limits.maxPages });
      if (error instanceof DecodeError) throw new CoreError('file-corrupt', `The image cannot be decoded`, { file: index, reason: error.message.slice(0, 200) });
      throw error;
    }
    if (pages.length + rasters.length > limits.maxPages) throw new CoreError('too-many-pages', `More than ${limits.maxPages} pages`, { limit: limits.maxPages });
    for (const raster of rasters) pages.push(await normalisePage(raster, mode, IMPORT_DPI, geometry));
  }
  return { kind: 'pages', pages };
}
