import net from 'node:net';
import { PrinterError, type Printer } from '../../ports/printer.ts';

/** The raw "JetDirect"/AppSocket port nearly every network receipt printer listens on. */
export const DEFAULT_PRINTER_PORT = 9100;

export type TcpPrinterOptions = Readonly<{
  host: string;
  port?: number;
  /** For connecting, and for any stall while sending (no progress for this long). Default 5 s. */
  timeoutMs?: number;
  /**
   * Ask the paper sensor first (DLE EOT 4, "transmit paper roll sensor status"): a printer that answers
   * "paper end" gets no job, so the job can wait and be sent whole later. A printer that does not answer within
   * `statusTimeoutMs` is sent the job anyway (many cheap printers ignore real-time commands on 9100).
   */
  statusCheck?: boolean;
  statusTimeoutMs?: number;
}>;

/** DLE EOT 4: real-time paper roll sensor status; the answer's bits 5–6 (0x60) are set at paper end. */
export const DLE_EOT_PAPER = Buffer.from([0x10, 0x04, 0x04]);
const PAPER_END_BITS = 0x60;

/** Sends a job over one TCP connection and closes it; the printer prints as the bytes arrive. */
export function createTcpPrinter(options: TcpPrinterOptions): Printer {
  const port = options.port ?? DEFAULT_PRINTER_PORT;
  const timeoutMs = options.timeoutMs ?? 5000;
  const where = `${options.host}:${port}`;
  return {
    send: (bytes) =>
      new Promise<void>((resolve, reject) => {
        let connected = false;
        let sending = false;
        let statusTimer: NodeJS.Timeout | undefined;
        let settled = false;
        const socket = net.connect({ host: options.host, port });
        const fail = (error: PrinterError): void => {
          if (settled) return;
          settled = true;
          clearTimeout(statusTimer);
          socket.destroy();
          reject(error);
        };
        let flushed = false;
        const done = (): void => {
          if (settled) return;
          settled = true;
          clearTimeout(statusTimer);
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
              { mayHavePrinted: sending },
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
            fail(new PrinterError('printer-dropped', `connection to printer ${where} broke: ${error.code ?? error.message}`, { cause: error, mayHavePrinted: sending }));
          }
        });
        const sendJob = (): void => {
          clearTimeout(statusTimer);
          statusTimer = undefined;
          sending = true;
          socket.end(bytes);
        };
        let awaitingStatus = false;
        socket.on('connect', () => {
          connected = true;
          if (options.statusCheck !== true) return sendJob();
          awaitingStatus = true;
          socket.write(DLE_EOT_PAPER);
          statusTimer = setTimeout(() => {
            awaitingStatus = false;
            sendJob();
          }, options.statusTimeoutMs ?? 400);
        });
        // Other bytes a printer sends back are read and dropped (unread data would turn our close into a reset).
        socket.on('data', (chunk: Buffer) => {
          if (!awaitingStatus || chunk.length === 0) return;
          awaitingStatus = false;
          if (((chunk[0] ?? 0) & PAPER_END_BITS) !== 0) {
            fail(new PrinterError('printer-paper-out', `printer ${where} reports paper end`, { mayHavePrinted: false }));
          } else {
            sendJob();
          }
        });
        // 'finish': every byte went to the kernel and our FIN is queued; the printer closing its side after
        // that means it has read everything. Closing before 'finish' is a drop.
        socket.on('finish', () => {
          flushed = true;
        });
        socket.on('close', () => {
          if (flushed) return done();
          fail(new PrinterError('printer-dropped', `printer ${where} closed the connection before the job was sent`, { mayHavePrinted: sending }));
        });
      }),
  };
}
