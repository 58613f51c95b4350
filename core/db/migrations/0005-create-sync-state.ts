import type { Database } from 'better-sqlite3';

/**
 * What sync remembers between runs (one row), and how a dead letter says why it died.
 *
 * The counter credential is kept here, in the profile's SQLite file, because the core runs without
 * Electron (Node host, `desk`, tests) and Electron's safeStorage is the only OS-keychain access we have
 * today. The file sits in the user's profile folder, readable by that Windows account only, and the
 * credential is revocable and rotatable on the server. The planned move: a `SecretStore` port backed by
 * safeStorage (DPAPI / Keychain / libsecret) in Electron, with this column holding only the sealed blob.
 *
 * Delivered outbox jobs are deleted, not kept as a log: the server holds the delivered copy and the audit
 * log is the local history, so the file does not grow with every dossier ever sent.
 */
export function migrate0005(db: Database): void {
  db.exec(`
    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      server_url TEXT,
      counter_id TEXT,
      credential TEXT,
      enrolled_at TEXT,
      -- The last audit seq the server acknowledged; entries after it are uploaded in seq order.
      audit_acked_seq INTEGER NOT NULL DEFAULT 0,
      audit_attempts INTEGER NOT NULL DEFAULT 0,
      audit_next_attempt_at TEXT,
      -- Set when the server says our chain does not match its copy: uploads stop until IT retries.
      audit_problem_code TEXT,
      audit_problem_message TEXT,
      audit_problem_at TEXT,
      status_cursor INTEGER NOT NULL DEFAULT 0,
      last_sync_at TEXT,
      clock_skew_seconds REAL,
      clock_checked_at TEXT
    ) STRICT;
    INSERT INTO sync_state (id) VALUES (1);

    -- 'rejected' (the server refused the item) or 'conflict' (kept on both sides; IT decides).
    ALTER TABLE outbox ADD COLUMN dead_outcome TEXT;
    -- The server's (or our own) reason code, e.g. invalid-input, dossier-code-collision, invalid-payload.
    ALTER TABLE outbox ADD COLUMN dead_reason TEXT;
    CREATE INDEX outbox_dead ON outbox (dead_at) WHERE dead_at IS NOT NULL;
  `);
}
