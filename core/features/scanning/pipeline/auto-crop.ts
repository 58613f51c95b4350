import { greyHistogram, paperLevelOf, type Raster } from './raster.ts';

/** A rectangle in pixels: left, top, width, height. */
export type Box = Readonly<{ left: number; top: number; width: number; height: number }>;

/**
 * Where the paper lies in a scan bigger than it, on a small grey copy (about 100 dpi, box-averaged). What is
 * "not the paper" is read from the outermost ring of the scan, which on a flatbed is the lid or the glass:
 * - **dark ring** (a black lid, an open lid over a thick book, a feeder's dark backing): the paper is what is
 *   clearly brighter than it; everything darker around it is cut away;
 * - **light ring** (a white lid with an ID card or a receipt on the glass): the paper is what differs from
 *   the lid, and is cropped only when it looks like a sheet — its four sides drawn by its edge or shadow
 *   (a text block's sides are broken by the gaps between words and lines) — and covers at most
 *   LIGHT_MAX_AREA of the scan. A full-page letter, a form with a big table or any page whose ring is not
 *   one even colour is left as it was scanned.
 * Never into content: the bounds are those of everything that is not lid, plus a margin.
 */

/** Grey levels within which the ring counts as one colour (scanner noise, lid texture). */
const RING_TOLERANCE = 24;
/** Share of the ring that must be that one colour; less means the content reaches the edge. */
const RING_UNIFORM = 0.9;
/** A pixel differs from a white lid by this much to be paper, edge, shadow or ink. */
const LIGHT_DIFFERENCE = 20;
/** A sheet on a white lid is cropped only when it covers at most this share of the scan (an A5 sheet on A4 glass is half). */
const LIGHT_MAX_AREA = 0.55;
/** Each side of a sheet on a white lid is drawn along at least this share of its length. */
const SIDE_DRAWN = 0.6;
/** Bounds covering this share of both sides are the whole scan: nothing to crop. */
const FULL = 0.96;

function median(values: Uint8Array, count: number): number {
  const histogram = greyHistogram(values, count);
  let seen = 0;
  for (let value = 0; value < 256; value += 1) {
    seen += histogram[value]!;
    if (seen * 2 >= count) return value;
  }
  return 255;
}

/** First and last index whose count reaches `min` for three in a row (a lone speck of dust is not paper). */
function span(counts: Uint32Array, min: number): [number, number] | null {
  let first = -1;
  for (let i = 0; i + 2 < counts.length; i += 1) {
    if (counts[i]! >= min && counts[i + 1]! >= min && counts[i + 2]! >= min) {
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  let last = first;
  for (let i = counts.length - 1; i >= 2; i -= 1) {
    if (counts[i]! >= min && counts[i - 1]! >= min && counts[i - 2]! >= min) {
      last = i;
      break;
    }
  }
  return [first, last];
}

/** Share of positions along each side of `box` where the 3-pixel band just inside it holds paper. */
function sidesDrawn(paper: (x: number, y: number) => boolean, box: Box): number {
  const right = box.left + box.width - 1;
  const bottom = box.top + box.height - 1;
  const along = (length: number, at: (i: number, d: number) => boolean) => {
    let drawn = 0;
    for (let i = 0; i < length; i += 1) if (at(i, 0) || at(i, 1) || at(i, 2)) drawn += 1;
    return drawn / Math.max(1, length);
  };
  return Math.min(
    along(box.width, (i, d) => paper(box.left + i, box.top + d)),
    along(box.width, (i, d) => paper(box.left + i, bottom - d)),
    along(box.height, (i, d) => paper(box.left + d, box.top + i)),
    along(box.height, (i, d) => paper(right - d, box.top + i)),
  );
}

/** The paper's bounds in the small copy's pixels, or null when the whole scan is the page (or it is unclear). */
export function findPaperBounds(small: Raster): Box | null {
  const { width, height, data } = small;
  if (width < 20 || height < 20) return null;
  const band = Math.max(2, Math.round(Math.min(width, height) * 0.005));
  const ring = new Uint8Array(width * height);
  let n = 0;
  for (let y = 0; y < height; y += 1) {
    const edgeRow = y < band || y >= height - band;
    for (let x = 0; x < width; x += 1) if (edgeRow || x < band || x >= width - band) ring[n++] = data[y * width + x]!;
  }
  const lid = median(ring, n);
  let even = 0;
  for (let i = 0; i < n; i += 1) if (Math.abs(ring[i]! - lid) <= RING_TOLERANCE) even += 1;
  if (even < n * RING_UNIFORM) return null;

  // The paper's level: the 90th percentile of the scan. A dark lid is one clearly darker than that.
  const paperLevel = paperLevelOf(greyHistogram(data), data.length);
  const dark = paperLevel - lid > 80;
  const cut = (lid + paperLevel) / 2;
  const paper = dark ? (x: number, y: number) => data[y * width + x]! > cut : (x: number, y: number) => Math.abs(data[y * width + x]! - lid) > LIGHT_DIFFERENCE;

  const rows = new Uint32Array(height);
  const columns = new Uint32Array(width);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (!paper(x, y)) continue;
      rows[y]! += 1;
      columns[x]! += 1;
    }
  }
  const vertical = span(rows, 2);
  const horizontal = span(columns, 2);
  if (!vertical || !horizontal) return null;
  const box: Box = { left: horizontal[0], top: vertical[0], width: horizontal[1] - horizontal[0] + 1, height: vertical[1] - vertical[0] + 1 };
  if (box.width >= width * FULL && box.height >= height * FULL) return null;
  if (box.width < 10 || box.height < 10) return null;
  if (!dark && (box.width * box.height > width * height * LIGHT_MAX_AREA || sidesDrawn(paper, box) < SIDE_DRAWN)) return null;
  return box;
}
