import type { Database } from 'better-sqlite3';

/**
 * Printing: printer profiles, the print queue, and the centre's adjustable form values (header names, place,
 * hotline, notes, bank account for VietQR). A print job is inserted in the same transaction as the dossier
 * change that needs it and printed after commit (core/features/printing/queue.ts).
 */
export function migrate0006(db: Database): void {
  db.exec(`
    CREATE TABLE printers (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      -- The whole profile as the contract's PrinterProfile JSON; id and is_default are also columns.
      profile TEXT NOT NULL,
      is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX printers_one_default ON printers (is_default) WHERE is_default = 1;

    CREATE TABLE print_jobs (
      id TEXT PRIMARY KEY,
      dossier_id TEXT NOT NULL REFERENCES dossiers (id),
      form TEXT NOT NULL,
      printer_id TEXT NOT NULL,
      copies INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 5),
      -- The document's own date (its date line, QR time, template in force); a reprint keeps the original's.
      issued_at TEXT NOT NULL,
      reprint_of TEXT REFERENCES print_jobs (id),
      reprinted_at TEXT,
      extra TEXT NOT NULL DEFAULT '{}',
      -- queued → sending → done; sending → queued (nothing reached the printer) or uncertain (it may have).
      state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'done', 'uncertain', 'failed', 'cancelled')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      error_code TEXT,
      error_message TEXT,
      template_id TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      done_at TEXT
    ) STRICT;
    CREATE INDEX print_jobs_due ON print_jobs (state, next_attempt_at);
    CREATE INDEX print_jobs_dossier ON print_jobs (dossier_id, created_at);

    CREATE TABLE form_values (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `);
}
