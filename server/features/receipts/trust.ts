import type { SqlExecutor } from '../../db/sql.ts';
import type { SigningCertificate } from './verify-signed-xml.ts';

/**
 * The trust policy for counter-signed receipts, per agency, controlled by the administrator (server:admin
 * `signer …`). A certificate is trusted when the administrator registered it for the agency, or — only if the
 * agency turned trust-on-first-use on — when it is the first certificate a counter signs with (then pinned to
 * that counter: another certificate from it later needs the administrator).
 */

export type SignerRow = Readonly<{
  fingerprint: string;
  subject: string;
  source: 'admin' | 'first-use';
  counterId: string | null;
  notBefore: Date;
  notAfter: Date;
  addedAt: Date;
  revokedAt: Date | null;
}>;

type Row = { fingerprint: string; subject: string; source: 'admin' | 'first-use'; counter_id: string | null; not_before: Date | string; not_after: Date | string; added_at: Date | string; revoked_at: Date | string | null };

const toRow = (row: Row): SignerRow => ({
  fingerprint: row.fingerprint,
  subject: row.subject,
  source: row.source,
  counterId: row.counter_id,
  notBefore: new Date(row.not_before),
  notAfter: new Date(row.not_after),
  addedAt: new Date(row.added_at),
  revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
});

/** Registers (or re-enables, or widens from one counter to the agency) a certificate the administrator trusts. */
export async function trustSigner(db: SqlExecutor, agencyId: string, certificate: SigningCertificate): Promise<void> {
  await db.query(
    `INSERT INTO receipt_signers (agency_id, fingerprint, certificate, subject, not_before, not_after, source, counter_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'admin', NULL)
     ON CONFLICT (agency_id, fingerprint) DO UPDATE SET source = 'admin', counter_id = NULL, revoked_at = NULL, added_at = now()`,
    [agencyId, certificate.fingerprint, certificate.pem, certificate.subject, certificate.notBefore.toISOString(), certificate.notAfter.toISOString()],
  );
}

export async function revokeSigner(db: SqlExecutor, agencyId: string, fingerprint: string): Promise<boolean> {
  const rows = await db.query('UPDATE receipt_signers SET revoked_at = now() WHERE agency_id = $1 AND fingerprint = $2 AND revoked_at IS NULL RETURNING fingerprint', [agencyId, fingerprint]);
  return rows.length > 0;
}

export async function listSigners(db: SqlExecutor, agencyId: string): Promise<SignerRow[]> {
  const rows = await db.query<Row>('SELECT fingerprint, subject, source, counter_id, not_before, not_after, added_at, revoked_at FROM receipt_signers WHERE agency_id = $1 ORDER BY added_at, fingerprint', [agencyId]);
  return rows.map(toRow);
}

export async function setTrustOnFirstUse(db: SqlExecutor, agencyId: string, on: boolean): Promise<void> {
  await db.query(
    `INSERT INTO receipt_signer_policy (agency_id, trust_on_first_use) VALUES ($1, $2)
     ON CONFLICT (agency_id) DO UPDATE SET trust_on_first_use = EXCLUDED.trust_on_first_use`,
    [agencyId, on],
  );
}

export async function trustsOnFirstUse(db: SqlExecutor, agencyId: string): Promise<boolean> {
  const rows = await db.query<{ trust_on_first_use: boolean }>('SELECT trust_on_first_use FROM receipt_signer_policy WHERE agency_id = $1', [agencyId]);
  return rows[0]?.trust_on_first_use === true;
}

/** A counter's clock may be a little off the CA's: a receipt this close to the validity's ends still counts. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type TrustDecision = { trusted: true; pinned: boolean } | { trusted: false; reason: string };

/**
 * Whether `counterId` of `agencyId` may sign with this certificate at `signedAt` (the receipt's issue time).
 * Call inside the push transaction after the agency's lock, so two first uses cannot both pin.
 */
export async function decideTrust(db: SqlExecutor, agencyId: string, counterId: string, certificate: SigningCertificate, signedAt: Date): Promise<TrustDecision> {
  const at = signedAt.getTime();
  if (Number.isNaN(at) || at < certificate.notBefore.getTime() - CLOCK_SKEW_MS || at > certificate.notAfter.getTime() + CLOCK_SKEW_MS) {
    return { trusted: false, reason: `the certificate was not valid at the receipt's time (valid ${certificate.notBefore.toISOString()} … ${certificate.notAfter.toISOString()})` };
  }
  const rows = await db.query<Row>('SELECT fingerprint, subject, source, counter_id, not_before, not_after, added_at, revoked_at FROM receipt_signers WHERE agency_id = $1 AND fingerprint = $2', [agencyId, certificate.fingerprint]);
  const known = rows[0] ? toRow(rows[0]) : null;
  if (known) {
    if (known.revokedAt) return { trusted: false, reason: `certificate ${certificate.fingerprint.slice(0, 16)}… was revoked for this agency on ${known.revokedAt.toISOString()}` };
    if (known.counterId === null || known.counterId === counterId) return { trusted: true, pinned: false };
    return { trusted: false, reason: `certificate ${certificate.fingerprint.slice(0, 16)}… is pinned to another counter` };
  }
  if (await trustsOnFirstUse(db, agencyId)) {
    const pins = await db.query("SELECT 1 FROM receipt_signers WHERE agency_id = $1 AND counter_id = $2 AND source = 'first-use' LIMIT 1", [agencyId, counterId]);
    if (pins.length === 0) {
      await db.query(
        `INSERT INTO receipt_signers (agency_id, fingerprint, certificate, subject, not_before, not_after, source, counter_id)
         VALUES ($1, $2, $3, $4, $5, $6, 'first-use', $7)`,
        [agencyId, certificate.fingerprint, certificate.pem, certificate.subject, certificate.notBefore.toISOString(), certificate.notAfter.toISOString(), counterId],
      );
      return { trusted: true, pinned: true };
    }
    return { trusted: false, reason: `this counter already signs with another certificate (first use); certificate ${certificate.fingerprint.slice(0, 16)}… needs the administrator (signer trust)` };
  }
  return { trusted: false, reason: `certificate ${certificate.fingerprint.slice(0, 16)}… (${certificate.subject.slice(0, 120)}) is not trusted for this agency (server:admin -- signer trust)` };
}
