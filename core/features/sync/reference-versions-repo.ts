import type { CounterDatabase } from '../../db/open-database.ts';
import { cachedStatement } from '../../db/statements.ts';

/** The kinds of reference data the counter pulls (table reference_versions, migration 0009). */
export type ReferenceKind = 'clerks' | 'catalogue' | 'calendars' | 'form-templates';

export type ReferenceVersion = Readonly<{ kind: ReferenceKind; version: string; etag: string | null; pulledAt: string }>;

export function readReferenceVersion(db: CounterDatabase, kind: ReferenceKind): ReferenceVersion | null {
  const row = cachedStatement(db, 'SELECT kind, version, etag, pulled_at AS pulledAt FROM reference_versions WHERE kind = ?').get(kind) as ReferenceVersion | undefined;
  return row ?? null;
}

/** Call in the transaction that applied this version, so the stored ETag never runs ahead of the data. */
export function recordReferenceVersion(db: CounterDatabase, version: ReferenceVersion): void {
  cachedStatement(
    db,
    `INSERT INTO reference_versions (kind, version, etag, pulled_at) VALUES (@kind, @version, @etag, @pulledAt)
     ON CONFLICT (kind) DO UPDATE SET version = excluded.version, etag = excluded.etag, pulled_at = excluded.pulled_at`,
  ).run(version);
}
