import UTIF from 'utif';
import type { RawPage } from '../../../ports/scanner.ts';
import { applyOrientation } from './orientation.ts';
import { decodePnm, decodeTiffPages, decodeWithCanvas, type Raster } from './raster.ts';

function tiffOrientations(bytes: Buffer): number[] {
  try {
    return UTIF.decode(bytes)
      .filter((ifd) => ifd.t256 !== undefined)
      .map((ifd) => (Array.isArray(ifd.t274) ? Number(ifd.t274[0]) : 1));
  } catch {
    return [];
  }
}

/** A device's or a file's page(s) as upright pixels; a TIFF may hold several pages. */
export async function decodeRawPage(raw: RawPage, maxPages: number): Promise<Raster[]> {
  switch (raw.format) {
    case 'pnm':
      return [decodePnm(raw.bytes)];
    case 'jpeg':
    case 'png':
      return [await decodeWithCanvas(raw.bytes)];
    case 'tiff': {
      const orientations = tiffOrientations(raw.bytes);
      return decodeTiffPages(raw.bytes, maxPages).map((page, index) => applyOrientation(page, orientations[index] ?? 1));
    }
  }
}
