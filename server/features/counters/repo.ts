import type { SqlExecutor } from '../../db/sql.ts';

export type CounterRow = Readonly<{
  id: string;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  name: string;
  slot: number;
  device_name: string | null;
  credential_hash: string;
  previous_credential_hash: string | null;
  created_at: Date;
  revoked_at: Date | null;
}>;

const COUNTER_COLUMNS = `c.id, c.agency_id, a.code AS agency_code, a.name AS agency_name, c.name, c.slot, c.device_name,
  c.credential_hash, c.previous_credential_hash, c.created_at, c.revoked_at`;

export async function findCounter(db: SqlExecutor, counterId: string): Promise<CounterRow | null> {
  const rows = await db.query<CounterRow>(`SELECT ${COUNTER_COLUMNS} FROM counters c JOIN agencies a ON a.id = c.agency_id WHERE c.id = $1`, [counterId]);
  return rows[0] ?? null;
}

export async function listCounters(db: SqlExecutor, agencyId: string | null): Promise<CounterRow[]> {
  return db.query<CounterRow>(
    `SELECT ${COUNTER_COLUMNS} FROM counters c JOIN agencies a ON a.id = c.agency_id
     WHERE $1::uuid IS NULL OR c.agency_id = $1::uuid ORDER BY a.code, c.slot, c.created_at`,
    [agencyId],
  );
}

export async function insertCounter(
  db: SqlExecutor,
  counter: Readonly<{ id: string; agencyId: string; name: string; slot: number; deviceName: string; credentialHash: string }>,
): Promise<void> {
  await db.query('INSERT INTO counters (id, agency_id, name, slot, device_name, credential_hash) VALUES ($1, $2, $3, $4, $5, $6)', [
    counter.id,
    counter.agencyId,
    counter.name,
    counter.slot,
    counter.deviceName,
    counter.credentialHash,
  ]);
}

export async function liveCounterInSlot(db: SqlExecutor, agencyId: string, slot: number): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM counters WHERE agency_id = $1 AND slot = $2 AND revoked_at IS NULL', [agencyId, slot]);
  return rows.length > 0;
}

export async function setCredential(db: SqlExecutor, counterId: string, credentialHash: string, previousHash: string | null): Promise<void> {
  await db.query('UPDATE counters SET credential_hash = $2, previous_credential_hash = $3, rotated_at = now() WHERE id = $1', [counterId, credentialHash, previousHash]);
}

export async function forgetPreviousCredential(db: SqlExecutor, counterId: string): Promise<void> {
  await db.query('UPDATE counters SET previous_credential_hash = NULL WHERE id = $1', [counterId]);
}

export async function revokeCounter(db: SqlExecutor, counterId: string): Promise<boolean> {
  const rows = await db.query('UPDATE counters SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [counterId]);
  return rows.length > 0;
}

export type EnrolmentCodeRow = Readonly<{
  id: string;
  agency_id: string;
  slot: number;
  counter_name: string;
  expires_at: Date;
  used_at: Date | null;
  /** The counter the code enrolled, and the hash of the client nonce it came with (retry-safe enrolment). */
  counter_id: string | null;
  client_nonce_hash: string | null;
}>;

export async function insertEnrolmentCode(
  db: SqlExecutor,
  code: Readonly<{ id: string; agencyId: string; codeHash: string; slot: number; counterName: string; expiresAt: Date }>,
): Promise<void> {
  await db.query('INSERT INTO enrolment_codes (id, agency_id, code_hash, slot, counter_name, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    code.id,
    code.agencyId,
    code.codeHash,
    code.slot,
    code.counterName,
    code.expiresAt,
  ]);
}

/** The code's row, locked so two counters presenting the same code at once cannot both use it. */
export async function lockEnrolmentCode(tx: SqlExecutor, codeHash: string): Promise<EnrolmentCodeRow | null> {
  const rows = await tx.query<EnrolmentCodeRow>(
    'SELECT id, agency_id, slot, counter_name, expires_at, used_at, counter_id, client_nonce_hash FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
    [codeHash],
  );
  return rows[0] ?? null;
}

/** `usedAt` is the application's clock (not the database's), which the retry window is measured against. */
export async function markEnrolmentCodeUsed(tx: SqlExecutor, codeId: string, counterId: string, usedAt: Date, clientNonceHash: string | null): Promise<void> {
  await tx.query('UPDATE enrolment_codes SET used_at = $3, counter_id = $2, client_nonce_hash = $4 WHERE id = $1', [codeId, counterId, usedAt, clientNonceHash]);
}

/** An unused, unexpired code already promises this slot to a counter that has not enrolled yet. */
export async function pendingCodeForSlot(db: SqlExecutor, agencyId: string, slot: number, now: Date): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM enrolment_codes WHERE agency_id = $1 AND slot = $2 AND used_at IS NULL AND expires_at > $3', [agencyId, slot, now]);
  return rows.length > 0;
}
