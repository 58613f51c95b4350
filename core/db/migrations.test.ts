import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../test/harness/temp-dir.ts';
import { migrateDatabase, readSchemaVersion } from './migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import { openCounterDatabase } from './open-database.ts';
import { CoreError } from '../rpc/core-error.ts';
import { GENESIS_HASH, hashAuditRow } from '../features/audit/chain.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'profiles', 'default.sqlite');
});
afterEach(() => temp.remove());

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
}

/** What each version's data looks like, so an upgrade can be shown to keep it. */
const SEED_AT_VERSION: Record<number, (db: Database.Database) => void> = {
  1: (db) =>
    db.prepare("INSERT INTO outbox (id, created_at, kind, aggregate_id, payload, next_attempt_at) VALUES ('job-1', '2026-11-23T08:00:00+07:00', 'dossier.received', 'd-1', '{}', '2026-11-23T08:00:00+07:00')").run(),
  2: (db) => {
    const entry = { id: 'a-1', at: '2026-11-23T08:00:00+07:00', actor: 'clerk-1', action: 'received', entity: 'dossier', entityId: 'd-1', details: '{}' };
    // From version 4 on, rows are chained as they are written (and can no longer be updated).
    const chained = db.prepare("SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'seq'").get() !== undefined;
    if (!chained) db.prepare('INSERT INTO audit_log (id, at, actor, action, entity, entity_id) VALUES (@id, @at, @actor, @action, @entity, @entityId)').run(entry);
    else {
      const row = { ...entry, seq: 1, prevHash: GENESIS_HASH };
      db.prepare('INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details, seq, prev_hash, hash) VALUES (@id, @at, @actor, @action, @entity, @entityId, @details, @seq, @prevHash, @hash)').run({ ...row, hash: hashAuditRow(row) });
    }
  },
  3: (db) => {
    db.prepare("INSERT INTO catalogue_origins (origin, revision, published_at, loaded_at) VALUES ('shipped', 1, '2026-11-20', '2026-11-23T08:00:00+07:00')").run();
    db.prepare(
      "INSERT INTO catalogue_versions (origin, code, effective_from, effective_to, local_code, name, name_folded, sector, sector_folded, level, body) VALUES ('shipped', '2.000815', '2025-07-01', NULL, NULL, 'Chứng thực bản sao từ bản chính', 'chung thuc ban sao tu ban chinh', 'Chứng thực', 'chung thuc', 'commune', '{}')",
    ).run();
  },
  4: (db) => {
    const row = db
      .prepare(
        `INSERT INTO dossiers (id, code, agency_code, procedure_code, procedure_name, procedure_version, time_limit, applicant, applicant_name,
           channel, status, received_at, clock_starts_at, due_at, due_at_utc, sets, result_delivery, lookup_pin, created_by, updated_at)
         VALUES ('d-1', '000.00.12.H12-261123-6000', '000.00.12.H12', '2.000815', 'Chứng thực bản sao', '2025-07-01', '{"unit":"sameDay","value":0}',
           '{"kind":"citizen","fullName":"Nguyễn Văn An"}', 'Nguyễn Văn An', 'direct', 'received', '2026-11-23T08:00:00+07:00',
           '2026-11-23T08:00:00+07:00', '2026-11-23T17:00:00+07:00', '2026-11-23T10:00:00.000Z', 1, '{"method":"counter"}', '123456', 'counter:default', '2026-11-23T08:00:00+07:00')`,
      )
      .run();
    db.prepare('INSERT INTO dossier_names (rowid, name) VALUES (?, ?)').run(row.lastInsertRowid, 'nguyen van an');
  },
  5: (db) => db.prepare("UPDATE sync_state SET counter_id = 'c-1', credential = 'c-1.secret', audit_acked_seq = 1, status_cursor = 7").run(),
  6: (db) => {
    db.prepare(`INSERT INTO printers (id, name, profile, is_default, updated_at) VALUES ('quay-1', 'Máy in quầy 1', '{}', 1, '2026-11-23T08:00:00+07:00')`).run();
    db.prepare(
      `INSERT INTO print_jobs (id, dossier_id, form, printer_id, copies, issued_at, state, next_attempt_at, created_at, updated_at)
       VALUES ('p-1', 'd-1', 'appointment', 'quay-1', 1, '2026-11-23T08:00:00+07:00', 'queued', '2026-11-23T01:00:00.000Z', '2026-11-23T01:00:00.000Z', '2026-11-23T01:00:00.000Z')`,
    ).run();
    db.prepare(`INSERT INTO form_values (id, value, updated_at) VALUES (1, '{"placeName":"Hoàn Kiếm"}', '2026-11-23T08:00:00+07:00')`).run();
  },
  7: (db) => {
    db.prepare(`INSERT INTO documents (sha256, size, pages, media_type, source, owner_id_number, created_at) VALUES ('${'ab'.repeat(32)}', 1234, 2, 'application/pdf', 'scan', '079090011223', '2026-11-23T01:00:00.000Z')`).run();
    db.prepare(`INSERT INTO document_links (dossier_id, paper_index, sha256, linked_at) VALUES ('d-1', 0, '${'ab'.repeat(32)}', '2026-11-23T01:00:00.000Z')`).run();
    db.prepare(`INSERT INTO scanning_settings (id, value, updated_at) VALUES (1, '{"retentionDays":30}', '2026-11-23T01:00:00.000Z')`).run();
  },
  8: (db) => {
    db.prepare(`INSERT INTO payments (id, dossier_id, method, amount, recorded_day, body) VALUES ('pay-1', 'd-1', 'cash', 10000, '2026-11-23', '{}')`).run();
    db.prepare(`INSERT INTO receipt_series (template, symbol, last_number) VALUES ('1', 'K26TAA', 1)`).run();
    db.prepare(`INSERT INTO receipts (id, payment_id, dossier_id, provider, status, template, symbol, number, issued_day, body) VALUES ('r-1', 'pay-1', 'd-1', 'local-signed', 'issued', '1', 'K26TAA', 1, '2026-11-23', '{}')`).run();
  },
  9: (db) => {
    db.prepare(
      `INSERT INTO clerks (id, username, display_name, password_hash, roles, disabled, updated_at, failed_attempts)
       VALUES ('k-1', 'lan', 'Nguyễn Thị Lan', 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5', '["clerk"]', 0, '2026-11-23T01:00:00.000Z', 2)`,
    ).run();
    db.prepare("INSERT INTO reference_versions (kind, version, etag, pulled_at) VALUES ('clerks', 'v1', '\"v1\"', '2026-11-23T08:00:00+07:00')").run();
  },
  10: (db) => db.prepare(`UPDATE sync_state SET pending_enrol_key = '${'cd'.repeat(32)}', pending_enrol_nonce = '0193a0b1-0000-4000-8000-000000000001'`).run(),
  11: (db) => db.prepare(`INSERT INTO form_templates (id, body, received_at) VALUES ('tinh/appointment@1', '{}', '2026-11-24T08:00:00+07:00')`).run(),
};

describe('migrations', () => {
  test('versions are 1, 2, … with no gap, and every version has seed data in this test', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(Object.keys(SEED_AT_VERSION).map(Number)).toEqual(MIGRATIONS.map((migration) => migration.version));
  });

  test('a fresh file gets every migration, WAL, synchronous=FULL and foreign keys', () => {
    const db = openCounterDatabase(file);
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['audit_log', 'catalogue_origins', 'catalogue_versions', 'outbox']));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  test.each(MIGRATIONS.slice(0, -1).map((migration) => migration.version).concat(0))('a file at version %i upgrades to the latest and keeps its data', (from) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const old = new Database(file);
    migrateDatabase(old, from);
    for (let version = 1; version <= from; version += 1) SEED_AT_VERSION[version]?.(old);
    old.close();

    const db = openCounterDatabase(file);
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    if (from >= 1) expect(db.prepare('SELECT id FROM outbox').all()).toEqual([{ id: 'job-1' }]);
    if (from >= 2) expect(db.prepare('SELECT id, seq, length(hash) AS hashLength FROM audit_log').all()).toEqual([{ id: 'a-1', seq: 1, hashLength: 64 }]);
    if (from >= 3) expect(db.prepare('SELECT origin, code FROM catalogue_versions').all()).toEqual([{ origin: 'shipped', code: '2.000815' }]);
    if (from >= 5) expect(db.prepare('SELECT counter_id, audit_acked_seq, status_cursor, pending_enrol_nonce FROM sync_state').all()).toEqual([{ counter_id: 'c-1', audit_acked_seq: 1, status_cursor: 7, pending_enrol_nonce: from >= 10 ? '0193a0b1-0000-4000-8000-000000000001' : null }]);
    if (from >= 8) expect(db.prepare('SELECT symbol, number FROM receipts').all()).toEqual([{ symbol: 'K26TAA', number: 1 }]);
    if (from >= 7) expect(db.prepare('SELECT d.pages, l.dossier_id FROM documents d JOIN document_links l USING (sha256)').all()).toEqual([{ pages: 2, dossier_id: 'd-1' }]);
    db.close();
  });

  test('a failing migration rolls back whole, leaving the file at the previous version', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', up: (target: Database.Database) => target.exec('CREATE TABLE half (x INTEGER); SELECT * FROM missing_table;') },
    ];
    expect(() => migrateDatabase(db, LATEST_SCHEMA_VERSION + 1, broken)).toThrow(/missing_table/);
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(tables(db)).not.toContain('half');
    db.close();
  });

  test('a file newer than the code is refused with db-too-new and not written to', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = fs.readFileSync(file);
    let error: unknown;
    try {
      openCounterDatabase(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('db-too-new');
    expect((error as CoreError).details).toEqual({ fileVersion: LATEST_SCHEMA_VERSION + 5, appVersion: LATEST_SCHEMA_VERSION });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
