import { createCanvas, ImageData } from '@napi-rs/canvas';
import type { ScanMode } from '../../../../shared/contract/scanning.ts';
import { encodeGreyJpeg } from './grey-jpeg.ts';
import { applyGeometry, changesPage, NO_GEOMETRY, planGeometry, UNCHANGED, type GeometryPlan, type PageGeometry } from './page-geometry.ts';
import { encodeBilevelPng } from './png-bilevel.ts';
import { paperLevelOf, toGrey, type Raster } from './raster.ts';

/** A page ready for the PDF: JPEG (colour, grey) or 1-bit PNG (black and white), with its physical size. */
export type NormalisedPage = Readonly<{
  width: number;
  height: number;
  dpi: number;
  format: 'jpeg' | 'png';
  bytes: Buffer;
  blank: boolean;
  /** The content's skew that was corrected, in degrees clockwise (absent or 0: not turned). */
  deskewedDegrees?: number;
  /** Cut to the paper found in a bigger scan (a card or a receipt on the glass, a dark lid around the page). */
  cropped?: boolean;
}>;

/**
 * JPEG qualities for documents: grey text stays legible at 60 (8×8 blocks are below a 300 dpi stroke width);
 * colour keeps stamps and signatures' ink colour readable at 70. Chosen with the benchmark's page sizes.
 */
export const JPEG_QUALITY: Readonly<Record<Exclude<ScanMode, 'lineart'>, number>> = { colour: 70, grey: 60 };

/** Share of "ink" pixels below which a page counts as blank (0.1 %: a short handwritten line is more). */
const BLANK_INK_SHARE = 0.001;

/**
 * Whether a page looks blank: ink is what is clearly darker than the paper (the 90th percentile of a
 * sample), counted inside a 4 % margin so scanner edges and punch holes do not count. Flagged, never dropped.
 */
export function looksBlank(grey: Raster): boolean {
  const { width, height, data } = grey;
  const histogram = new Uint32Array(256);
  const mx = Math.floor(width * 0.04);
  const my = Math.floor(height * 0.04);
  const step = Math.max(1, Math.floor(Math.min(width, height) / 600));
  let samples = 0;
  for (let y = my; y < height - my; y += step) {
    for (let x = mx; x < width - mx; x += step) {
      histogram[data[y * width + x]!]! += 1;
      samples += 1;
    }
  }
  if (samples === 0) return true;
  const paper = paperLevelOf(histogram, samples);
  const inkBelow = Math.max(0, Math.min(paper - 64, 180));
  let ink = 0;
  for (let value = 0; value < inkBelow; value += 1) ink += histogram[value]!;
  return ink / samples < BLANK_INK_SHARE;
}

/** Otsu's threshold of a grey page, kept within 90…200 so a nearly empty page is not turned black. */
export function otsuThreshold(grey: Raster): number {
  const histogram = new Float64Array(256);
  for (let i = 0; i < grey.data.length; i += 7) histogram[grey.data[i]!]! += 1;
  const total = histogram.reduce((sum, count) => sum + count, 0);
  let sumAll = 0;
  for (let value = 0; value < 256; value += 1) sumAll += value * histogram[value]!;
  let sumBack = 0;
  let weightBack = 0;
  let best = 0;
  let threshold = 128;
  for (let value = 0; value < 256; value += 1) {
    weightBack += histogram[value]!;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += value * histogram[value]!;
    const between = weightBack * weightFore * (sumBack / weightBack - (sumAll - sumBack) / weightFore) ** 2;
    if (between > best) [best, threshold] = [between, value + 1];
  }
  return Math.min(200, Math.max(90, threshold));
}

/**
 * Skia's JPEG encoder in libuv's thread pool: the next page is decoded on the main thread meanwhile, so a
 * batch uses both cores without a worker file (which the bundled Electron main could not load as it is).
 * (Reusing canvases and pixel buffers across pages was tried: peak memory went up, not down.)
 */
function encodeColourJpeg(raster: Raster, quality: number): Promise<Buffer> {
  const { width, height } = raster;
  if (raster.channels !== 4) throw new Error('encodeColourJpeg takes an RGBA raster');
  const rgba = new Uint8ClampedArray(raster.data.buffer, raster.data.byteOffset, width * height * 4);
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0);
  return canvas.encode('jpeg', quality);
}

/**
 * One decoded, upright page → the stored form for the chosen mode, with its blank flag. With `geometry`, the
 * page is first cut to the paper and levelled (page-geometry.ts); a blank page is never cut or turned. `plan`
 * is a decision already taken on a smaller copy (a device's JPEG looked at before it is decoded). The pixel
 * work is done on the main thread; the turn and the JPEG encoding are awaited off it.
 */
export async function normalisePage(raster: Raster, mode: ScanMode, dpi: number, geometry: PageGeometry = NO_GEOMETRY, plan?: GeometryPlan): Promise<NormalisedPage> {
  let grey = toGrey(raster);
  const blank = looksBlank(grey);
  const decided = blank ? UNCHANGED : (plan ?? planGeometry(grey, raster, dpi, geometry));
  // Only what is stored is cut and turned: the grey pixels, or the colour ones in colour mode.
  let picture = mode === 'colour' ? raster : grey;
  if (changesPage(decided)) {
    picture = await applyGeometry(picture, decided);
    if (mode !== 'colour') grey = picture;
  }
  const base = {
    width: picture.width,
    height: picture.height,
    dpi,
    blank,
    ...(decided.skewDegrees !== 0 ? { deskewedDegrees: Math.round(decided.skewDegrees * 10) / 10 } : {}),
    ...(decided.crop ? { cropped: true } : {}),
  };
  if (mode === 'lineart') return { ...base, format: 'png', bytes: encodeBilevelPng(grey.width, grey.height, grey.data, otsuThreshold(grey)) };
  // Grey: a one-channel JPEG (sharp/mozjpeg), no chroma to pay for; colour stays with Skia's encoder.
  if (mode === 'grey') return { ...base, format: 'jpeg', bytes: await encodeGreyJpeg(grey, JPEG_QUALITY.grey) };
  // A device that sent grey pixels for a colour scan (PNM P5/P4) has no colour to keep: one channel, colour quality.
  if (picture.channels === 1) return { ...base, format: 'jpeg', bytes: await encodeGreyJpeg(picture, JPEG_QUALITY.colour) };
  return { ...base, format: 'jpeg', bytes: await encodeColourJpeg(picture, JPEG_QUALITY.colour) };
}
