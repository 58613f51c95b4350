import ThermalPrinterModule from 'node-thermal-printer';
import { rasterRows, rasterToPng, type Raster } from './raster.ts';

/**
 * ESC/POS bytes for a slip raster, built with node-thermal-printer (`printImageBuffer` = GS v 0, `partialCut`
 * = GS V 1), never sending Vietnamese as text. The printer object is used only as an encoder: no interface,
 * no I/O; the bytes go out through the `Printer` port.
 */

const { ThermalPrinter, PrinterTypes } = ThermalPrinterModule;
/** ESC @: clear the printer's buffer and modes. */
const INIT = Buffer.from([0x1b, 0x40]);

/**
 * Rows per GS v 0 command. Many cheap printers have a small receive buffer and mis-print one huge raster
 * command; bands of a few hundred rows print everywhere and stream smoothly.
 */
export const DEFAULT_BAND_ROWS = 256;

export type EscPosOptions = Readonly<{ bandRows?: number; cut?: boolean }>;

/** ESC @, the raster in GS v 0 bands, feed, partial cut (node-thermal-printer re-initialises after the cut). */
export async function encodeRasterEscPos(raster: Raster, options: EscPosOptions = {}): Promise<Buffer> {
  const bandRows = options.bandRows ?? DEFAULT_BAND_ROWS;
  if (!Number.isInteger(bandRows) || bandRows < 1 || bandRows > 0xffff) throw new RangeError('bad bandRows');
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  printer.add(INIT);
  for (let from = 0; from < raster.heightDots; from += bandRows) {
    const band = rasterRows(raster, from, Math.min(bandRows, raster.heightDots - from));
    await printer.printImageBuffer(rasterToPng(band));
  }
  if (options.cut !== false) printer.partialCut();
  return Buffer.from(printer.getBuffer());
}

const FOLD: Readonly<Record<string, string>> = { đ: 'd', Đ: 'D' };

/** Vietnamese → plain ASCII for printers that can print only text: marks removed, đ → d, anything else '?'. */
export function toAsciiText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (ch) => FOLD[ch] ?? ch)
    .replace(/[^\x20-\x7e\n]/g, '?');
}

/** Text-mode fallback: ESC @, the lines stripped to ASCII, feed, partial cut. Only for printers without raster. */
export function encodeAsciiEscPos(lines: readonly string[], options: Readonly<{ cut?: boolean }> = {}): Buffer {
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  printer.add(INIT);
  for (const line of lines) printer.println(toAsciiText(line));
  if (options.cut !== false) printer.partialCut();
  return Buffer.from(printer.getBuffer());
}
