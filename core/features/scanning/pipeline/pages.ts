import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { ScanMode } from '../../../../shared/contract/scanning.ts';
import type { RawPage } from '../../../ports/scanner.ts';
import { decodeRawPage } from './decode.ts';
import { jpegInfo } from './jpeg-info.ts';
import { looksBlank, normalisePage, type NormalisedPage } from './normalise.ts';
import { changesPage, NO_GEOMETRY, planGeometry, type PageGeometry } from './page-geometry.ts';
import { DecodeError, toGrey, type Raster } from './raster.ts';

/** A delivered JPEG bigger than this per pixel is re-encoded at our document quality (≈ 700 KB for A4 at 300 dpi). */
const PASS_THROUGH_MAX_BYTES_PER_PIXEL = 0.08;

/** A smaller copy for looking at the page (blank, colour), not for keeping: a quarter of each side. */
async function preview(bytes: Buffer, width: number, height: number): Promise<Raster> {
  const image = await loadImage(bytes).catch((error: unknown) => {
    throw new DecodeError(`cannot decode image: ${error instanceof Error ? error.message : String(error)}`);
  });
  const [w, h] = [Math.max(1, Math.round(width / 4)), Math.max(1, Math.round(height / 4))];
  const canvas = createCanvas(w, h);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, w, h);
  const pixels = context.getImageData(0, 0, w, h).data;
  return { width: w, height: h, channels: 4, data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength) };
}

/**
 * A device's page(s) → pages for the PDF, each a promise whose pixel work is done before this returns (only
 * the turn of a skewed page and JPEG encoding are left to run off the main thread). A JPEG that is already
 * what the mode asks for (upright, one component for grey, not oversized) is kept as the scanner made it: no
 * second lossy generation, no CPU; only a small copy is decoded for the blank check and, with `geometry`, to
 * decide on a crop and a turn — a page that needs either is decoded and re-encoded, the others stay as
 * delivered. In grey mode a three-component JPEG (what many devices send even for grey, and all Skia
 * writes) is decoded and stored as a one-channel JPEG: its chroma blocks would cost a third of the page's
 * bytes for nothing.
 */
export async function preparePages(raw: RawPage, mode: ScanMode, maxPages: number, geometry: PageGeometry = NO_GEOMETRY): Promise<Promise<NormalisedPage>[]> {
  const info = raw.format === 'jpeg' ? jpegInfo(raw.bytes) : null;
  const wanted = mode === 'colour' ? [1, 3] : mode === 'grey' ? [1] : [];
  if (info && info.orientation === 1 && info.bits === 8 && wanted.includes(info.components) && raw.bytes.length <= info.width * info.height * PASS_THROUGH_MAX_BYTES_PER_PIXEL) {
    const small = toGrey(await preview(raw.bytes, info.width, info.height));
    const blank = looksBlank(small);
    const plan = blank ? null : planGeometry(small, info, raw.dpi, geometry);
    if (!plan || !changesPage(plan)) return [Promise.resolve({ width: info.width, height: info.height, dpi: raw.dpi, format: 'jpeg', bytes: raw.bytes, blank })];
    // The decision was taken on the small copy; the full page is cut and turned as decided.
    const [raster] = await decodeRawPage(raw, 1, mode);
    return [normalisePage(raster!, mode, raw.dpi, geometry, plan)];
  }
  return (await decodeRawPage(raw, maxPages, mode)).map((raster) => normalisePage(raster, mode, raw.dpi, geometry));
}
