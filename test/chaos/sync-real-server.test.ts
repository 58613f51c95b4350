import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Core } from '../../core/app/create-core.ts';
import type { DeadLetter } from '../../shared/contract/sync.ts';
import { callCore as call, startCentralFixture, type CentralFixture } from '../harness/central-fixture.ts';
import { makeTempDir } from '../harness/temp-dir.ts';
import { createTestCore } from '../harness/test-core.ts';
import { runSyncChaos } from './sync-chaos.ts';

// Counters (real cores on real SQLite files) against the real central server (PGlite) through the fault
// proxy. The full chaos run (10 000 dossiers, PostgreSQL too) is `npm run test:chaos`.
const applicant = { kind: 'citizen', fullName: 'Phạm Quốc Bảo', idNumber: '079090011223' } as const;

let central: CentralFixture;
const temps: { dir: string; remove: () => void }[] = [];
const cores: Core[] = [];

beforeEach(async () => {
  central = await startCentralFixture();
});
afterEach(async () => {
  for (const core of cores.splice(0)) core.stop();
  await central.close();
  for (const temp of temps.splice(0)) temp.remove();
});

async function enrolledCounter(slot: number): Promise<{ core: Core; file: string }> {
  const temp = makeTempDir();
  temps.push(temp);
  const core = createTestCore(temp.dir, { syncIntervalMs: 3_600_000 });
  cores.push(core);
  await central.enrol(core, { slot });
  return { core, file: path.join(temp.dir, 'profiles', 'default.sqlite') };
}

const intake = (core: Core) => call<{ id: string; code: string }>(core, 'dossiers.intake', { procedureCode: '1.001193', applicant });

describe('counters against the real central server', () => {
  test('a poisoned job (the server rejects it) goes to dead letters with its reason; the rest keeps flowing', async () => {
    const { core, file } = await enrolledCounter(1);
    const [first] = [await intake(core), await intake(core)];
    // A snapshot that is valid by the contract but claims another agency: the server refuses that item only.
    const db = new Database(file);
    const job = db.prepare("SELECT id, payload FROM outbox WHERE aggregate_id = ?").get(first.id) as { id: string; payload: string };
    const poisoned = { ...(JSON.parse(job.payload) as Record<string, unknown>), agencyCode: '000.00.99.H99' };
    db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify(poisoned), job.id);
    db.close();
    await intake(core);

    expect(await call(core, 'sync.now')).toMatchObject({ pending: 0, deadLetters: 1, state: 'online' });
    const { items } = await call<{ items: DeadLetter[] }>(core, 'sync.deadLetters', {});
    expect(items).toEqual([expect.objectContaining({ id: job.id, outcome: 'rejected', reasonCode: 'forbidden' })]);
    const held = await central.server.sql.query<{ id: string }>('SELECT id FROM dossiers');
    expect(held).toHaveLength(2);
    expect(held.map((row) => row.id)).not.toContain(first.id);
  });

  test('two counters of one agency offline on the same day: codes never collide, both sync cleanly', async () => {
    const a = await enrolledCounter(1);
    const b = await enrolledCounter(2);
    await central.proxy.down();
    const codes: string[] = [];
    for (let index = 0; index < 60; index += 1) {
      codes.push((await intake(a.core)).code, (await intake(b.core)).code);
    }
    expect(new Set(codes).size).toBe(120);
    await central.proxy.up();
    expect(await call(a.core, 'sync.now')).toMatchObject({ pending: 0, deadLetters: 0 });
    expect(await call(b.core, 'sync.now')).toMatchObject({ pending: 0, deadLetters: 0 });
    const held = await central.server.sql.query<{ code: string; code_conflict: boolean }>('SELECT code, code_conflict FROM dossiers');
    expect(held).toHaveLength(120);
    expect(held.filter((row) => row.code_conflict)).toEqual([]);
    expect(new Set(held.map((row) => row.code))).toEqual(new Set(codes));
  });
});

describe('sync chaos (small; `npm run test:chaos` is the full run)', () => {
  test(
    'through drops, resets, delays, cuts, duplicates, outages and kill -9 of server and counter: every dossier once at its latest version, every scan byte-identical, chains intact, queues empty',
    async () => {
      const report = await runSyncChaos({ dossiers: 250, scans: 25, crashCounterDossiers: 30, seed: 5, killServerTimes: 1 });
      expect(report.comparison).toEqual({
        serverDossiers: 280,
        missing: 0,
        extra: 0,
        duplicateCodes: 0,
        codeConflicts: 0,
        staleVersions: 0,
        auditEntries: report.versionsQueued,
        auditMismatches: 0,
        auditChainBreaks: 0,
        countersOutbox: 0,
        scans: 25,
        scansUnconfirmed: 0,
        scansMismatched: 0,
      });
      const faults = Object.entries(report.proxy).filter(([kind, n]) => kind !== 'pass' && n > 0);
      expect(faults.length, JSON.stringify(report.proxy)).toBeGreaterThanOrEqual(3);
    },
    240_000,
  );
});
