/**
 * Receipts (docs/RECEIPTS.md): those counters signed themselves (pushed as `receipt.issued` /
 * `receipt.cancelled`, applied when their version is newer) and those this server issued for counters with
 * the `server` provider (idempotent by the receipt id, the client transaction UUID). A server series is
 * numbered under its row lock in the issuing transaction, so numbers have no gap and no reuse.
 */
export const migration0002 = {
  version: 2,
  name: 'receipts',
  sql: `
CREATE TABLE receipts (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies(id),
  counter_id uuid REFERENCES counters(id),
  origin text NOT NULL CHECK (origin IN ('counter', 'server')),
  dossier_id text NOT NULL,
  status text NOT NULL,
  template text,
  symbol text,
  number integer,
  version integer NOT NULL,
  body jsonb NOT NULL,
  xml text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Each counter signs in its own series (its two symbol characters); the server in its own.
CREATE UNIQUE INDEX receipts_number ON receipts (agency_id, template, symbol, number) WHERE number IS NOT NULL;
CREATE INDEX receipts_dossier ON receipts (dossier_id);

CREATE TABLE receipt_series (
  agency_id uuid NOT NULL REFERENCES agencies(id),
  template text NOT NULL,
  symbol text NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (agency_id, template, symbol)
);
`,
};
