import type { Database } from 'better-sqlite3';

/** Who did what to which record, when: the dossier timeline and the audit trail synced to the server. */
export function migrate0002(db: Database): void {
  db.exec(`
    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      details TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
  `);
}
