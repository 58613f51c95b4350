import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { openCounterDatabase, type CounterDatabase } from '../../db/open-database.ts';
import { appendAudit, auditTimeline, verifyAudit } from './repo.ts';

let temp: ReturnType<typeof makeTempDir>;
let db: CounterDatabase;

beforeEach(() => {
  temp = makeTempDir();
  db = openCounterDatabase(path.join(temp.dir, 'profiles', 'default.sqlite'));
  for (let i = 1; i <= 5; i += 1) {
    appendAudit(db, { id: `a-${i}`, at: `2026-11-23T08:0${i}:00+07:00`, actor: 'clerk-1', action: i === 1 ? 'dossier.received' : 'dossier.startProcessing', entity: 'dossier', entityId: i <= 3 ? 'd-1' : 'd-2', details: { n: i } });
  }
});
afterEach(() => {
  db.close();
  temp.remove();
});

/** What someone with the file and a SQLite shell could do: drop the guards, then edit. */
function tamper(sql: string): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
}

describe('audit chain', () => {
  test('an untouched chain verifies', () => {
    expect(verifyAudit(db)).toEqual({ ok: true, entries: 5, brokenAtSeq: null, problem: null });
  });

  test('the log refuses UPDATE and DELETE', () => {
    expect(() => db.exec("UPDATE audit_log SET actor = 'x' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/);
  });

  test('a changed entry is found, at its place', () => {
    tamper(`UPDATE audit_log SET details = '{"n":99}' WHERE seq = 3`);
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAtSeq: 3, problem: expect.stringContaining('changed') });
  });

  test('a removed entry is found', () => {
    tamper('DELETE FROM audit_log WHERE seq = 2');
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAtSeq: 2, problem: expect.stringContaining('missing') });
  });

  test('a re-hashed forgery breaks the link of the next entry', () => {
    // Changing a row and recomputing its own hash is not enough: the next entry still names the old hash.
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as Record<string, string | number>;
    tamper(`UPDATE audit_log SET actor = 'someone-else', hash = '${'f'.repeat(64)}' WHERE seq = 2`);
    expect(row['hash']).not.toBe('f'.repeat(64));
    expect(verifyAudit(db).brokenAtSeq).toBe(2);
  });

  test('the timeline of one record is in order', () => {
    expect(auditTimeline(db, 'dossier', 'd-1').map((entry) => entry.details['n'])).toEqual([1, 2, 3]);
  });

  test('entries written before the chain existed (schema 2) are chained by the upgrade', () => {
    // A genuine schema-2 file: migrated to 2 only, with rows written the old way (no seq, no hash).
    const legacyFile = path.join(temp.dir, 'legacy.sqlite');
    const legacy = new Database(legacyFile);
    migrateDatabase(legacy, 2);
    legacy.exec(`INSERT INTO audit_log (id, at, actor, action, entity, entity_id) VALUES
      ('old-2', '2026-01-02T08:00:00+07:00', 'clerk', 'b', 'dossier', 'd'),
      ('old-1', '2026-01-01T08:00:00+07:00', 'clerk', 'a', 'dossier', 'd')`);
    migrateDatabase(legacy);
    expect(legacy.prepare('SELECT id, seq FROM audit_log ORDER BY seq').all()).toEqual([
      { id: 'old-1', seq: 1 },
      { id: 'old-2', seq: 2 },
    ]);
    expect(verifyAudit(legacy)).toMatchObject({ ok: true, entries: 2 });
    appendAudit(legacy, { id: 'new-3', at: '2026-11-23T08:00:00+07:00', actor: 'clerk', action: 'c', entity: 'dossier', entityId: 'd', details: {} });
    expect(verifyAudit(legacy)).toMatchObject({ ok: true, entries: 3 });
    legacy.close();
  });
});
