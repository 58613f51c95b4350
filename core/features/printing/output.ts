import { documentText } from '../../../shared/domain/forms/build.ts';
import type { FilledDocument } from '../../../shared/domain/forms/model.ts';
import type { PrinterProfile } from '../../../shared/contract/printing.ts';
import { renderDocumentPdf } from './document-pdf.ts';
import { renderDocumentRaster, type Paper } from './document-raster.ts';
import { drawerKick, encodeAsciiEscPos, encodeRasterEscPos } from './escpos.ts';
import { rasterToPng } from './raster.ts';

export type Format = 'escpos' | 'pdf' | 'png';

/** One document in one format: ESC/POS (raster with cut), PDF/A-2b (Creator/Producer `producer`), or the PNG preview from the same raster. */
export async function renderBytes(document: FilledDocument, format: Format, paper: Paper, issuedAt: string, producer: string): Promise<Buffer> {
  switch (format) {
    case 'escpos':
      if (paper !== '80mm' && paper !== '58mm') throw new RangeError('ESC/POS needs roll paper');
      return encodeRasterEscPos(renderDocumentRaster(document, paper));
    case 'pdf':
      return renderDocumentPdf(document, paper, issuedAt, producer);
    case 'png':
      return rasterToPng(renderDocumentRaster(document, paper));
    default:
      throw new RangeError(`unknown format ${String(format)}`);
  }
}

/**
 * ESC/POS for a receipt printer: each copy (Liên 1, Liên 2) followed by its own cut; text mode when the printer
 * cannot do images. `drawer: false` keeps the cash drawer shut whatever is printed: a reprint, or a receipt
 * that is cancelled or replaced, takes no money (the print job decides, service.ts).
 */
export async function escPosForPrinter(profile: PrinterProfile, copies: readonly FilledDocument[], options: Readonly<{ drawer?: boolean }> = {}): Promise<Buffer> {
  const paper = profile.paper === '58mm' ? '58mm' : '80mm';
  const parts = await Promise.all(
    copies.map((doc) => (profile.mode === 'text' ? Promise.resolve(encodeAsciiEscPos(documentText(doc), { cut: profile.cut })) : encodeRasterEscPos(renderDocumentRaster(doc, paper), { cut: profile.cut }))),
  );
  // The drawer opens once, after the last copy of a fee receipt (the money goes in as the receipt comes out).
  const kick = options.drawer !== false && profile.cashDrawer !== 'none' && copies.some((doc) => doc.kind === 'receipt') ? [drawerKick(profile.cashDrawer)] : [];
  return Buffer.concat([...parts, ...kick]);
}
