import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { Core } from '../../core/app/create-core.ts';
import { callCore as call } from '../harness/central-fixture.ts';
import { seededRandom, startFaultProxy, type Fault, type FaultProxy } from '../harness/fault-proxy.ts';
import { startDeskServe, type DeskServe } from '../harness/desk-serve.ts';
import { createTestCore } from '../harness/test-core.ts';
import { freePort, prepareCentralServer, startServerProcess, type ServerProcess } from './server-process.ts';
import { compareWithServer, localBacklog, readCounterTruth, waitingScans, type Comparison } from './sync-truth.ts';

/**
 * The sync chaos run (issue 5): the real central server as its own process (PGlite, or PostgreSQL with a
 * database URL), a fault proxy in front of it, and two counters of one agency:
 *  - counter A in this process takes `dossiers` dossiers on a fast clock (about 90 a day, some moved along
 *    their lifecycle, so several versions of one dossier are queued; `scans` of them with a scanned paper,
 *    uploaded in 32 KiB chunks) while the proxy drops, resets, delays,
 *    cuts and duplicates connections, goes down and up, and the server is killed with kill -9 and restarted;
 *  - counter B is `desk serve` in its own process: it takes `crashCounterDossiers` dossiers and is killed
 *    with kill -9 while it drains, then restarted on the same file.
 * At the end the server must hold every dossier exactly once at its latest version, both audit chains
 * intact and equal to the counters' own, and both queues must be empty.
 */
export type ChaosOptions = Readonly<{
  dossiers: number;
  /** How many of counter A's dossiers get a scanned paper (uploaded in chunks by sync). */
  scans: number;
  crashCounterDossiers: number;
  seed: number;
  killServerTimes: number;
  databaseUrl?: string | undefined;
  log?: (line: string) => void;
}>;

export type ChaosReport = Readonly<{
  storage: 'pglite' | 'postgres';
  dossiers: number;
  versionsQueued: number;
  serverKills: number;
  counterKills: number;
  proxy: Readonly<Record<Fault['kind'], number>>;
  proxyDownWindows: number;
  intakeSeconds: number;
  drainSeconds: number;
  totalSeconds: number;
  comparison: Comparison;
}>;

export const CHAOS_AGENCY = '000.00.31.H47';
const APPLICANT = { kind: 'citizen', fullName: 'Lê Thị Hồng Nhung', idNumber: '001190054321' } as const;
const PROCEDURE = '1.001193';
/** Faults per new connection; the rest pass. Delays above the 1.5 s request timeout become timeouts. */
const FAULT_WEIGHTS: ReadonlyArray<readonly [number, (random: () => number) => Fault]> = [
  [0.08, () => ({ kind: 'drop' })],
  [0.07, () => ({ kind: 'reset' })],
  [0.08, (random) => ({ kind: 'delay', ms: Math.round(50 + random() * 2500) })],
  [0.07, (random) => ({ kind: 'cutRequest', afterBytes: Math.round(20 + random() * 4000) })],
  [0.08, (random) => ({ kind: 'cutResponse', afterBytes: Math.round(random() * 300) })],
  [0.06, () => ({ kind: 'duplicate' })],
];

export async function runSyncChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mot-cua-chaos-'));
  const serverDir = path.join(root, 'server');
  const random = seededRandom(options.seed);
  const [codeA, codeB] = prepareCentralServer(serverDir, options.databaseUrl, CHAOS_AGENCY, [1, 2]);
  const port = await freePort();
  let server: ServerProcess = await startServerProcess({ dataDir: serverDir, port, databaseUrl: options.databaseUrl });
  const proxy = await startFaultProxy({ targetHost: '127.0.0.1', targetPort: port });
  let counterB: DeskServe | null = null;
  let coreA: Core | null = null;
  try {
    let now = new Date('2026-01-05T01:00:00Z'); // Monday 5 January 2026, 08:00 in Vietnam
    const dirA = path.join(root, 'counter-a');
    coreA = createTestCore(dirA, { clock: { now: () => now }, syncIntervalMs: 100, probeIntervalMs: 250, probeTimeoutMs: 1_000, syncRequestTimeoutMs: 1_500, scanChunkBytes: 32 * 1024 });
    coreA.start();
    await call(coreA, 'sync.enroll', { serverUrl: proxy.url, code: codeA, deviceName: 'chaos-a' });

    proxy.setChooser(() => chooseFault(random));
    const a = await runCounterA(coreA, {
      count: options.dossiers,
      scanEvery: options.scans > 0 ? Math.max(1, Math.floor(options.dossiers / options.scans)) : 0,
      scanLimit: options.scans,
      importDir: path.join(dirA, 'import'),
      random,
      advance: (ms) => (now = new Date(now.getTime() + ms)),
      nextDay: () => (now = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 1, 0))),
      proxy,
      killServerAt: Array.from({ length: options.killServerTimes }, (_, k) => Math.floor(((k + 1) * options.dossiers) / (options.killServerTimes + 1))),
      killServer: async () => {
        await server.kill();
        log(`server killed (kill -9) at ${new Date().toISOString()}`);
      },
      restartServer: async () => {
        server = await startServerProcess({ dataDir: serverDir, port, databaseUrl: options.databaseUrl });
        log('server restarted');
      },
    });
    const intakeSeconds = (performance.now() - started) / 1000;
    log(`counter A: ${options.dossiers} dossiers, ${a.versions} versions queued in ${intakeSeconds.toFixed(1)} s`);

    const dirB = path.join(root, 'counter-b');
    fs.mkdirSync(dirB);
    counterB = await startDeskServe({ dataDir: dirB, requireUi: false });
    // Enrolment is a one-time code: it is done on a working line (a cut answer would burn the code).
    await proxy.up();
    proxy.setFault({ kind: 'pass' });
    await rpc(counterB, 'sync.enroll', { serverUrl: proxy.url, code: codeB, deviceName: 'chaos-b' });
    proxy.setChooser(() => chooseFault(random));
    for (let index = 0; index < options.crashCounterDossiers; index += 1) {
      await rpc(counterB, 'dossiers.intake', { procedureCode: PROCEDURE, applicant: APPLICANT });
    }
    // kill -9 while its worker drains: mid-batch, whatever it was doing.
    await new Promise((resolve) => setTimeout(resolve, 30 + random() * 200));
    await counterB.kill();
    log('counter B killed (kill -9) while draining');
    counterB = await startDeskServe({ dataDir: dirB, requireUi: false });

    const drainStarted = performance.now();
    proxy.setFault({ kind: 'pass' });
    await proxy.up();
    // The line is healthy again: connections kept alive under a fault go too. A 'delay' connection kept busy
    // never idles out, and every request reused it (found with the node:http client: 23.7 s per sync round).
    proxy.severAll();
    await drained(() => call(coreA!, 'sync.now', {}), path.join(dirA, 'profiles', 'default.sqlite'), 'counter A');
    await drained(() => rpc(counterB!, 'sync.now', {}), path.join(dirB, 'profiles', 'default.sqlite'), 'counter B');
    const drainSeconds = (performance.now() - drainStarted) / 1000;

    const truthA = readCounterTruth(path.join(dirA, 'profiles', 'default.sqlite'));
    const truthB = readCounterTruth(path.join(dirB, 'profiles', 'default.sqlite'));
    coreA.stop();
    coreA = null;
    await counterB.stop();
    counterB = null;
    await server.stop();
    const comparison = await compareWithServer(serverDir, options.databaseUrl, [truthA, truthB]);
    return {
      storage: options.databaseUrl ? 'postgres' : 'pglite',
      dossiers: truthA.dossiers.size + truthB.dossiers.size,
      versionsQueued: a.versions + options.crashCounterDossiers,
      serverKills: options.killServerTimes,
      counterKills: 1,
      proxy: proxy.stats(),
      proxyDownWindows: a.downWindows,
      intakeSeconds,
      drainSeconds,
      totalSeconds: (performance.now() - started) / 1000,
      comparison,
    };
  } finally {
    coreA?.stop();
    await counterB?.kill();
    await proxy.close();
    await server.kill();
    if (process.env['CHAOS_KEEP']) log(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

function chooseFault(random: () => number): Fault {
  let draw = random();
  for (const [weight, make] of FAULT_WEIGHTS) {
    if (draw < weight) return make(random);
    draw -= weight;
  }
  return { kind: 'pass' };
}

type CounterAPlan = Readonly<{
  count: number;
  /** Every n-th dossier gets a scanned paper (0: none). */
  scanEvery: number;
  scanLimit: number;
  importDir: string;
  random: () => number;
  advance: (ms: number) => void;
  nextDay: () => void;
  proxy: FaultProxy;
  killServerAt: readonly number[];
  killServer: () => Promise<void>;
  restartServer: () => Promise<void>;
}>;

const PAPERS = [{ name: 'Giấy chứng sinh', form: 'original', count: 1 }] as const;

/** A grey photo-like page, different for every seed: 40–80 KB of JPEG, so an upload takes several chunks. */
function noisyPage(seed: number): Buffer {
  const canvas = createCanvas(360, 480);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(360, 480);
  let state = (seed * 2654435761) >>> 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    state = (state * 1103515245 + 12345) >>> 0;
    const grey = 128 + ((state >>> 24) % 96);
    pixels.data[i] = grey;
    pixels.data[i + 1] = grey;
    pixels.data[i + 2] = grey;
    pixels.data[i + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  return canvas.encodeSync('jpeg', 85);
}

const LIFECYCLE = ['dossiers.startProcessing', 'dossiers.markResultReady', 'dossiers.returnResult'] as const;

async function runCounterA(core: Core, plan: CounterAPlan): Promise<{ versions: number; downWindows: number }> {
  const ids: string[] = [];
  const steps = new Map<string, number>();
  let versions = 0;
  let scans = 0;
  let downWindows = 0;
  fs.mkdirSync(plan.importDir, { recursive: true });
  let serverDownUntil = -1;
  let proxyDownUntil = -1;
  const window = Math.max(5, Math.floor(plan.count / 20));
  for (let index = 0; index < plan.count; index += 1) {
    if (index > 0 && index % 90 === 0) plan.nextDay();
    plan.advance(4 * 60_000);
    if (plan.killServerAt.includes(index)) {
      await plan.killServer();
      serverDownUntil = index + window;
    }
    if (index === serverDownUntil) await plan.restartServer();
    if (index > 0 && index % Math.max(10, Math.floor(plan.count / 7)) === 0 && plan.proxy.isUp()) {
      await plan.proxy.down();
      downWindows += 1;
      proxyDownUntil = index + window;
    }
    if (index === proxyDownUntil) await plan.proxy.up();
    if (index % 10 === 5) plan.proxy.severAll();

    // A clerk takes minutes per dossier: the worker's network I/O runs between intakes (without this yield
    // the in-process core would starve it until the next real pause and send everything in a few bursts).
    await new Promise((resolve) => setImmediate(resolve));
    const dossier = await call<{ id: string }>(core, 'dossiers.intake', { procedureCode: PROCEDURE, applicant: APPLICANT, papers: PAPERS });
    ids.push(dossier.id);
    versions += 1;
    if (plan.scanEvery > 0 && index % plan.scanEvery === 0 && scans < plan.scanLimit) {
      // A scanned paper: its own bytes (a noisy page, several chunks), attached in the dossier's own change.
      const file = path.join(plan.importDir, `giay-chung-sinh-${index}.jpg`);
      fs.writeFileSync(file, noisyPage(index));
      await call(core, 'documents.import', { paths: [file], dossierId: dossier.id, paperIndex: 0 });
      scans += 1;
      versions += 1;
    }
    // About one intake in three also moves an earlier dossier one step along, queueing another version.
    if (plan.random() < 0.35) {
      const id = ids[Math.floor(plan.random() * ids.length)]!;
      const step = steps.get(id) ?? 0;
      const method = LIFECYCLE[step];
      if (method) {
        await call(core, method, method === 'dossiers.returnResult' ? { id, to: 'applicant' } : { id });
        steps.set(id, step + 1);
        versions += 1;
      }
    }
  }
  if (serverDownUntil >= plan.count) await plan.restartServer();
  return { versions, downWindows };
}

async function rpc<T = unknown>(desk: DeskServe, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${desk.url}/rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.code} ${envelope.error?.message}`);
  return envelope.value as T;
}

type Status = { pending: number; deadLetters: number; state: string; lastError: string | null };

/**
 * `sync.now` until nothing is pending: the outbox (the status says it), the audit log and the scans (read from
 * the counter's file: the status does not count them). Dead letters fail the run, reported with the status.
 */
async function drained(syncNow: () => Promise<unknown>, databaseFile: string, who: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  let status: Status | null = null;
  let backlog = -1;
  while (Date.now() < deadline) {
    const t0 = performance.now();
    status = (await syncNow()) as Status;
    backlog = localBacklog(databaseFile);
    // CHAOS_TRACE=1: each round of the final drain, how long it took and what was left.
    if (process.env['CHAOS_TRACE']) process.stderr.write(`[drain ${who}] ${(performance.now() - t0).toFixed(0)} ms, pending ${status.pending}, backlog ${backlog}; ${waitingScans(databaseFile)}\n`);
    if (status.pending === 0 && backlog === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!status || status.pending !== 0 || status.deadLetters !== 0 || backlog !== 0) {
    throw new Error(`${who} did not drain: ${JSON.stringify(status)}, ${backlog} audit entries and scans left; scans waiting: ${waitingScans(databaseFile)}`);
  }
}
