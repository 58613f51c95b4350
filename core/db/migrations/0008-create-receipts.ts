import type { Database } from 'better-sqlite3';

/**
 * Fees, payments and receipts (docs/RECEIPTS.md).
 *
 * Numbering: `receipt_series.last_number` is bumped in the same transaction that stores the numbered receipt,
 * so a crash before the commit takes both back (no gap) and after it keeps both (no reuse); UNIQUE on
 * (template, symbol, number) is the last line of defence. Receipts are never deleted and a number, once
 * given, never changes (triggers): a cancellation or a replacement is a new state, not an edit.
 */
export function migrate0008(db: Database): void {
  db.exec(`
    CREATE TABLE receipt_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE fee_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE payments (
      id TEXT PRIMARY KEY,
      dossier_id TEXT NOT NULL REFERENCES dossiers(id),
      method TEXT NOT NULL CHECK (method IN ('cash', 'transfer')),
      amount INTEGER NOT NULL CHECK (amount >= 0),
      recorded_day TEXT NOT NULL,
      body TEXT NOT NULL
    ) STRICT;
    CREATE INDEX payments_dossier ON payments (dossier_id);
    CREATE INDEX payments_day ON payments (recorded_day);

    CREATE TABLE receipt_series (
      template TEXT NOT NULL,
      symbol TEXT NOT NULL,
      last_number INTEGER NOT NULL CHECK (last_number > 0),
      PRIMARY KEY (template, symbol)
    ) STRICT;

    CREATE TABLE receipts (
      id TEXT PRIMARY KEY,
      payment_id TEXT NOT NULL REFERENCES payments(id),
      dossier_id TEXT NOT NULL,
      provider TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('provisional', 'issued', 'cancelled', 'replaced')),
      template TEXT,
      symbol TEXT,
      number INTEGER,
      issued_day TEXT NOT NULL,
      body TEXT NOT NULL,
      xml TEXT,
      server_attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      last_error TEXT,
      UNIQUE (template, symbol, number)
    ) STRICT;
    CREATE INDEX receipts_day ON receipts (issued_day);
    CREATE INDEX receipts_dossier ON receipts (dossier_id);
    CREATE INDEX receipts_payment ON receipts (payment_id);
    CREATE INDEX receipts_pending ON receipts (next_attempt_at) WHERE status = 'provisional';

    CREATE TRIGGER receipts_never_deleted BEFORE DELETE ON receipts
    BEGIN SELECT RAISE(ABORT, 'receipts are never deleted'); END;
    CREATE TRIGGER receipts_number_fixed BEFORE UPDATE OF template, symbol, number ON receipts
    WHEN OLD.number IS NOT NULL AND (NEW.number IS NOT OLD.number OR NEW.symbol IS NOT OLD.symbol OR NEW.template IS NOT OLD.template)
    BEGIN SELECT RAISE(ABORT, 'a receipt number never changes'); END;
  `);
}
