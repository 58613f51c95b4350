import fs from 'node:fs/promises';
import { PrinterError, type Printer } from '../../ports/printer.ts';

/**
 * A receipt printer reached through a device file: USB printer class (/dev/usb/lp0), serial (/dev/ttyUSB0,
 * COM3) or parallel (/dev/lp0, \\.\LPT1). The bytes are written as to a file. An open that fails printed
 * nothing; a failed write may have printed part of the job.
 */
export function createDevicePrinter(path: string): Printer {
  return {
    async send(bytes) {
      let handle: fs.FileHandle;
      try {
        // 'r+' never creates a file: a mistyped device path is an error, not a new file on disk.
        handle = await fs.open(path, 'r+');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new PrinterError(code === 'ENOENT' ? 'printer-not-found' : 'printer-unreachable', `cannot open printer device ${path}: ${code ?? 'error'}`, { cause: error, mayHavePrinted: false });
      }
      try {
        await handle.write(bytes);
      } catch (error) {
        throw new PrinterError('printer-dropped', `writing to printer device ${path} failed: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { cause: error, mayHavePrinted: true });
      } finally {
        await handle.close();
      }
    },
  };
}
