// Intake and search at scale: N realistic dossiers (fake Vietnamese applicants, a real procedure mix,
// 20 agencies over three years) are loaded into a counter file, then real intakes and searches are timed
// through the dispatcher (synchronous=FULL), with LIKE queries on the same file as the baseline.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDossierCode, receiptDay } from '../../shared/domain/dossiers/dossier-code.ts';
import { foldVietnamese } from '../../shared/domain/text/fold.ts';
import { toVietnamIso } from '../../shared/domain/time/vietnam-time.ts';
import type { Core } from '../../core/app/create-core.ts';
import { appendAudit } from '../../core/features/audit/repo.ts';
import { addReservedBlock } from '../../core/features/dossiers/code-allocator.ts';
import { insertDossier } from '../../core/features/dossiers/repo.ts';
import { uuidv7 } from '../../core/ports/ids.ts';
import { createCitizenFaker, seededRandom, type FakeCitizen } from '../../test/harness/fake-citizens.ts';
import { createTestCore } from '../../test/harness/test-core.ts';
import { makeTempDir } from '../../test/harness/temp-dir.ts';
import { ms, timeMany } from './measure.ts';

/** Roughly how often each procedure comes to a commune or province counter (chứng thực and hộ tịch lead). */
const PROCEDURE_MIX: readonly (readonly [string, number])[] = [
  ['2.000815', 30], ['2.000884', 8], ['2.001035', 5], ['1.001193', 8], ['1.000894', 3], ['1.000656', 2], ['1.004873', 5],
  ['2.000635', 4], ['1.004222', 6], ['1.004194', 5], ['1.001612', 3], ['2.000720', 2], ['1.013831', 8], ['1.013978', 3],
  ['1.012783', 2], ['1.013225', 2], ['1.004859', 2], ['1.003197', 2],
];
const AGENCIES = Array.from({ length: 20 }, (_, i) => `000.00.${String(10 + i).padStart(2, '0')}.H12`);
const START = Date.parse('2024-01-02T01:00:00Z');
const END = Date.parse('2026-11-20T09:00:00Z');

type Procedure = { code: string; name: string; version: string; timeLimit: { unit: 'workingDays' | 'workingHours' | 'calendarDays' | 'sameDay'; value: number; cutoff?: string } };

function pickWeighted<T>(items: readonly (readonly [T, number])[], random: () => number): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let at = random() * total;
  for (const [item, weight] of items) {
    at -= weight;
    if (at <= 0) return item;
  }
  return items[items.length - 1]![0];
}

function load(core: Core, count: number, procedures: Map<string, Procedure>, samples: FakeCitizen[]): void {
  const db = core.storage.db();
  db.pragma('synchronous = OFF'); // loading history only; the timed intakes below run with FULL
  const faker = createCitizenFaker('bench-1m');
  const random = seededRandom('bench-mix');
  const sequences = new Map<string, number>();
  const step = (END - START) / count;
  const batch = 20_000;
  const started = performance.now();
  for (let offset = 0; offset < count; offset += batch) {
    db.transaction(() => {
      for (let i = offset; i < Math.min(count, offset + batch); i += 1) {
        const citizen = faker.next();
        if (i % Math.ceil(count / 2000) === 0) samples.push(citizen);
        const procedure = procedures.get(pickWeighted(PROCEDURE_MIX, random))!;
        const at = new Date(START + i * step);
        const agency = AGENCIES[Math.floor(random() * AGENCIES.length)]!;
        const day = receiptDay(at);
        const key = `${agency}/${day}`;
        const sequence = (sequences.get(key) ?? 0) + 1;
        sequences.set(key, sequence);
        const receivedAt = toVietnamIso(at);
        const id = uuidv7(at.getTime());
        insertDossier(db, {
          id,
          code: formatDossierCode(agency, day, sequence),
          agencyCode: agency,
          procedure,
          applicant: { kind: 'citizen', fullName: citizen.fullName, idNumber: citizen.idNumber, ...(citizen.phone ? { phone: citizen.phone } : {}), address: citizen.address },
          channel: 'direct',
          receivedAt,
          clockStartsAt: receivedAt,
          dueAt: toVietnamIso(new Date(at.getTime() + 5 * 86_400_000)),
          papers: [{ name: 'Tờ khai', form: 'original', count: 1, required: true }],
          sets: 1,
          resultDelivery: { method: 'counter' },
          notes: null,
          lookupPin: String(Math.floor(random() * 1_000_000)).padStart(6, '0'),
          createdBy: 'bench',
          foldedName: foldVietnamese(citizen.fullName),
        });
        appendAudit(db, { id: uuidv7(at.getTime()), at: receivedAt, actor: 'bench', action: 'dossier.received', entity: 'dossier', entityId: id, details: { procedureCode: procedure.code } });
      }
    })();
    if (sequences.size > 50_000) sequences.clear(); // days are loaded in order; old days are done
  }
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`loaded ${count.toLocaleString('en')} dossiers (with papers, search index and audit chain) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export async function benchDossiers(count: number): Promise<void> {
  const temp = makeTempDir('mot-cua-bench-dossiers-');
  const now = new Date('2026-11-23T02:00:00Z'); // a Monday, 09:00 in Vietnam
  const core = createTestCore(temp.dir, { clock: { now: () => now }, checkpointIntervalMs: 100 });
  try {
    await core.dispatch('settings.update', { counter: { agencyCode: '000.00.99.H12', slot: 1 } });
    const procedures = new Map<string, Procedure>();
    for (const [code] of PROCEDURE_MIX) {
      const result = await core.dispatch('catalogue.get', { code });
      if (!result.ok) throw new Error(`procedure ${code} is not in the shipped catalogue`);
      const { version } = result.value as { version: { name: string; effectiveFrom: string; timeLimit: Procedure['timeLimit'] | null } };
      procedures.set(code, { code, name: version.name, version: version.effectiveFrom, timeLimit: version.timeLimit ?? { unit: 'workingDays', value: 5 } });
    }
    const samples: FakeCitizen[] = [];
    load(core, count, procedures, samples);
    const db = core.storage.db();
    addReservedBlock(db, { agencyCode: '000.00.99.H12', day: receiptDay(now), first: 1, last: 5999, reservedAt: now.toISOString() });

    const intakeFaker = createCitizenFaker('bench-intake');
    const intakeOnce = async () => {
      const citizen = intakeFaker.next();
      const result = await core.dispatch('dossiers.intake', {
        procedureCode: '2.000815',
        applicant: { kind: 'citizen', fullName: citizen.fullName, idNumber: citizen.idNumber },
        papers: [{ name: 'Bản chính giấy tờ cần chứng thực', form: 'original', count: 1 }],
      });
      if (!result.ok) throw new Error(result.error.message);
    };
    // Back to back, with the background WAL checkpoint the running app does between intakes (untimed).
    const burst = await timeMany(2000, intakeOnce, (i) => i % 20 === 0 && core.storage.checkpoint());
    console.log(`intake through the dispatcher (code, dossier, papers, index, audit, outbox; synchronous=FULL), back to back: p50 ${ms(burst.p50)}, p99 ${ms(burst.p99)}`);
    // As at a counter: idle time before each intake, the core's own checkpoint timer running.
    core.start();
    const paced = await timeMany(500, intakeOnce, () => new Promise((resolve) => setTimeout(resolve, 25)));
    console.log(`intake with 25 ms idle before each (as at a counter; CPU and caches cool down): p50 ${ms(paced.p50)}, p99 ${ms(paced.p99)}`);

    const codes = (db.prepare('SELECT code FROM dossiers ORDER BY random() LIMIT 500').all() as { code: string }[]).map((row) => row.code);
    const names = samples.slice(0, 500).map((citizen) => citizen.fullName);
    const ids = samples.slice(0, 500).map((citizen) => citizen.idNumber);
    const search = (queries: readonly string[], fold: (query: string) => string) =>
      timeMany(queries.length, async (i) => {
        const result = await core.dispatch('dossiers.search', { query: fold(queries[i]!), limit: 50 });
        if (!result.ok) throw new Error(result.error.message);
      });
    const like = (column: string, queries: readonly string[]) => {
      // A full scan per query: 50 of them are enough for a stable figure.
      const statement = db.prepare(`SELECT id FROM dossiers WHERE ${column} LIKE '%' || ? || '%' LIMIT 50`);
      return timeMany(Math.min(50, queries.length), (i) => statement.all(queries[i]!));
    };
    const rows: [string, Awaited<ReturnType<typeof search>>, Awaited<ReturnType<typeof like>>][] = [
      ['name without diacritics ("nguyen van an")', await search(names, foldVietnamese), await like('applicant_name', names)],
      ['ID number (12 digits)', await search(ids, (q) => q), await like('applicant_id_number', ids)],
      ['dossier code', await search(codes, (q) => q), await like('code', codes)],
    ];
    for (const [label, fts, baseline] of rows) {
      console.log(`search by ${label}: p50 ${ms(fts.p50)}, p95 ${ms(fts.p95)} — LIKE '%…%' baseline p50 ${ms(baseline.p50)}, p95 ${ms(baseline.p95)}`);
    }
    console.log('  (the LIKE baseline for names is given the exact diacritics; LIKE cannot fold them, FTS gets the folded query)');

    const file = core.storage.file;
    const size = ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);
    console.log(`file size with ${(count + 2000).toLocaleString('en')} dossiers: ${(size / 1024 ** 2).toFixed(0)} MiB (${path.basename(file)})`);
  } finally {
    core.stop();
    temp.remove();
  }
}
