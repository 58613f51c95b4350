import type { Database } from 'better-sqlite3';

/**
 * Clerk accounts pulled from the central server, so clerks sign in offline, and the version of each kind of
 * reference data the counter holds (its ETag), so an unchanged pull costs one 304.
 *
 * `failed_attempts` and `locked_until` are the counter's own: a pull replaces name, hash, roles and the
 * disabled flag but keeps them, so a lockout survives both a restart and a pull. Only slow scrypt hashes are
 * stored (the server never sends anything else).
 */
export function migrate0009(db: Database): void {
  db.exec(`
    CREATE TABLE clerks (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      -- JSON array of 'clerk' | 'supervisor'.
      roles TEXT NOT NULL,
      disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
      updated_at TEXT NOT NULL,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT
    ) STRICT;

    CREATE TABLE reference_versions (
      kind TEXT PRIMARY KEY CHECK (kind IN ('clerks', 'catalogue', 'calendars', 'form-templates')),
      version TEXT NOT NULL,
      -- Sent back as If-None-Match; the server answers 304 when nothing changed.
      etag TEXT,
      pulled_at TEXT NOT NULL
    ) STRICT;
  `);
}
