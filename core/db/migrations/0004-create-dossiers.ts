import type { Database } from 'better-sqlite3';
import { GENESIS_HASH, hashAuditRow } from '../../features/audit/chain.ts';

/** Entries written before the chain existed are chained in the order they were written. */
function chainExistingAuditRows(db: Database): void {
  const rows = db.prepare('SELECT rowid, id, at, actor, action, entity, entity_id, details FROM audit_log ORDER BY at, rowid').all() as { rowid: number; id: string; at: string; actor: string; action: string; entity: string; entity_id: string; details: string }[];
  let prevHash = GENESIS_HASH;
  const update = db.prepare('UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE rowid = ?');
  rows.forEach((row, index) => {
    const seq = index + 1;
    const hash = hashAuditRow({ seq, id: row.id, at: row.at, actor: row.actor, action: row.action, entity: row.entity, entityId: row.entity_id, details: row.details, prevHash });
    update.run(seq, prevHash, hash, row.rowid);
    prevHash = hash;
  });
}

/**
 * Dossiers, their papers, how their official codes are allocated, the search index, and the audit chain.
 * Applicant fields that are searched are columns; the rest of the applicant stays as JSON.
 */
export function migrate0004(db: Database): void {
  db.exec(`
    CREATE TABLE dossiers (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      agency_code TEXT NOT NULL,
      procedure_code TEXT NOT NULL,
      procedure_name TEXT NOT NULL,
      procedure_version TEXT NOT NULL,
      time_limit TEXT NOT NULL,
      applicant TEXT NOT NULL,
      applicant_name TEXT NOT NULL,
      applicant_id_number TEXT,
      applicant_phone TEXT,
      channel TEXT NOT NULL,
      status TEXT NOT NULL,
      received_at TEXT NOT NULL,
      clock_starts_at TEXT NOT NULL,
      due_at TEXT NOT NULL,
      due_at_utc TEXT NOT NULL,
      sets INTEGER NOT NULL,
      result_delivery TEXT NOT NULL,
      notes TEXT,
      lookup_pin TEXT NOT NULL,
      paused_at TEXT,
      paused_minutes INTEGER NOT NULL DEFAULT 0,
      returned_at TEXT,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      -- "yyMMdd-NNNN": what a clerk reads off a slip and types, found without the agency prefix.
      code_tail TEXT GENERATED ALWAYS AS (substr(code, -11)) VIRTUAL
    ) STRICT;
    CREATE INDEX dossiers_code_tail ON dossiers (code_tail);
    CREATE INDEX dossiers_received ON dossiers (received_at);
    CREATE INDEX dossiers_open_due ON dossiers (status, due_at_utc);
    CREATE INDEX dossiers_id_number ON dossiers (applicant_id_number);
    CREATE INDEX dossiers_phone ON dossiers (applicant_phone);
    CREATE INDEX dossiers_pin ON dossiers (lookup_pin);

    CREATE TABLE dossier_papers (
      dossier_id TEXT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      form TEXT NOT NULL,
      count INTEGER NOT NULL,
      required INTEGER NOT NULL,
      note TEXT,
      scan_sha256 TEXT,
      PRIMARY KEY (dossier_id, position)
    ) STRICT;

    -- This counter's next sequence in its own slice of each day (docs/DOSSIER-CODES.md).
    CREATE TABLE code_sequences (
      agency_code TEXT NOT NULL,
      day TEXT NOT NULL,
      next_sequence INTEGER NOT NULL,
      last_sequence INTEGER NOT NULL,
      PRIMARY KEY (agency_code, day)
    ) STRICT;

    -- Blocks of a day's sequence reserved for this counter by the central server; used before the slice.
    CREATE TABLE code_blocks (
      agency_code TEXT NOT NULL,
      day TEXT NOT NULL,
      first_sequence INTEGER NOT NULL,
      last_sequence INTEGER NOT NULL,
      next_sequence INTEGER NOT NULL,
      reserved_at TEXT NOT NULL,
      PRIMARY KEY (agency_code, day, first_sequence),
      CHECK (first_sequence <= last_sequence AND next_sequence BETWEEN first_sequence AND last_sequence + 1)
    ) STRICT;

    -- Names folded (no diacritics, đ → d) by the app before indexing; rowid = dossiers.rowid.
    CREATE VIRTUAL TABLE dossier_names USING fts5 (name, content = '', contentless_delete = 1, detail = none, prefix = '2 3', tokenize = 'unicode61');

    ALTER TABLE audit_log ADD COLUMN seq INTEGER;
    ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
    ALTER TABLE audit_log ADD COLUMN hash TEXT;
    CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);
  `);
  chainExistingAuditRows(db);
  db.exec(`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END;
  `);
}
