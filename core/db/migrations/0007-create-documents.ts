import type { Database } from 'better-sqlite3';

/**
 * Digitised papers (docs/SCANNING.md): one row per PDF stored under DATA/documents by SHA-256, the papers
 * of dossiers it is linked to, and the scanning settings. The owner's ID number is kept as dossiers keep it
 * (the same file already holds it there), so papers can be reused for the same citizen; retention removes
 * the file, never the row.
 */
export function migrate0007(db: Database): void {
  db.exec(`
    CREATE TABLE documents (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      size INTEGER NOT NULL CHECK (size > 0),
      pages INTEGER NOT NULL CHECK (pages > 0),
      media_type TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('scan', 'import')),
      owner_id_number TEXT,
      -- JSON array of 1-based page numbers that looked blank (flagged for the clerk, never dropped).
      blank_pages TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      uploaded_at TEXT,
      confirmed_at TEXT,
      removed_at TEXT,
      -- Upload backoff, persisted so a restart keeps the schedule.
      upload_attempts INTEGER NOT NULL DEFAULT 0,
      upload_next_at TEXT,
      upload_error TEXT
    ) STRICT;
    CREATE INDEX documents_owner ON documents (owner_id_number) WHERE owner_id_number IS NOT NULL;
    CREATE INDEX documents_unconfirmed ON documents (confirmed_at, upload_next_at) WHERE confirmed_at IS NULL;

    CREATE TABLE document_links (
      dossier_id TEXT NOT NULL REFERENCES dossiers (id),
      paper_index INTEGER NOT NULL,
      sha256 TEXT NOT NULL REFERENCES documents (sha256),
      linked_at TEXT NOT NULL,
      reused_from_dossier_id TEXT,
      PRIMARY KEY (dossier_id, paper_index)
    ) STRICT;
    CREATE INDEX document_links_sha ON document_links (sha256);

    CREATE TABLE scanning_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `);
}
