import type { Database } from 'better-sqlite3';

/**
 * The procedure catalogue. `catalogue_origins` holds one row per origin of versions: `shipped` (the files in
 * resources/catalogue, loaded when the app ships a newer revision) and `server` (pushed later by the central
 * server, which wins over shipped data for the codes it sends). `catalogue_versions` holds each procedure
 * version whole as JSON in `body`, with the columns search and the in-force lookup need beside it;
 * `name_folded` and `sector_folded` are without diacritics (foldVietnamese), so a clerk can type without an
 * input method. A version is in force on D when effective_from <= D < effective_to (NULL: open-ended).
 */
export function migrate0003(db: Database): void {
  db.exec(`
    CREATE TABLE catalogue_origins (
      origin TEXT PRIMARY KEY CHECK (origin IN ('shipped', 'server')),
      revision INTEGER NOT NULL,
      published_at TEXT NOT NULL,
      loaded_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE catalogue_versions (
      origin TEXT NOT NULL REFERENCES catalogue_origins (origin) ON DELETE CASCADE,
      code TEXT NOT NULL,
      effective_from TEXT NOT NULL,
      effective_to TEXT,
      local_code TEXT,
      name TEXT NOT NULL,
      name_folded TEXT NOT NULL,
      sector TEXT NOT NULL,
      sector_folded TEXT NOT NULL,
      level TEXT NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (origin, code, effective_from),
      CHECK (effective_to IS NULL OR effective_to > effective_from)
    ) STRICT;
    CREATE INDEX catalogue_versions_code ON catalogue_versions (code, effective_from);
    CREATE INDEX catalogue_versions_local_code ON catalogue_versions (local_code) WHERE local_code IS NOT NULL;
  `);
}
