import type { RawPage } from '../../../ports/scanner.ts';
import { decodePnm, decodeTiffPages, decodeWithCanvas, type Raster } from './raster.ts';

/** A device's or a file's page(s) as upright pixels; a TIFF may hold several pages. */
export async function decodeRawPage(raw: RawPage, maxPages: number): Promise<Raster[]> {
  switch (raw.format) {
    case 'pnm':
      return [decodePnm(raw.bytes)];
    case 'jpeg':
    case 'png':
      return [await decodeWithCanvas(raw.bytes)];
    case 'tiff':
      return decodeTiffPages(raw.bytes, maxPages);
  }
}
