import type { Database } from 'better-sqlite3';

/**
 * Retry-safe enrolment (docs/SYNC.md, "Credential storage"): the client nonce sent with a one-time code is
 * written before the request and kept until a credential is stored, so a retry — in the same call, or after a
 * restart with the same code typed again — carries the same nonce and the server can answer it again.
 * Only the code's SHA-256 is kept (to recognise the same code), never the code itself.
 */
export function migrate0010(db: Database): void {
  db.exec(`
    ALTER TABLE sync_state ADD COLUMN pending_enrol_key TEXT;
    ALTER TABLE sync_state ADD COLUMN pending_enrol_nonce TEXT;
  `);
}
