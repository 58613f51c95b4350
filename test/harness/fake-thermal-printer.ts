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
  /** The next completed job (or one already completed and not yet taken). */
  nextJob(timeoutMs?: number): Promise<Buffer>;
  close(): Promise<void>;
}>;

export async function startFakeThermalPrinter(): Promise<FakeThermalPrinter> {
  const jobs: Buffer[] = [];
  let taken = 0;
  const waiters: Array<() => void> = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
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
    nextJob,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
