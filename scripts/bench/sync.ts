// Drain of a dossier backlog to the real central server (`node server/main.ts` on PGlite, its own process,
// set up as an administrator would), or to another one (`--sync-server URL --sync-code ENROLMENT-CODE`).
// Prints time, throughput and the counter's peak memory (the server's is its own process's).
import { performance } from 'node:perf_hooks';
import type { Dossier } from '../../shared/contract/dossiers.ts';
import { formatDossierCode, receiptDay } from '../../shared/domain/dossiers/dossier-code.ts';
import { insertOutboxJob } from '../../core/features/sync/outbox-repo.ts';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres, type PostgresCluster } from '../../server/testing/postgres.ts';
import { freePort, prepareCentralServer, startServerProcess, type ServerProcess } from '../../test/chaos/server-process.ts';
import { uuidv7 } from '../../core/ports/ids.ts';
import { createTestCore } from '../../test/harness/test-core.ts';
import { makeTempDir } from '../../test/harness/temp-dir.ts';
import { ms } from './measure.ts';
import { benchScanUpload, createUploadClock } from './scan-upload.ts';

type Options = Readonly<{ dossiers: number; server?: string | undefined; code?: string | undefined; database: 'pglite' | 'postgres' }>;

async function unwrap<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error?.code}: ${result.error?.message}`);
  return result.value as T;
}

export async function benchSync(options: Options): Promise<void> {
  const temp = makeTempDir('mot-cua-bench-sync-');
  let server: ServerProcess | null = null;
  let cluster: PostgresCluster | null = null;
  let serverUrl = options.server;
  let code = options.code;
  if (!serverUrl || !code) {
    const serverDir = path.join(temp.dir, 'server');
    fs.mkdirSync(serverDir);
    cluster = options.database === 'postgres' ? await startPostgres({ durable: true }) : null;
    [code] = prepareCentralServer(serverDir, cluster?.url, '000.00.12.H12', [1]);
    server = await startServerProcess({ dataDir: serverDir, port: await freePort(), databaseUrl: cluster?.url });
    serverUrl = server.url;
  }
  const serverKind = cluster ? 'PostgreSQL with fsync on, its own processes' : 'PGlite, its own process';
  const counterDir = path.join(temp.dir, 'counter');
  const uploadClock = createUploadClock();
  const core = createTestCore(counterDir, { probeIntervalMs: 3_600_000, syncIntervalMs: 3_600_000, http: uploadClock.http });
  try {
    await unwrap(core.dispatch('sync.enroll', { serverUrl, code, deviceName: 'bench' }));
    await unwrap(core.dispatch('sync.now', {}));
    // One real intake is the template; the backlog is its snapshot under new ids and codes, queued directly
    // (intake itself is measured by the dossiers bench).
    const template = await unwrap<Dossier>(core.dispatch('dossiers.intake', { procedureCode: '1.001193', applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An' } }));
    const db = core.storage.db();
    const buildStart = performance.now();
    db.transaction(() => {
      for (let i = 1; i < options.dossiers; i += 1) {
        const day = receiptDay(new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 5000) * 86_400_000));
        const dossier = { ...template, id: uuidv7(), code: formatDossierCode(template.agencyCode, day, (i % 5000) + 1) };
        insertOutboxJob(db, { id: uuidv7(), kind: 'dossier.upserted', aggregateId: dossier.id, payload: dossier, createdAt: new Date().toISOString() });
      }
    })();
    console.log(`queue a backlog of ${options.dossiers.toLocaleString('en')} dossier snapshots: ${ms(performance.now() - buildStart)}`);

    const baselineRss = process.memoryUsage().rss;
    let peakRss = baselineRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const start = performance.now();
    let status = await unwrap<{ pending: number; deadLetters: number }>(core.dispatch('sync.now', {}));
    // One sync.now drains what is due; a batch the server answered slowly may leave a remainder for the next.
    while (status.pending > 0 && status.deadLetters === 0 && performance.now() - start < 300_000) status = await unwrap(core.dispatch('sync.now', {}));
    const elapsed = performance.now() - start;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    console.log(`drain to ${server ? `the real central server (${serverKind})` : serverUrl}: ${ms(elapsed)} (${((options.dossiers / elapsed) * 1000).toFixed(0)} dossiers/s); left pending ${status.pending}, dead letters ${status.deadLetters}`);
    console.log(`counter's peak RSS while draining: ${(peakRss / 1024 / 1024).toFixed(0)} MiB (${(baselineRss / 1024 / 1024).toFixed(0)} MiB before)`);
    // 40 scans of 5 MB (a 50-page grey paper is ~5 MB): 200 MB, so the fixed cost of a sync round is not the figure.
    await benchScanUpload(core, unwrap, counterDir, uploadClock, { files: 40, megabytesEach: 5 });
  } finally {
    core.stop();
    await server?.stop();
    cluster?.stop();
    temp.remove();
  }
}
