/**
 * Who may sign receipts for an agency (docs/RECEIPTS.md, "Checked at the central server"): the certificates
 * an administrator trusts (`server:admin -- signer trust`), or one pinned for a counter on its first use when
 * the agency allows that (off unless turned on). A pushed receipt whose signature does not verify, or whose
 * certificate is not trusted here, is refused. The look-up code index serves the citizens' receipt page.
 */
export const migration0005 = {
  version: 5,
  name: 'receipt-signers',
  sql: `
CREATE TABLE receipt_signers (
  agency_id uuid NOT NULL REFERENCES agencies(id),
  fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  certificate text NOT NULL,
  subject text NOT NULL,
  not_before timestamptz NOT NULL,
  not_after timestamptz NOT NULL,
  -- 'admin': trusted for every counter of the agency; 'first-use': pinned for counter_id only.
  source text NOT NULL CHECK (source IN ('admin', 'first-use')),
  counter_id uuid REFERENCES counters(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (agency_id, fingerprint),
  CHECK ((source = 'admin') = (counter_id IS NULL))
);

CREATE TABLE receipt_signer_policy (
  agency_id uuid PRIMARY KEY REFERENCES agencies(id),
  trust_on_first_use boolean NOT NULL DEFAULT false
);

CREATE INDEX receipts_lookup_code ON receipts ((body->>'lookupCode'));
`,
};
