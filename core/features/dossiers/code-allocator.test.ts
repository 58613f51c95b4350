import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { slotRange } from '../../../shared/domain/dossiers/dossier-code.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { openCounterDatabase, type CounterDatabase } from '../../db/open-database.ts';
import { addReservedBlock, allocateDossierCode } from './code-allocator.ts';

const AGENCY = '000.00.12.H12';
const DAY = '261123';
const partition = { firstSequence: 6000, slotSize: 100 };
let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

/** One counter = one data file, as on separate PCs that cannot see each other while offline. */
function counter(name: string): CounterDatabase {
  return openCounterDatabase(path.join(temp.dir, name, 'profiles', 'default.sqlite'));
}

function take(db: CounterDatabase, slot: number | null, day = DAY): string {
  return db.transaction(() => allocateDossierCode(db, { agencyCode: AGENCY, day, slot, partition }).code)();
}

describe('dossier codes shared by the counters of one agency', () => {
  test.each([2, 5])('%i counters offline on the same day never collide, each within its slot', (counters) => {
    const codes: string[] = [];
    for (let slot = 1; slot <= counters; slot += 1) {
      const db = counter(`counter-${slot}`);
      for (let i = 0; i < 60; i += 1) codes.push(take(db, slot));
      const own = codes.slice(-60).map((code) => Number(code.slice(-4)));
      const range = slotRange(partition, slot);
      expect(Math.min(...own)).toBe(range.first);
      expect(Math.max(...own)).toBe(range.first + 59);
      db.close();
    }
    expect(new Set(codes).size).toBe(counters * 60);
    expect(codes[0]).toBe(`${AGENCY}-${DAY}-6000`);
  });

  test('a new day starts the slot again; the old day goes on where it was', () => {
    const db = counter('c');
    expect(take(db, 3)).toBe(`${AGENCY}-${DAY}-6200`);
    expect(take(db, 3, '261124')).toBe(`${AGENCY}-261124-6200`);
    expect(take(db, 3)).toBe(`${AGENCY}-${DAY}-6201`);
    db.close();
  });

  test('blocks reserved by the server are used first, in order, then the slot', () => {
    const db = counter('c');
    addReservedBlock(db, { agencyCode: AGENCY, day: DAY, first: 41, last: 42, reservedAt: '2026-11-22T17:00:00Z' });
    addReservedBlock(db, { agencyCode: AGENCY, day: DAY, first: 1, last: 1, reservedAt: '2026-11-22T17:00:00Z' });
    expect([take(db, 1), take(db, 1), take(db, 1), take(db, 1)].map((code) => code.slice(-4))).toEqual(['0001', '0041', '0042', '6000']);
    db.close();
  });

  test('an exhausted slot is refused with code-space-exhausted, never wrapped into another slot', () => {
    const db = counter('c');
    const small = { firstSequence: 9990, slotSize: 5 };
    for (let i = 0; i < 5; i += 1) db.transaction(() => allocateDossierCode(db, { agencyCode: AGENCY, day: DAY, slot: 1, partition: small }))();
    expect(() => db.transaction(() => allocateDossierCode(db, { agencyCode: AGENCY, day: DAY, slot: 1, partition: small }))()).toThrow(expect.objectContaining({ code: 'code-space-exhausted' }));
    db.close();
  });

  test('without a slot or a block the counter cannot issue codes (counter-not-configured)', () => {
    const db = counter('c');
    expect(() => take(db, null)).toThrow(expect.objectContaining({ code: 'counter-not-configured' }));
    db.close();
  });

  test('a crash between allocation and commit leaves neither a number used nor a half dossier', () => {
    const file = path.join(temp.dir, 'crash', 'profiles', 'default.sqlite');
    openCounterDatabase(file).close();
    // A child process allocates a code inside a transaction, writes a dossier row, and dies (SIGKILL) before COMMIT.
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
        import { openCounterDatabase } from ${JSON.stringify(path.resolve('core/db/open-database.ts'))};
        import { allocateDossierCode } from ${JSON.stringify(path.resolve('core/features/dossiers/code-allocator.ts'))};
        const db = openCounterDatabase(${JSON.stringify(file)});
        db.exec('BEGIN IMMEDIATE');
        const { code } = allocateDossierCode(db, { agencyCode: '${AGENCY}', day: '${DAY}', slot: 1, partition: { firstSequence: 6000, slotSize: 100 } });
        db.prepare("INSERT INTO audit_log (id, at, actor, action, entity, entity_id, seq, prev_hash, hash) VALUES ('x', 'now', 'a', 'b', 'dossier', ?, 1, '', '')").run(code);
        process.stdout.write(code);
        process.kill(process.pid, 'SIGKILL');
        `,
      ],
      { encoding: 'utf8' },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).toBe(`${AGENCY}-${DAY}-6000`);
    const db = openCounterDatabase(file);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM code_sequences').get()).toEqual({ n: 0 });
    // The number was never committed, so it was never printed: the next intake may and does take it.
    expect(take(db, 1)).toBe(`${AGENCY}-${DAY}-6000`);
    expect(take(db, 1)).toBe(`${AGENCY}-${DAY}-6001`);
    db.close();
  });
});
