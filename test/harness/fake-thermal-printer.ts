import net from 'node:net';

/**
 * A network receipt printer for tests: a real TCP server on 127.0.0.1 (random port) that captures the bytes
 * of every connection as one job, like a printer on port 9100 does.
 */
export type FakeThermalPrinter = Readonly<{
  host: string;
  port: number;
  /** Jobs completed so far (connection closed by the sender), in order. */
  jobs: readonly Buffer[];
  /** Connections accepted so far (a status check that ends in paper out is a connection without a job). */
  connections(): number;
  /**
   * How the printer behaves from now on: `paperOut` answers DLE EOT 4 with "paper end" and prints nothing;
   * `dropAfterBytes` cuts the connection once that many job bytes have arrived (nothing is recorded as a job);
   * `silentStatus` ignores DLE EOT (as many cheap printers do); `coverOpen`, `paperNearEnd` show in the status.
   */
  setBehaviour(behaviour: FakePrinterBehaviour): void;
  /** The next completed job (or one already completed and not yet taken). */
  nextJob(timeoutMs?: number): Promise<Buffer>;
  close(): Promise<void>;
}>;

export type FakePrinterBehaviour = Readonly<{ paperOut?: boolean; dropAfterBytes?: number; silentStatus?: boolean; coverOpen?: boolean; paperNearEnd?: boolean }>;

/**
 * The answer to DLE EOT n as an Epson-compatible printer gives it: fixed bits 0x12, plus n=1 bit 3 offline;
 * n=2 bit 2 cover open, bit 5 stopped at paper end; n=4 bits 2–3 near end, bits 5–6 paper end.
 */
function statusByte(n: number, behaviour: FakePrinterBehaviour): number {
  const paperOut = behaviour.paperOut === true;
  const offline = paperOut || behaviour.coverOpen === true;
  if (n === 1) return 0x12 | (offline ? 0x08 : 0);
  if (n === 2) return 0x12 | (behaviour.coverOpen ? 0x04 : 0) | (paperOut ? 0x20 : 0);
  return 0x12 | (paperOut ? 0x60 : 0) | (behaviour.paperNearEnd ? 0x0c : 0);
}

export async function startFakeThermalPrinter(): Promise<FakeThermalPrinter> {
  let behaviour: FakePrinterBehaviour = {};
  let connections = 0;
  const jobs: Buffer[] = [];
  let taken = 0;
  const waiters: Array<() => void> = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    connections += 1;
    const chunks: Buffer[] = [];
    let received = 0;
    let dropped = false;
    // Decided per connection: a job refused for paper end stays refused even if paper is loaded meanwhile.
    let outOfPaper = false;
    socket.on('data', (raw: Buffer) => {
      let chunk = raw;
      // Real-time status requests are answered at once and are not part of what gets printed.
      while (chunk.length >= 3 && chunk[0] === 0x10 && chunk[1] === 0x04) {
        outOfPaper = behaviour.paperOut === true;
        if (behaviour.silentStatus !== true) socket.write(Buffer.from([statusByte(chunk[2] ?? 4, behaviour)]));
        chunk = chunk.subarray(3);
      }
      outOfPaper ||= behaviour.paperOut === true;
      if (outOfPaper || dropped) return;
      chunks.push(chunk);
      received += chunk.length;
      if (behaviour.dropAfterBytes !== undefined && received >= behaviour.dropAfterBytes) {
        dropped = true;
        socket.resetAndDestroy();
      }
    });
    socket.on('end', () => {
      if (dropped || outOfPaper) return void socket.end();
      jobs.push(Buffer.concat(chunks));
      socket.end();
      for (const wake of waiters.splice(0)) wake();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');

  const nextJob = async (timeoutMs = 5000): Promise<Buffer> => {
    const deadline = Date.now() + timeoutMs;
    while (jobs.length <= taken) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('fake printer: no job arrived in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const job = jobs[taken];
    taken += 1;
    if (job === undefined) throw new Error('unreachable');
    return job;
  };

  return {
    host: '127.0.0.1',
    port: address.port,
    jobs,
    connections: () => connections,
    setBehaviour: (next) => {
      behaviour = next;
    },
    nextJob,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
