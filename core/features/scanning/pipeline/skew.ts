import type { Raster } from './raster.ts';

/**
 * Skew of a text page by projection profiles. Why this and not a Hough transform: a page of a one-stop
 * centre is lines of text (forms, letters, certificates); when the page is turned by the right angle, every
 * text line falls into a few rows of the profile and the profile's sum of squares peaks, which uses every ink
 * pixel (robust to broken glyphs, stamps and noise), needs no edge detection, and costs O(ink pixels) per
 * angle tried. Hough votes for individual straight edges (table rules, the paper's own border) and needs a
 * peak picker tuned to stroke width; the profile rewards exactly what a reader sees as "the lines are level".
 * Searched ±6.5° (a sheet placed by hand or pulled askew by a feeder skews up to ~5°; beyond that the clerk
 * re-places it) at 0.5°, then 0.1°, then 0.02° around the best, with a parabola through the last three for
 * the final value. Each point is shared between its two nearest profile rows, so the profile moves smoothly
 * with the angle and hundredths of a degree are measurable on a 100 dpi copy.
 */

/**
 * Largest skew corrected, in degrees; the search goes a degree further so that a peak found at its edge (a
 * page turned further still, or no peak at all) is recognised and not trusted.
 */
export const MAX_SKEW_DEGREES = 5.5;
const SEARCH_DEGREES = 6.5;
/** Below this a rotation would only blur the page (and lose a scanner's JPEG as delivered): nothing is done. */
export const MIN_SKEW_DEGREES = 0.2;
/**
 * The profile at the best angle must be this much sharper (sum of squares) than the median of the coarse
 * angles. Text pages measure 1.5–6; a photo, a grid or scattered marks stay close to 1.
 */
const MIN_SHARPNESS = 1.25;
/** Fewer ink points than this (a nearly blank page, a signature alone) gives no trustworthy angle. */
const MIN_INK_POINTS = 400;
/** More ink than this share of the page: a photo or a dark page, not text lines. */
const MAX_INK_SHARE = 0.35;
/** Points kept for the search (a stride through the ink keeps the cost per angle bounded). */
const MAX_POINTS = 150_000;

export type SkewEstimate = Readonly<{
  /** Clockwise skew of the content in degrees (y grows downwards); turn the page by minus this to level it. */
  degrees: number;
  /** The profile's peak against the median of the coarse angles (1 = no preferred angle). */
  sharpness: number;
  /** Whether to act on it: enough ink, a clear peak within MAX_SKEW_DEGREES, and at least MIN_SKEW_DEGREES. */
  confident: boolean;
}>;

/**
 * Ink points of a small grey page (x, y relative to its centre), outside a margin (3 % by default) where
 * scanner edges lie. With `lowerEdges`, only ink whose pixel below is paper: the bottoms of strokes, which
 * along a text line are its baseline — a one-pixel-thin row per line, so the profile peaks sharply at the
 * right angle instead of spreading over the x-height.
 */
export function inkPoints(small: Raster, inkBelow: number, marginShare = 0.03, lowerEdges = false): { xs: Float32Array; ys: Float32Array; count: number; share: number } {
  const { width, height, data } = small;
  const mx = Math.floor(width * marginShare);
  const my = Math.floor(height * marginShare);
  const bottom = lowerEdges ? Math.min(height - my, height - 1) : height - my;
  const wanted = (at: number) => data[at]! < inkBelow && (!lowerEdges || data[at + width]! >= inkBelow);
  let ink = 0;
  let total = 0;
  for (let y = my; y < height - my; y += 1) {
    for (let x = mx; x < width - mx; x += 1) {
      const at = y * width + x;
      if (data[at]! < inkBelow) ink += 1;
      if (y < bottom && wanted(at)) total += 1;
    }
  }
  const area = Math.max(1, (width - 2 * mx) * (height - 2 * my));
  const stride = Math.max(1, Math.ceil(total / MAX_POINTS));
  const kept = Math.ceil(total / stride);
  const xs = new Float32Array(kept);
  const ys = new Float32Array(kept);
  let seen = 0;
  let count = 0;
  for (let y = my; y < bottom; y += 1) {
    for (let x = mx; x < width - mx; x += 1) {
      if (!wanted(y * width + x)) continue;
      if (seen++ % stride !== 0 || count >= kept) continue;
      xs[count] = x - (width >> 1);
      // A fixed sub-pixel dither (golden-ratio sequence): on the pixel grid, angles near 0° would put every
      // point on a whole profile row and win for that reason alone, pulling small skews towards 0.
      ys[count] = y - (height >> 1) + (((count * 0.6180339887) % 1) - 0.5);
      count += 1;
    }
  }
  return { xs, ys, count, share: ink / area };
}

/** Sum of squares of the profile of the points turned by `degrees` (rows of one pixel). */
function profileScore(xs: Float32Array, ys: Float32Array, count: number, degrees: number, bins: Float64Array, offset: number): number {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  bins.fill(0);
  for (let i = 0; i < count; i += 1) {
    const row = ys[i]! * cos - xs[i]! * sin + offset;
    const below = Math.floor(row);
    const share = row - below;
    bins[below]! += 1 - share;
    bins[below + 1]! += share;
  }
  let score = 0;
  for (let i = 0; i < bins.length; i += 1) score += bins[i]! * bins[i]!;
  return score;
}

/**
 * The skew of a small grey page (about 100 dpi; `inkBelow` the grey level under which a pixel is ink). Pure
 * arithmetic on the main thread: ~50 profiles of at most 150 000 points, a few tens of milliseconds.
 */
export function estimateSkew(small: Raster, inkBelow: number): SkewEstimate {
  const none = { degrees: 0, sharpness: 1, confident: false };
  const { xs, ys, count, share } = inkPoints(small, inkBelow, 0.03, true);
  if (count < MIN_INK_POINTS || share > MAX_INK_SHARE) return none;
  const offset = Math.ceil(Math.hypot(small.width, small.height) / 2) + 1;
  const bins = new Float64Array(offset * 2 + 2);
  const score = (degrees: number) => profileScore(xs, ys, count, degrees, bins, offset);

  const coarse: { degrees: number; score: number }[] = [];
  for (let step = -SEARCH_DEGREES * 2; step <= SEARCH_DEGREES * 2; step += 1) coarse.push({ degrees: step / 2, score: score(step / 2) });
  const best = coarse.reduce((a, b) => (b.score > a.score ? b : a));
  const median = [...coarse].sort((a, b) => a.score - b.score)[coarse.length >> 1]!.score;
  const sharpness = median > 0 ? best.score / median : 1;

  let centre = best.degrees;
  for (const [span, step] of [
    [0.5, 0.1],
    [0.1, 0.02],
  ] as const) {
    let top = { degrees: centre, score: -1 };
    for (let k = -Math.round(span / step); k <= Math.round(span / step); k += 1) {
      const degrees = centre + k * step;
      if (Math.abs(degrees) > SEARCH_DEGREES) continue;
      const value = score(degrees);
      if (value > top.score) top = { degrees, score: value };
    }
    centre = top.degrees;
  }
  // A parabola through the best fine angle and its neighbours places the peak between steps.
  const [left, middle, right] = [score(centre - 0.02), score(centre), score(centre + 0.02)];
  const bend = left - 2 * middle + right;
  const degrees = bend < 0 ? centre + (0.02 * (left - right)) / (2 * bend) : centre;
  const confident = sharpness >= MIN_SHARPNESS && Math.abs(degrees) >= MIN_SKEW_DEGREES && Math.abs(degrees) <= MAX_SKEW_DEGREES;
  return { degrees, sharpness, confident };
}
