import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Core } from '../../core/app/create-core.ts';
import { createEnrolmentCode } from '../../server/features/counters/service.ts';
import { CENTRAL_PATHS } from '../../shared/contract/central-api.ts';
import { callCore as call, startCentralFixture, TEST_AGENCY_CODE, type CentralFixture } from '../harness/central-fixture.ts';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy.ts';
import { makeTempDir } from '../harness/temp-dir.ts';
import { createTestCore } from '../harness/test-core.ts';

// Retry-safe enrolment against the real server: the answer to `sync.enroll` is cut by the fault proxy (the
// server has redeemed the code, the counter never learns the credential). The counter retries with the
// same client nonce and ends enrolled; the server holds one counter for the code, and the credential that
// was lost does not work. A tap between the proxy and the server records what the server really answered,
// so the test can try the lost credential.

let central: CentralFixture;
let tap: Tap;
let proxy: FaultProxy;
const temps: ReturnType<typeof makeTempDir>[] = [];
const cores: Core[] = [];

type Tap = Readonly<{ port: number; answers: () => string[]; close: () => Promise<void> }>;

/** A plain TCP relay to the server that keeps every byte the server sends, per connection. */
async function startTap(targetPort: number): Promise<Tap> {
  const answers: Buffer[][] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const received: Buffer[] = [];
    answers.push(received);
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => received.push(chunk));
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    answers: () => answers.map((chunks) => Buffer.concat(chunks).toString('utf8')),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

beforeEach(async () => {
  central = await startCentralFixture();
  tap = await startTap(Number(new URL(central.server.url).port));
  proxy = await startFaultProxy({ targetHost: '127.0.0.1', targetPort: tap.port });
});
afterEach(async () => {
  for (const core of cores.splice(0)) core.stop();
  await proxy.close();
  await tap.close();
  await central.close();
  for (const temp of temps.splice(0)) temp.remove();
});

function counterCore(dir?: string): { core: Core; dir: string } {
  if (dir === undefined) {
    const temp = makeTempDir();
    temps.push(temp);
    dir = temp.dir;
  }
  const core = createTestCore(dir, { syncIntervalMs: 3_600_000, enrolRetryDelaysMs: [20, 50] });
  cores.push(core);
  return { core, dir };
}

const newCode = async (slot: number) =>
  (await createEnrolmentCode(central.server.sql, { agencyCode: TEST_AGENCY_CODE, slot, counterName: `Quầy ${slot}`, now: new Date() })).code;
/** Every credential the server handed out, in order, whether or not the counter received it. */
const issuedCredentials = () => tap.answers().flatMap((answer) => [...answer.matchAll(/"credential":"([^"]+)"/g)].map((match) => match[1]!));
const works = async (credential: string) => (await central.server.request(CENTRAL_PATHS.clerks, { token: credential })).status === 200;
const heldCredential = (core: Core) => (core.storage.db().prepare('SELECT credential, pending_enrol_nonce AS nonce FROM sync_state WHERE id = 1').get() as { credential: string | null; nonce: string | null });
const countersForSlot = async (slot: number) => central.server.sql.query<{ id: string }>('SELECT id FROM counters WHERE slot = $1', [slot]);

describe('enrolment whose answer is lost', () => {
  for (const afterBytes of [0, 17, 50]) {
    test(`answer cut after ${afterBytes} bytes: the retry ends enrolled, one counter, the lost credential refused`, async () => {
      const { core } = counterCore();
      const code = await newCode(1);
      // Only the first connection (the first enrolment request) loses its answer.
      proxy.setChooser((index) => (index === 0 ? { kind: 'cutResponse', afterBytes } : { kind: 'pass' }));
      const enrolment = await call<{ counterId: string; slot: number }>(core, 'sync.enroll', { serverUrl: proxy.url, code, deviceName: 'pc-1' });

      expect(enrolment.slot).toBe(1);
      expect(proxy.stats().cutResponse).toBe(1);
      expect((await countersForSlot(1)).map((row) => row.id)).toEqual([enrolment.counterId]);
      const [lost, received, ...more] = issuedCredentials();
      expect(more).toEqual([]);
      expect(received).toBe(heldCredential(core).credential);
      expect(lost).not.toBe(received);
      expect(lost!.startsWith(`${enrolment.counterId}.`)).toBe(true);
      expect(await works(lost!)).toBe(false);
      expect(await works(received!)).toBe(true);
      expect(heldCredential(core).nonce).toBeNull();
      expect(await call(core, 'counter.get')).toMatchObject({ enrolled: true });
      expect(await call(core, 'sync.now')).toMatchObject({ state: 'online', problem: null });
    });
  }

  test('every try lost: the nonce is kept, and after a restart the same code typed again enrols the same counter', async () => {
    const first = counterCore();
    const code = await newCode(2);
    proxy.setFault({ kind: 'cutResponse', afterBytes: 0 });
    const failure = await call(first.core, 'sync.enroll', { serverUrl: proxy.url, code, deviceName: 'pc-2' }).catch((error: unknown) => error as { code: string });
    expect(failure).toMatchObject({ code: 'server-unreachable' });
    expect(proxy.stats().cutResponse).toBe(3);
    const nonce = heldCredential(first.core).nonce;
    expect(nonce).toMatch(/^[0-9a-f-]{36}$/);
    expect(heldCredential(first.core).credential).toBeNull();
    first.core.stop();

    proxy.setFault({ kind: 'pass' });
    const again = counterCore(first.dir);
    // Typed again with spaces and in lower case: the same code all the same.
    const enrolment = await call<{ counterId: string }>(again.core, 'sync.enroll', { serverUrl: proxy.url, code: ` ${code.toLowerCase()} `, deviceName: 'pc-2' });
    expect((await countersForSlot(2)).map((row) => row.id)).toEqual([enrolment.counterId]);
    const issued = issuedCredentials();
    expect(issued).toHaveLength(4);
    expect(issued.at(-1)).toBe(heldCredential(again.core).credential);
    for (const lost of issued.slice(0, -1)) expect(await works(lost)).toBe(false);
    expect(await works(issued.at(-1)!)).toBe(true);
  });

  test('a different nonce cannot reuse the code: another counter, or a stranger, gets enrolment-code-invalid', async () => {
    const holder = counterCore();
    const code = await newCode(3);
    proxy.setChooser((index) => (index === 0 ? { kind: 'cutResponse', afterBytes: 0 } : { kind: 'pass' }));
    await call(holder.core, 'sync.enroll', { serverUrl: proxy.url, code, deviceName: 'pc-3' });

    const other = counterCore();
    const refused = await call(other.core, 'sync.enroll', { serverUrl: proxy.url, code, deviceName: 'pc-x' }).catch((error: unknown) => error as { code: string });
    expect(refused).toMatchObject({ code: 'enrolment-code-invalid' });
    expect(heldCredential(other.core)).toEqual({ credential: null, nonce: null });
    const stranger = await central.server.request(CENTRAL_PATHS.enrol, { json: { code, deviceName: 'pc-y', clientNonce: randomUUID() } });
    expect(stranger.status).toBe(401);
    expect(stranger.body).toMatchObject({ error: { code: 'enrolment-code-invalid' } });

    expect(await countersForSlot(3)).toHaveLength(1);
    expect(await works(heldCredential(holder.core).credential!)).toBe(true);
  });
});
