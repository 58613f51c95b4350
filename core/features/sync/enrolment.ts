import { createHash } from 'node:crypto';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { CENTRAL_PATHS, EnrolResponseSchema, type EnrolResponse } from '../../../shared/contract/central-api.ts';
import type { Clock } from '../../ports/clock.ts';
import type { HttpClient } from '../../ports/http-client.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { createCentralClient, type CentralFailure } from './central-client.ts';

export type EnrolRequest = Readonly<{ serverUrl: string; code: string; deviceName?: string | undefined }>;

/**
 * Waits before the 2nd and 3rd try when the answer was lost (network, timeout, 5xx). The server answers the
 * same code with the same client nonce again for 15 minutes, so a retry is safe; three tries keep a clerk
 * facing a dead server waiting at most three request timeouts.
 */
export const ENROL_RETRY_DELAYS_MS: readonly number[] = [500, 2_000];
/** A longer Retry-After (the server's enrolment rate limit) ends the tries: the clerk tries again later. */
const MAX_RETRY_AFTER_MS = 10_000;

/**
 * Recognises the same code typed again for the same server (the server's normalisation: letters and digits,
 * upper case), so its pending nonce is reused. Hashed: the profile never holds the one-time code itself.
 */
export function enrolmentKey(serverUrl: string, code: string): string {
  const normalised = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(`${serverUrl.trim().replace(/\/+$/, '')}\n${normalised}`).digest('hex');
}

/**
 * Trades a one-time enrolment code for this counter's credential. Nothing is stored here: the caller keeps
 * the nonce (before calling) and the credential and identity (after), so a failed enrolment leaves the
 * counter as it was. A lost answer is retried with the same `clientNonce`; the server then issues a fresh
 * credential for the same counter and the lost one stops working.
 */
export async function requestEnrolment(
  http: HttpClient,
  clock: Clock,
  timeoutMs: number,
  request: EnrolRequest & Readonly<{ clientNonce: string }>,
  onClockSkew: (skew: number) => void,
  retryDelaysMs: readonly number[] = ENROL_RETRY_DELAYS_MS,
): Promise<EnrolResponse> {
  const client = createCentralClient({ http, clock, timeoutMs, serverUrl: () => request.serverUrl, credential: () => null, onClockSkew });
  const deviceName = (request.deviceName ?? os.hostname()).trim().slice(0, 100) || 'counter';
  let body: Readonly<{ code: string; deviceName: string; clientNonce?: string }> = { code: request.code, deviceName, clientNonce: request.clientNonce };
  let failure: CentralFailure;
  for (let attempt = 0; ; attempt += 1) {
    const answer = await client.call({ method: 'POST', path: CENTRAL_PATHS.enrol, body }, EnrolResponseSchema);
    if (answer.ok) return answer.value;
    failure = answer.failure;
    if (failure.kind === 'client-error' && failure.status === 400 && failure.code === 'invalid-input' && body.clientNonce !== undefined) {
      // A server older than the nonce refuses the unknown field before looking at the code: one try without it.
      body = { code: request.code, deviceName };
      attempt -= 1;
      continue;
    }
    if (failure.kind !== 'retry' || attempt >= retryDelaysMs.length) break;
    const delay = Math.max(retryDelaysMs[attempt]!, failure.retryAfterMs ?? 0);
    if (delay > MAX_RETRY_AFTER_MS) break;
    await sleep(delay);
  }
  switch (failure.kind) {
    case 'retry':
      throw new CoreError(failure.problem, failure.message);
    case 'refused':
      throw new CoreError('enrolment-code-invalid', 'The server did not accept the enrolment code', { status: failure.status, code: failure.code });
    case 'client-error':
      if (failure.code === 'enrolment-code-invalid' || failure.status === 400 || failure.status === 404 || failure.status === 410 || failure.status === 422) {
        throw new CoreError('enrolment-code-invalid', 'The server did not accept the enrolment code', { status: failure.status, code: failure.code });
      }
      throw new CoreError('server-error', `The server answered HTTP ${failure.status} (${failure.code})`, { status: failure.status, code: failure.code });
  }
}
