import ThermalPrinterModule from 'node-thermal-printer';
import { rasterRows, type Raster } from './raster.ts';

/**
 * ESC/POS bytes for a slip raster: GS v 0 raster bands and node-thermal-printer's `partialCut` (GS V 1),
 * never sending Vietnamese as text. The printer object is used only as an encoder: no interface,
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

/**
 * GS v 0 m=0 for one band: the raster is already in the command's layout (MSB = leftmost dot, 1 = black).
 * Written directly: node-thermal-printer's printImageBuffer produces the same bytes but goes through a PNG
 * encode and decode per band, which cost ~200 ms per slip (scripts/bench --only printing).
 */
function gsv0(band: Raster): Buffer {
  const head = Buffer.from([0x1d, 0x76, 0x30, 0x00, band.bytesPerRow & 0xff, band.bytesPerRow >> 8, band.heightDots & 0xff, band.heightDots >> 8]);
  return Buffer.concat([head, band.data]);
}

/** ESC @, the raster in GS v 0 bands, feed, partial cut (node-thermal-printer re-initialises after the cut). */
// eslint-disable-next-line @typescript-eslint/require-await -- kept async: callers await it, and a future encoder may stream
export async function encodeRasterEscPos(raster: Raster, options: EscPosOptions = {}): Promise<Buffer> {
  const bandRows = options.bandRows ?? DEFAULT_BAND_ROWS;
  if (!Number.isInteger(bandRows) || bandRows < 1 || bandRows > 0xffff) throw new RangeError('bad bandRows');
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  printer.add(INIT);
  for (let from = 0; from < raster.heightDots; from += bandRows) {
    printer.add(gsv0(rasterRows(raster, from, Math.min(bandRows, raster.heightDots - from))));
  }
  if (options.cut !== false) printer.partialCut();
  return Buffer.from(printer.getBuffer());
}

/**
 * ESC p m t1 t2: a pulse on the drawer connector (m 0 = pin 2, 1 = pin 5), on for t1 × 2 ms, off for t2 × 2 ms.
 * 50 ms on / 500 ms off is what common drawers need; the printer ignores it when nothing is connected.
 */
export function drawerKick(pin: 'pin2' | 'pin5'): Buffer {
  return Buffer.from([0x1b, 0x70, pin === 'pin2' ? 0 : 1, 25, 250]);
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
