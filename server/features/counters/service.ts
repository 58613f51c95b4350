import { randomUUID } from 'node:crypto';
import type { EnrolResponse } from '../../../shared/contract/central-api.ts';
import type { AppContext } from '../../app/context.ts';
import type { SqlExecutor } from '../../db/sql.ts';
import { ApiError, unauthorizedError } from '../../http/errors.ts';
import { findAgencyByCode } from '../agencies/repo.ts';
import {
  findCounter,
  forgetPreviousCredential,
  insertCounter,
  insertEnrolmentCode,
  liveCounterInSlot,
  lockEnrolmentCode,
  markEnrolmentCodeUsed,
  pendingCodeForSlot,
  setCredential,
} from './repo.ts';
import { bearerToken, newEnrolmentCode, newSecret, normaliseEnrolmentCode, sameHash, sha256Hex } from './secrets.ts';

/** Who is calling, once the credential checked out. Every counter route scopes its data by `agencyId`. */
export type CounterPrincipal = Readonly<{ counterId: string; agencyId: string; agencyCode: string; slot: number; credentialHash: string }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DEFAULT_ENROLMENT_TTL_HOURS = 72;

export async function createEnrolmentCode(
  db: SqlExecutor,
  input: Readonly<{ agencyCode: string; slot: number; counterName: string; now: Date; ttlHours?: number }>,
): Promise<{ code: string; expiresAt: Date }> {
  const agency = await findAgencyByCode(db, input.agencyCode);
  if (!agency) throw new ApiError(404, 'not-found', { message: `No agency ${input.agencyCode}` });
  if (!Number.isInteger(input.slot) || input.slot < 1 || input.slot > 40) throw new ApiError(400, 'invalid-input', { message: 'slot must be 1–40' });
  if ((await liveCounterInSlot(db, agency.id, input.slot)) || (await pendingCodeForSlot(db, agency.id, input.slot, input.now))) {
    throw new ApiError(409, 'invalid-input', { message: `Slot ${input.slot} of ${agency.code} is taken by a live counter or an unused code; revoke it first` });
  }
  const code = newEnrolmentCode();
  const expiresAt = new Date(input.now.getTime() + (input.ttlHours ?? DEFAULT_ENROLMENT_TTL_HOURS) * 3_600_000);
  await insertEnrolmentCode(db, { id: randomUUID(), agencyId: agency.id, codeHash: sha256Hex(normaliseEnrolmentCode(code)), slot: input.slot, counterName: input.counterName, expiresAt });
  return { code, expiresAt };
}

/** How long after its redemption a code may be redeemed again by the same client nonce (a lost answer). */
export const ENROLMENT_RETRY_WINDOW_MINUTES = 15;

/**
 * One-time code → a new counter and its credential. A used, expired or unknown code gets the same answer.
 *
 * Retry-safe: the counter sends a random `clientNonce` and keeps it until it holds a credential. When the
 * same code comes again with the same nonce within ENROLMENT_RETRY_WINDOW_MINUTES of its redemption, the
 * answer was lost on the way: the same counter gets a fresh secret and the lost one stops working (it was
 * never seen by its owner, and whoever else saw it must not keep it). A different or missing nonce, a
 * later retry, or a counter revoked since, gets the usual `enrolment-code-invalid`.
 */
export async function enrol(ctx: AppContext, code: string, deviceName: string, clientNonce?: string): Promise<EnrolResponse> {
  const now = ctx.now();
  const nonceHash = clientNonce === undefined ? null : sha256Hex(clientNonce.toLowerCase());
  return ctx.sql.transaction(async (tx) => {
    const row = await lockEnrolmentCode(tx, sha256Hex(normaliseEnrolmentCode(code)));
    if (!row) throw new ApiError(401, 'enrolment-code-invalid');
    let counterId: string;
    const secret = newSecret();
    if (row.used_at === null) {
      if (row.expires_at.getTime() <= now.getTime()) throw new ApiError(401, 'enrolment-code-invalid');
      if (await liveCounterInSlot(tx, row.agency_id, row.slot)) {
        throw new ApiError(401, 'enrolment-code-invalid', { message: `Slot ${row.slot} is already held by a live counter` });
      }
      counterId = randomUUID();
      await insertCounter(tx, { id: counterId, agencyId: row.agency_id, name: row.counter_name, slot: row.slot, deviceName, credentialHash: sha256Hex(secret) });
      await markEnrolmentCodeUsed(tx, row.id, counterId, now, nonceHash);
    } else {
      const sameNonce = nonceHash !== null && row.client_nonce_hash !== null && sameHash(nonceHash, row.client_nonce_hash);
      const withinWindow = now.getTime() - row.used_at.getTime() <= ENROLMENT_RETRY_WINDOW_MINUTES * 60_000;
      const previous = row.counter_id === null ? null : await findCounter(tx, row.counter_id);
      if (!sameNonce || !withinWindow || previous === null || previous.revoked_at !== null) throw new ApiError(401, 'enrolment-code-invalid');
      counterId = previous.id;
      // No previous credential kept: the lost one must not work any more.
      await setCredential(tx, counterId, sha256Hex(secret), null);
    }
    const counter = (await findCounter(tx, counterId))!;
    return {
      counterId,
      credential: `${counterId}.${secret}`,
      agencyCode: counter.agency_code,
      agencyName: counter.agency_name,
      counterName: counter.name,
      slot: counter.slot,
      serverTime: now.toISOString(),
    };
  });
}

/**
 * `Bearer <counterId>.<secret>`. Revocation is reported only to a caller whose secret is right, so the
 * answer never tells a stranger which counter ids exist or are revoked.
 */
export async function authenticateCounter(ctx: AppContext, authorization: string | undefined): Promise<CounterPrincipal> {
  const token = bearerToken(authorization);
  const dot = token?.indexOf('.') ?? -1;
  if (!token || dot < 0) throw unauthorizedError();
  const counterId = token.slice(0, dot);
  if (!UUID.test(counterId)) throw unauthorizedError();
  const counter = await findCounter(ctx.sql, counterId.toLowerCase());
  const presented = sha256Hex(token.slice(dot + 1));
  const current = counter !== null && sameHash(presented, counter.credential_hash);
  const previous = counter !== null && counter.previous_credential_hash !== null && sameHash(presented, counter.previous_credential_hash);
  if (!counter || (!current && !previous)) throw unauthorizedError();
  if (counter.revoked_at !== null) throw new ApiError(401, 'credential-revoked');
  // The rotated credential reached the counter: the old one stops working from now on.
  if (current && counter.previous_credential_hash !== null) await forgetPreviousCredential(ctx.sql, counter.id);
  return { counterId: counter.id, agencyId: counter.agency_id, agencyCode: counter.agency_code, slot: counter.slot, credentialHash: presented };
}

/**
 * A new secret for the counter. The credential used for this request stays valid until the new one is
 * first presented, so an answer lost on the network does not lock the counter out.
 */
export async function rotateCredential(ctx: AppContext, counter: CounterPrincipal): Promise<{ credential: string }> {
  const secret = newSecret();
  await setCredential(ctx.sql, counter.counterId, sha256Hex(secret), counter.credentialHash);
  return { credential: `${counter.counterId}.${secret}` };
}
