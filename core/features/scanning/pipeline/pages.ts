import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { ScanMode } from '../../../../shared/contract/scanning.ts';
import type { RawPage } from '../../../ports/scanner.ts';
import { decodeRawPage } from './decode.ts';
import { jpegInfo } from './jpeg-info.ts';
import { looksBlank, normalisePage, type NormalisedPage } from './normalise.ts';
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

function looksGrey(rgba: Raster): boolean {
  let coloured = 0;
  for (let i = 0; i < rgba.data.length; i += 4) {
    const [r, g, b] = [rgba.data[i]!, rgba.data[i + 1]!, rgba.data[i + 2]!];
    if (Math.abs(r - g) + Math.abs(g - b) > 24) coloured += 1;
  }
  return coloured <= (rgba.data.length / 4) * 0.005;
}

/**
 * A device's page(s) → pages for the PDF, each a promise whose pixel work is done before this returns (only
 * JPEG encoding is left to run off the main thread). A JPEG that is already what the mode asks for (upright,
 * grey or colour as wanted, not oversized) is kept as the scanner made it: no second lossy generation, no
 * CPU; only a small copy is decoded for the blank check.
 */
export async function preparePages(raw: RawPage, mode: ScanMode, maxPages: number): Promise<Promise<NormalisedPage>[]> {
  const info = raw.format === 'jpeg' ? jpegInfo(raw.bytes) : null;
  if (info && mode !== 'lineart' && info.orientation === 1 && info.bits === 8 && (info.components === 1 || info.components === 3) && raw.bytes.length <= info.width * info.height * PASS_THROUGH_MAX_BYTES_PER_PIXEL) {
    const small = await preview(raw.bytes, info.width, info.height);
    if (mode === 'colour' || info.components === 1 || looksGrey(small)) {
      return [Promise.resolve({ width: info.width, height: info.height, dpi: raw.dpi, format: 'jpeg', bytes: raw.bytes, blank: looksBlank(toGrey(small)) })];
    }
  }
  return (await decodeRawPage(raw, maxPages)).map((raster) => normalisePage(raster, mode, raw.dpi));
}
