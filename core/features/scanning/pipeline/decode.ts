import type { ScanMode } from '../../../../shared/contract/scanning.ts';
import type { RawPage } from '../../../ports/scanner.ts';
import { decodeJpegToGrey } from './grey-jpeg.ts';
import { decodePnm, decodeTiffPages, decodeWithCanvas, type Raster } from './raster.ts';

/**
 * A device's or a file's page(s) as upright pixels; a TIFF may hold several pages. For a grey page a JPEG is
 * decoded straight to grey (libvips, off the main thread); every other case gets what the file holds.
 */
export async function decodeRawPage(raw: RawPage, maxPages: number, mode?: ScanMode): Promise<Raster[]> {
  switch (raw.format) {
    case 'pnm':
      return [decodePnm(raw.bytes)];
    case 'jpeg':
      return [mode === 'grey' ? await decodeJpegToGrey(raw.bytes) : await decodeWithCanvas(raw.bytes)];
    case 'png':
      return [await decodeWithCanvas(raw.bytes)];
    case 'tiff':
      return decodeTiffPages(raw.bytes, maxPages);
  }
}
