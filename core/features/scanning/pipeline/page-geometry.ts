import sharp from 'sharp';
import { findPaperBounds, type Box } from './auto-crop.ts';
import { greyHistogram, paperLevelOf, type Raster } from './raster.ts';
import { estimateSkew, inkPoints } from './skew.ts';

/** What the clerk's settings (or the scan's own options) ask of a page's geometry. */
export type PageGeometry = Readonly<{ deskew: boolean; autoCrop: boolean }>;
export const NO_GEOMETRY: PageGeometry = { deskew: false, autoCrop: false };

/**
 * What will be done to a page, decided on a small copy before any full-size pixel moves: crop to `crop`
 * (full-size pixels), then turn by minus `skewDegrees` (the content's clockwise skew) around the centre.
 * `keepSize`: after turning, the picture is cut back to its size before turning — the physical page size
 * stays what was scanned (A4 stays A4 at the same dpi) — unless some ink would then fall outside, in which
 * case the picture grows by the turned corners (a few percent at 5°) so nothing written is lost. `paper`: the
 * page's paper grey, which fills the corners uncovered by the turn (white when unknown).
 */
export type GeometryPlan = Readonly<{ crop: Box | null; skewDegrees: number; keepSize: boolean; paper?: number }>;
export const UNCHANGED: GeometryPlan = { crop: null, skewDegrees: 0, keepSize: true };
export const changesPage = (plan: GeometryPlan): boolean => plan.crop !== null || plan.skewDegrees !== 0;

/** Margin kept around the paper's bounds when cropping: 3 mm, so a card's rounded edge is not shaved. */
const CROP_MARGIN_MM = 3;
/** The working copy's longest side: about 100 dpi for A4 at 300 dpi, enough to see text lines and paper edges. */
const WORKING_SIDE = 1200;

/**
 * A copy `factor` times smaller each way: the mean of each block (edges, paper) and its darkest pixel (thin
 * strokes). Every second row of a block is read (all of it when the factor is 1 or 2): the main thread pays
 * for this on every page, and a stroke of text at 200–300 dpi is more than one pixel thick.
 */
export function shrink(grey: Raster, factor: number): { mean: Raster; min: Raster } {
  const width = Math.max(1, Math.floor(grey.width / factor));
  const height = Math.max(1, Math.floor(grey.height / factor));
  const mean = new Uint8Array(width * height);
  const min = new Uint8Array(width * height);
  const sums = new Uint32Array(width);
  const mins = new Uint8Array(width);
  const rowStep = factor > 2 ? 2 : 1;
  const area = factor * Math.ceil(factor / rowStep);
  for (let y = 0; y < height; y += 1) {
    sums.fill(0);
    mins.fill(255);
    for (let dy = 0; dy < factor; dy += rowStep) {
      const row = (y * factor + dy) * grey.width;
      for (let x = 0, source = row; x < width; x += 1) {
        for (let dx = 0; dx < factor; dx += 1, source += 1) {
          const value = grey.data[source]!;
          sums[x]! += value;
          if (value < mins[x]!) mins[x] = value;
        }
      }
    }
    for (let x = 0; x < width; x += 1) {
      mean[y * width + x] = Math.round(sums[x]! / area);
      min[y * width + x] = mins[x]!;
    }
  }
  return { mean: { width, height, channels: 1, data: mean }, min: { width, height, channels: 1, data: min } };
}

/** Part of a raster (any channel count), copied row by row. */
export function cropRaster(raster: Raster, box: Box): Raster {
  const { channels } = raster;
  const data = new Uint8Array(box.width * box.height * channels);
  for (let y = 0; y < box.height; y += 1) {
    const from = ((box.top + y) * raster.width + box.left) * channels;
    data.set(raster.data.subarray(from, from + box.width * channels), y * box.width * channels);
  }
  return { width: box.width, height: box.height, channels, data };
}

/** The paper's grey in the small copy (its 90th percentile). */
const paperLevel = (mean: Raster): number => paperLevelOf(greyHistogram(mean.data), mean.data.length);

/** Whether every ink point of `small` stays inside its frame once turned back by `skewDegrees`. */
function fitsWhenTurned(small: Raster, inkBelow: number, skewDegrees: number): boolean {
  const { xs, ys, count } = inkPoints(small, inkBelow, 0);
  const radians = (skewDegrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
  const [halfW, halfH] = [small.width / 2 + 1, small.height / 2 + 1];
  for (let i = 0; i < count; i += 1) {
    const x = xs[i]! * cos + ys[i]! * sin;
    const y = -xs[i]! * sin + ys[i]! * cos;
    if (Math.abs(x) > halfW || Math.abs(y) > halfH) return false;
  }
  return true;
}

/**
 * Decides the crop and the turn of a page from its grey pixels, which may be a reduced copy (`scale` full-size
 * pixels per pixel of `grey`, e.g. 4 for the preview of a device's JPEG). `full` is the full-size picture's size.
 */
export function planGeometry(grey: Raster, full: Readonly<{ width: number; height: number }>, dpi: number, geometry: PageGeometry): GeometryPlan {
  if (!geometry.deskew && !geometry.autoCrop) return UNCHANGED;
  const scale = full.width / grey.width;
  const factor = Math.max(1, Math.ceil(Math.max(grey.width, grey.height) / WORKING_SIDE));
  let { mean, min } = shrink(grey, factor);
  const toFull = scale * factor;
  let crop: Box | null = null;
  if (geometry.autoCrop) {
    const bounds = findPaperBounds(mean);
    if (bounds) {
      const margin = Math.round((CROP_MARGIN_MM / 25.4) * dpi);
      const left = Math.max(0, Math.floor(bounds.left * toFull) - margin);
      const top = Math.max(0, Math.floor(bounds.top * toFull) - margin);
      const right = Math.min(full.width, Math.ceil((bounds.left + bounds.width) * toFull) + margin);
      const bottom = Math.min(full.height, Math.ceil((bounds.top + bounds.height) * toFull) + margin);
      crop = { left, top, width: right - left, height: bottom - top };
      // The skew is then looked for on the paper alone (the lid's edges are not text).
      mean = cropRaster(mean, bounds);
      min = cropRaster(min, bounds);
    }
  }
  if (!geometry.deskew) return { crop, skewDegrees: 0, keepSize: true };
  // Ink: well under the paper, whatever its tint (recycled paper, a yellowed form).
  const paper = paperLevel(mean);
  const inkBelow = Math.max(40, Math.min(paper - 60, 170));
  const skew = estimateSkew(min, inkBelow);
  if (!skew.confident) return { crop, skewDegrees: 0, keepSize: true };
  return { crop, skewDegrees: skew.degrees, keepSize: fitsWhenTurned(min, inkBelow, skew.degrees), paper };
}

/**
 * Applies a plan to the picture that will be stored (grey or RGBA). The turn is libvips' (sharp), so it runs
 * in libuv's thread pool while the main thread decodes the next page; the corners it uncovers take the
 * paper's grey (a neutral grey in colour: an off-white paper's tint is not measured).
 */
export async function applyGeometry(picture: Raster, plan: GeometryPlan): Promise<Raster> {
  const cropped = plan.crop ? cropRaster(picture, plan.crop) : picture;
  if (plan.skewDegrees === 0) return cropped;
  const { width, height, channels } = cropped;
  const paper = plan.paper ?? 255;
  let turn = sharp(cropped.data, { raw: { width, height, channels } }).rotate(-plan.skewDegrees, { background: { r: paper, g: paper, b: paper, alpha: 1 } });
  turn = channels === 1 ? turn.toColourspace('b-w') : turn.ensureAlpha();
  const { data, info } = await turn.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== channels) throw new Error(`turning a page gave ${info.channels} channels, not ${channels}`);
  const turned: Raster = { width: info.width, height: info.height, channels, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  if (!plan.keepSize || (info.width <= width && info.height <= height)) return turned;
  return cropRaster(turned, { left: Math.floor((info.width - width) / 2), top: Math.floor((info.height - height) / 2), width, height });
}
