import os from 'node:os';
import { CENTRAL_PATHS, EnrolResponseSchema, type EnrolResponse } from '../../../shared/contract/central-api.ts';
import type { Clock } from '../../ports/clock.ts';
import type { HttpClient } from '../../ports/http-client.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { createCentralClient } from './central-client.ts';

export type EnrolRequest = Readonly<{ serverUrl: string; code: string; deviceName?: string | undefined }>;

/**
 * Trades a one-time enrolment code for this counter's credential. Nothing is stored here: the caller keeps
 * the credential and the identity, so a failed enrolment leaves the counter exactly as it was.
 */
export async function requestEnrolment(http: HttpClient, clock: Clock, timeoutMs: number, request: EnrolRequest, onClockSkew: (skew: number) => void): Promise<EnrolResponse> {
  const client = createCentralClient({ http, clock, timeoutMs, serverUrl: () => request.serverUrl, credential: () => null, onClockSkew });
  const deviceName = (request.deviceName ?? os.hostname()).trim().slice(0, 100) || 'counter';
  const answer = await client.call({ method: 'POST', path: CENTRAL_PATHS.enrol, body: { code: request.code, deviceName } }, EnrolResponseSchema);
  if (answer.ok) return answer.value;
  const { failure } = answer;
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
