import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PrinterError, type Printer } from '../../ports/printer.ts';

export type OsPrinterOptions = Readonly<{
  queue: string;
  /** Where the PDF is written for the spooler (DATA/prints/spool). */
  spoolDir: string;
  /** The spooler command; `lp` (CUPS, also on macOS). Windows needs Electron's webContents.print instead. */
  command?: string;
  timeoutMs?: number;
}>;

/**
 * An OS print queue fed with PDFs through `lp -d <queue> <file>`. Once `lp` accepted the file the spooler owns
 * the job (it queues, retries and reports paper out itself), so success here means "spooled", not "printed".
 */
export function createOsPrinter(options: OsPrinterOptions): Printer {
  return {
    async send(bytes) {
      await fs.mkdir(options.spoolDir, { recursive: true });
      const file = path.join(options.spoolDir, `job-${Date.now()}-${process.pid}.pdf`);
      await fs.writeFile(file, bytes);
      try {
        await new Promise<void>((resolve, reject) => {
          execFile(options.command ?? 'lp', ['-d', options.queue, '--', file], { timeout: options.timeoutMs ?? 15_000 }, (error, _stdout, stderr) => {
            if (!error) return resolve();
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'ENOENT') return reject(new PrinterError('printer-not-found', 'the OS print command (lp) is not installed', { cause: error, mayHavePrinted: false }));
            // lp refuses an unknown queue before spooling anything.
            reject(new PrinterError('printer-not-found', `the print queue ${options.queue} refused the job: ${String(stderr).trim().slice(0, 200)}`, { cause: error, mayHavePrinted: false }));
          });
        });
      } finally {
        await fs.rm(file, { force: true });
      }
    },
  };
}
