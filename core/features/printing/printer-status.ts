import net from 'node:net';
import { DEFAULT_PRINTER_PORT } from './tcp-printer.ts';

/**
 * What a receipt printer says about itself, from the ESC/POS real-time status requests:
 *   DLE EOT 1 (printer status)  bit 3: offline
 *   DLE EOT 2 (offline cause)   bit 2: cover open · bit 5: stopped at paper end · bit 6: error
 *   DLE EOT 4 (paper sensor)    bits 2–3: paper near end · bits 5–6: paper end
 * Each answer is one byte with bits 1 and 4 always set (0x12) and bits 0 and 7 clear. Many cheap printers
 * ignore real-time requests on port 9100: that is `no-answer`, not a fault.
 */
export type PrinterState = 'ready' | 'paper-out' | 'cover-open' | 'offline' | 'error' | 'no-answer' | 'unreachable';
export type PrinterStatus = Readonly<{ state: PrinterState; paperNearEnd: boolean }>;

const REQUESTS = [1, 2, 4] as const;
const isStatusByte = (byte: number) => (byte & 0x93) === 0x12;

export function interpretStatus(answers: Readonly<Record<1 | 2 | 4, number>>): PrinterStatus {
  const paperNearEnd = (answers[4] & 0x0c) !== 0;
  if ((answers[4] & 0x60) !== 0 || (answers[2] & 0x20) !== 0) return { state: 'paper-out', paperNearEnd };
  if ((answers[2] & 0x04) !== 0) return { state: 'cover-open', paperNearEnd };
  if ((answers[2] & 0x40) !== 0) return { state: 'error', paperNearEnd };
  if ((answers[1] & 0x08) !== 0) return { state: 'offline', paperNearEnd };
  return { state: 'ready', paperNearEnd };
}

/** Asks the three questions on one connection, one after the other; sends nothing that would print. */
export function queryTcpPrinterStatus(options: Readonly<{ host: string; port?: number; timeoutMs?: number }>): Promise<PrinterStatus> {
  const timeoutMs = options.timeoutMs ?? 1_500;
  return new Promise((resolve) => {
    const answers: Partial<Record<1 | 2 | 4, number>> = {};
    let asked = 0;
    let settled = false;
    let connected = false;
    const socket = net.connect({ host: options.host, port: options.port ?? DEFAULT_PRINTER_PORT });
    const finish = (status: PrinterStatus) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(status);
    };
    const ask = () => socket.write(Buffer.from([0x10, 0x04, REQUESTS[asked]!]));
    socket.setTimeout(timeoutMs, () => finish({ state: connected ? 'no-answer' : 'unreachable', paperNearEnd: false }));
    socket.on('error', () => finish({ state: 'unreachable', paperNearEnd: false }));
    socket.on('connect', () => {
      connected = true;
      ask();
    });
    socket.on('data', (chunk: Buffer) => {
      for (const byte of chunk) {
        if (!isStatusByte(byte)) continue;
        answers[REQUESTS[asked]!] = byte;
        asked += 1;
        if (asked === REQUESTS.length) return finish(interpretStatus(answers as Record<1 | 2 | 4, number>));
        ask();
      }
    });
  });
}
