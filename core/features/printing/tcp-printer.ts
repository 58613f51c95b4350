import net from 'node:net';
import { PrinterError, type Printer } from '../../ports/printer.ts';

/** The raw "JetDirect"/AppSocket port nearly every network receipt printer listens on. */
export const DEFAULT_PRINTER_PORT = 9100;

export type TcpPrinterOptions = Readonly<{
  host: string;
  port?: number;
  /** For connecting, and for any stall while sending (no progress for this long). Default 5 s. */
  timeoutMs?: number;
}>;

/** Sends a job over one TCP connection and closes it; the printer prints as the bytes arrive. */
export function createTcpPrinter(options: TcpPrinterOptions): Printer {
  const port = options.port ?? DEFAULT_PRINTER_PORT;
  const timeoutMs = options.timeoutMs ?? 5000;
  const where = `${options.host}:${port}`;
  return {
    send: (bytes) =>
      new Promise<void>((resolve, reject) => {
        let connected = false;
        let settled = false;
        const socket = net.connect({ host: options.host, port });
        const fail = (error: PrinterError): void => {
          if (settled) return;
          settled = true;
          socket.destroy();
          reject(error);
        };
        let flushed = false;
        const done = (): void => {
          if (settled) return;
          settled = true;
          socket.destroy();
          resolve();
        };
        socket.setTimeout(timeoutMs);
        socket.on('timeout', () => {
          // Every byte was flushed and our FIN sent, but the printer keeps its side open: the job is out.
          if (flushed) return done();
          fail(
            new PrinterError(
              'printer-timeout',
              connected ? `printer ${where} stopped accepting data for ${timeoutMs} ms` : `printer ${where} did not answer within ${timeoutMs} ms`,
            ),
          );
        });
        socket.on('error', (error: NodeJS.ErrnoException) => {
          if (!connected && error.code === 'ECONNREFUSED') {
            fail(new PrinterError('printer-refused', `printer ${where} refused the connection (off, or wrong port?)`, { cause: error }));
          } else if (!connected && ['EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(error.code ?? '')) {
            fail(new PrinterError('printer-unreachable', `printer ${where} cannot be reached (${error.code})`, { cause: error }));
          } else if (!connected && error.code === 'ETIMEDOUT') {
            fail(new PrinterError('printer-timeout', `printer ${where} did not answer (ETIMEDOUT)`, { cause: error }));
          } else {
            fail(new PrinterError('printer-dropped', `connection to printer ${where} broke: ${error.code ?? error.message}`, { cause: error }));
          }
        });
        socket.on('connect', () => {
          connected = true;
          socket.end(bytes);
        });
        // Status bytes a printer may send back are read and dropped (unread data would turn our close into a reset).
        socket.resume();
        // 'finish': every byte went to the kernel and our FIN is queued; the printer closing its side after
        // that means it has read everything. Closing before 'finish' is a drop.
        socket.on('finish', () => {
          flushed = true;
        });
        socket.on('close', () => {
          if (flushed) return done();
          fail(new PrinterError('printer-dropped', `printer ${where} closed the connection before the job was sent`));
        });
      }),
  };
}
