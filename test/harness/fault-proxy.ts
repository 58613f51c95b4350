import net from 'node:net';

/**
 * A TCP proxy that stands between the counter and the real central server and breaks things the way real
 * networks do. It works on bytes, not on HTTP, so the counter's real HTTP client meets real failures:
 *
 * - `pass`       forward both ways untouched;
 * - `drop`       accept the connection, then close it without forwarding a byte (a dead NAT / firewall);
 * - `reset`      answer the first client bytes with a TCP RST;
 * - `delay`      forward, holding every chunk `ms` milliseconds (a slow line; timeouts fire);
 * - `cutRequest` forward `afterBytes` of what the client sends, then kill both sides (upload cut mid-body);
 * - `cutResponse` forward the whole request but only `afterBytes` of the answer: the server has acted, the
 *                client never learns it — the case that makes naive retries create duplicates;
 * - `duplicate`  forward normally and also replay the connection's first request on a second upstream
 *                connection (a retrying middlebox), discarding the replay's answer.
 *
 * `down()` closes the listening socket so new connections are refused; `up()` listens on the same port again.
 * A `chooser` picks the fault for each new connection (e.g. seeded random), so a chaos run is reproducible.
 */
export type Fault =
  | Readonly<{ kind: 'pass' }>
  | Readonly<{ kind: 'drop' }>
  | Readonly<{ kind: 'reset' }>
  | Readonly<{ kind: 'delay'; ms: number }>
  | Readonly<{ kind: 'cutRequest'; afterBytes: number }>
  | Readonly<{ kind: 'cutResponse'; afterBytes: number }>
  | Readonly<{ kind: 'duplicate' }>;

export type FaultProxyOptions = Readonly<{ targetHost: string; targetPort: number; port?: number }>;

export type FaultProxy = Readonly<{
  url: string;
  port: number;
  /** Every new connection gets this fault (replaces any chooser). */
  setFault(fault: Fault): void;
  /** Pick a fault per connection; `connectionIndex` counts from 0. */
  setChooser(chooser: (connectionIndex: number) => Fault): void;
  down(): Promise<void>;
  up(): Promise<void>;
  isUp(): boolean;
  /** Cuts every open connection now (a network blip); kept-alive clients must reconnect and meet new faults. */
  severAll(): void;
  /** How many connections met each fault kind so far. */
  stats(): Readonly<Record<Fault['kind'], number>>;
  close(): Promise<void>;
}>;

const PASS: Fault = { kind: 'pass' };

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  let choose: (index: number) => Fault = () => PASS;
  let connections = 0;
  const counts: Record<Fault['kind'], number> = { pass: 0, drop: 0, reset: 0, delay: 0, cutRequest: 0, cutResponse: 0, duplicate: 0 };
  const open = new Set<net.Socket>();
  let listening = false;

  const track = (socket: net.Socket): net.Socket => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
    return socket;
  };
  const connectUpstream = (): net.Socket => track(net.connect({ host: options.targetHost, port: options.targetPort }));

  function handle(client: net.Socket): void {
    track(client);
    const fault = choose(connections++);
    counts[fault.kind] += 1;
    if (fault.kind === 'drop') client.destroy();
    else if (fault.kind === 'reset') client.once('data', () => client.resetAndDestroy());
    else pipeWithFault(client, connectUpstream(), fault);
  }

  function pipeWithFault(client: net.Socket, upstream: net.Socket, fault: Fault): void {
    const killBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    // Under a delay, bytes already "on the wire" still arrive after the other side hangs up.
    const lag = fault.kind === 'delay' ? fault.ms + 10 : 0;
    client.on('close', () => setTimeout(() => upstream.destroy(), lag));
    upstream.on('close', () => setTimeout(() => client.destroy(), lag));
    let sent = 0;
    let received = 0;
    const firstRequest: Buffer[] = [];
    let recording = fault.kind === 'duplicate';

    client.on('data', (chunk: Buffer) => {
      if (recording) firstRequest.push(chunk);
      if (fault.kind === 'cutRequest') {
        const room = fault.afterBytes - sent;
        if (room <= 0) return killBoth();
        if (chunk.length > room) {
          upstream.write(chunk.subarray(0, room), killBoth);
          sent += room;
          return;
        }
      }
      sent += chunk.length;
      forward(upstream, chunk, fault);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (recording) {
        recording = false;
        replay(Buffer.concat(firstRequest));
      }
      if (fault.kind === 'cutResponse') {
        const room = fault.afterBytes - received;
        if (room <= 0) return killBoth();
        if (chunk.length > room) {
          client.write(chunk.subarray(0, room), killBoth);
          received += room;
          return;
        }
      }
      received += chunk.length;
      forward(client, chunk, fault);
    });
    client.on('end', () => setTimeout(() => upstream.end(), lag));
    upstream.on('end', () => setTimeout(() => client.end(), lag));
  }

  function forward(to: net.Socket, chunk: Buffer, fault: Fault): void {
    if (fault.kind === 'delay') setTimeout(() => to.destroyed || to.write(chunk), fault.ms);
    else to.write(chunk);
  }

  /** The replayed request's answer is read and thrown away; the connection closes once it goes quiet. */
  function replay(request: Buffer): void {
    const twin = connectUpstream();
    twin.setTimeout(5_000, () => twin.destroy());
    twin.on('data', () => twin.end());
    twin.write(request);
  }

  const server = net.createServer(handle);
  let port = options.port ?? 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as net.AddressInfo).port;
        listening = true;
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
      for (const socket of open) socket.destroy();
    });
  await listen();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setFault(fault) {
      choose = () => fault;
    },
    setChooser(chooser) {
      choose = chooser;
    },
    down: stopListening,
    up: () => (listening ? Promise.resolve() : listen()),
    isUp: () => listening,
    severAll() {
      for (const socket of open) socket.destroy();
    },
    stats: () => ({ ...counts }),
    close: stopListening,
  };
}

/** A reproducible random source (mulberry32), for seeded fault choices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
