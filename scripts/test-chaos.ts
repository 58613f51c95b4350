// `npm run test:chaos`: the full sync chaos run of issue 5 (10 000 dossiers through a fault proxy, the
// server and a counter killed with kill -9), against PGlite and, where Debian's PostgreSQL is installed,
// against a real PostgreSQL. Prints its figures; exits non-zero when anything was lost or doubled.
import { parseArgs } from 'node:util';
import { runSyncChaos, type ChaosReport } from '../test/chaos/sync-chaos.ts';
import { findPostgresBin, startPostgres } from '../server/testing/postgres.ts';

const { values } = parseArgs({
  options: { dossiers: { type: 'string', default: '10000' }, scans: { type: 'string', default: '500' }, 'crash-dossiers': { type: 'string', default: '60' }, seed: { type: 'string', default: '20261123' }, only: { type: 'string' } },
});
const dossiers = Number(values.dossiers);
const options = { dossiers, scans: Number(values.scans), crashCounterDossiers: Number(values['crash-dossiers']), seed: Number(values.seed), killServerTimes: 2, log: (line: string) => console.log(`  ${line}`) };

function failures(report: ChaosReport): string[] {
  const c = report.comparison;
  const problems: [string, number][] = [
    ['missing on the server', c.missing],
    ['extra on the server', c.extra],
    ['duplicate codes', c.duplicateCodes],
    ['code conflicts', c.codeConflicts],
    ['stale versions', c.staleVersions],
    ['audit entries differing', c.auditMismatches],
    ['audit chain breaks', c.auditChainBreaks],
    ['jobs left in counter queues', c.countersOutbox],
    ['scans not confirmed by the server', c.scansUnconfirmed],
    ['scans missing or different on the server', c.scansMismatched],
  ];
  return problems.filter(([, n]) => n !== 0).map(([what, n]) => `${n} ${what}`);
}

function print(report: ChaosReport): void {
  const c = report.comparison;
  console.log(`chaos[${report.storage}]: ${report.dossiers} dossiers (${report.versionsQueued} versions queued), server holds ${c.serverDossiers}, audit entries ${c.auditEntries}, scans ${c.scans} (byte-identical on the server: ${c.scans - c.scansMismatched})`);
  console.log(`  faults per connection: ${Object.entries(report.proxy).map(([kind, n]) => `${kind} ${n}`).join(', ')}; proxy down ${report.proxyDownWindows}×; server kill -9 ${report.serverKills}×; counter kill -9 ${report.counterKills}×`);
  console.log(`  intake ${report.intakeSeconds.toFixed(1)} s, final drain ${report.drainSeconds.toFixed(1)} s, total ${report.totalSeconds.toFixed(1)} s`);
}

let failed = false;
const backends: ('pglite' | 'postgres')[] = values.only ? [values.only as 'pglite' | 'postgres'] : ['pglite', 'postgres'];
for (const backend of backends) {
  if (backend === 'postgres' && !findPostgresBin()) {
    console.log('chaos[postgres]: SKIPPED — no PostgreSQL binaries (install Debian package postgresql)');
    continue;
  }
  const cluster = backend === 'postgres' ? await startPostgres() : null;
  try {
    console.log(`chaos[${backend}]: running with ${dossiers} dossiers…`);
    const report = await runSyncChaos({ ...options, databaseUrl: cluster?.url });
    print(report);
    const problems = failures(report);
    if (problems.length > 0) {
      failed = true;
      console.log(`  FAILED: ${problems.join('; ')}`);
    } else console.log('  ok: every dossier exactly once at its latest version, every scan byte-identical, audit chains intact, queues empty');
  } finally {
    cluster?.stop();
  }
}
process.exitCode = failed ? 1 : 0;
