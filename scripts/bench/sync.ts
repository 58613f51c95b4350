// Drain of a dossier backlog to a central server: the stand-in in this process by default, or a real one
// (`--sync-server URL --sync-code ENROLMENT-CODE`). Prints time, throughput and the counter's peak memory.
import { performance } from 'node:perf_hooks';
import type { Dossier } from '../../shared/contract/dossiers.ts';
import { formatDossierCode, receiptDay } from '../../shared/domain/dossiers/dossier-code.ts';
import { insertOutboxJob } from '../../core/features/sync/outbox-repo.ts';
import { startStandIn } from '../../core/features/sync/testing/stand-in-server.ts';
import { uuidv7 } from '../../core/ports/ids.ts';
import { createTestCore } from '../../test/harness/test-core.ts';
import { makeTempDir } from '../../test/harness/temp-dir.ts';
import { ms } from './measure.ts';

type Options = Readonly<{ dossiers: number; server?: string | undefined; code?: string | undefined }>;

async function unwrap<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error?.code}: ${result.error?.message}`);
  return result.value as T;
}

export async function benchSync(options: Options): Promise<void> {
  const temp = makeTempDir('mot-cua-bench-sync-');
  const standIn = options.server ? null : await startStandIn();
  const serverUrl = options.server ?? standIn!.url;
  const code = options.code ?? 'BENCH-ENROL-1';
  standIn?.addEnrolmentCode(code, { agencyCode: '000.00.12.H12', agencyName: 'UBND phường Đo Tốc Độ', counterName: 'Quầy 1', slot: 1 });
  const core = createTestCore(temp.dir, { probeIntervalMs: 3_600_000, syncIntervalMs: 3_600_000 });
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

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const start = performance.now();
    const status = await unwrap<{ pending: number; deadLetters: number }>(core.dispatch('sync.now', {}));
    const elapsed = performance.now() - start;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const pushes = standIn?.requests.filter((request) => request.path === '/api/v1/sync/push').length;
    console.log(`drain to ${standIn ? 'the in-process stand-in' : serverUrl}: ${ms(elapsed)} (${((options.dossiers / elapsed) * 1000).toFixed(0)} dossiers/s${pushes === undefined ? '' : `, ${pushes} push requests`}); left pending ${status.pending}, dead letters ${status.deadLetters}`);
    console.log(`peak RSS while draining: ${(peakRss / 1024 / 1024).toFixed(0)} MiB${standIn ? ' (counter and stand-in share this process)' : ''}`);
    if (standIn) console.log(`the stand-in holds ${standIn.dossiers.size.toLocaleString('en')} dossiers`);
  } finally {
    core.stop();
    await standIn?.close();
    temp.remove();
  }
}
