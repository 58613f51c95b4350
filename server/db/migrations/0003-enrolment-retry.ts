/**
 * Retry-safe enrolment (docs/SERVER.md, "Enrolment"): the counter's client nonce is recorded with the code it
 * redeemed (as a SHA-256 hash, like every secret here), so the same code with the same nonce shortly after
 * can be answered again with a fresh credential for the same counter when the first answer was lost.
 */
export const migration0003 = {
  version: 3,
  name: 'enrolment-retry',
  sql: `
ALTER TABLE enrolment_codes ADD COLUMN client_nonce_hash text;
`,
};
