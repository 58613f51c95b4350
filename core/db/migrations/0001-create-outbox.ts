import type { Database } from 'better-sqlite3';

/**
 * The outbox: every change bound for the central server, written in the same transaction as the change.
 * `aggregate_id` orders jobs per dossier; attempts and next_attempt_at persist so backoff survives restarts.
 */
export function migrate0001(db: Database): void {
  db.exec(`
    CREATE TABLE outbox (
      id TEXT PRIMARY KEY,
      created_at TEXT NOT NULL,
      kind TEXT NOT NULL,
      aggregate_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_error TEXT,
      dead_at TEXT
    ) STRICT;
    CREATE INDEX outbox_due ON outbox (dead_at, next_attempt_at);
    CREATE INDEX outbox_aggregate ON outbox (aggregate_id, created_at);
  `);
}
