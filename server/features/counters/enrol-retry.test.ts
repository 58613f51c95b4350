import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_PATHS } from '../../../shared/contract/central-api.ts';
import { pgliteBackend, type Backend } from '../../testing/backends.ts';
import { startTestServer, type TestServer } from '../../testing/harness.ts';
import { createEnrolmentCode, ENROLMENT_RETRY_WINDOW_MINUTES } from './service.ts';

// Retry-safe enrolment: the same code with the same client nonce, shortly after, is a lost answer repeated.
const A = '000.00.12.H12';
const MINUTE = 60_000;

describe('enrolment retried with the client nonce', () => {
  let backend: Backend;
  let t: TestServer;
  let clock = Date.parse('2026-11-23T03:00:00Z');
  let slot = 0;

  beforeAll(async () => {
    backend = pgliteBackend();
    t = await startTestServer(backend, { now: () => new Date(clock), limits: { enrolPerMinute: 1000 } });
    await t.addAgency(A, 'UBND phường Ba Đình');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await backend?.dispose();
  });

  async function freshCode(): Promise<string> {
    slot += 1;
    return (await createEnrolmentCode(t.sql, { agencyCode: A, slot, counterName: `Quầy ${slot}`, now: new Date(clock) })).code;
  }
  const enrol = (code: string, clientNonce?: string) => t.request(CENTRAL_PATHS.enrol, { json: { code, deviceName: 'PC', ...(clientNonce ? { clientNonce } : {}) } });
  const works = async (credential: string) => (await t.request(CENTRAL_PATHS.clerks, { token: credential })).status === 200;
  const countersInSlot = async (s: number) => (await t.sql.query('SELECT id FROM counters WHERE slot = $1', [s])).length;

  it('same code and nonce within the window: the same counter, a fresh credential; the lost one stops working', async () => {
    const code = await freshCode();
    const nonce = randomUUID();
    const first = await enrol(code, nonce);
    expect(first.status).toBe(201);
    clock += (ENROLMENT_RETRY_WINDOW_MINUTES - 1) * MINUTE;
    const again = await enrol(code.toLowerCase(), nonce.toUpperCase());
    expect(again.status).toBe(201);
    const [lost, held] = [first.body as { counterId: string; credential: string }, again.body as { counterId: string; credential: string; slot: number }];
    expect(held.counterId).toBe(lost.counterId);
    expect(held.credential).not.toBe(lost.credential);
    expect(held.slot).toBe(slot);
    expect(await works(lost.credential)).toBe(false);
    expect(await works(held.credential)).toBe(true);
    expect(await countersInSlot(slot)).toBe(1);
  });

  it('exactly at the end of the window still works; a moment later the code is spent', async () => {
    const code = await freshCode();
    const nonce = randomUUID();
    expect((await enrol(code, nonce)).status).toBe(201);
    clock += ENROLMENT_RETRY_WINDOW_MINUTES * MINUTE;
    expect((await enrol(code, nonce)).status).toBe(201);
    // The window runs from the first redemption, not from the last retry.
    clock += 1;
    const late = await enrol(code, nonce);
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ error: { code: 'enrolment-code-invalid' } });
  });

  it('another nonce, or none, cannot reuse the code', async () => {
    const code = await freshCode();
    const nonce = randomUUID();
    const first = (await enrol(code, nonce)).body as { credential: string };
    for (const other of [randomUUID(), undefined]) {
      const answer = await enrol(code, other);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: 'enrolment-code-invalid' } });
    }
    expect(await works(first.credential)).toBe(true);
    expect(await countersInSlot(slot)).toBe(1);
  });

  it('a code first redeemed without a nonce is one try only', async () => {
    const code = await freshCode();
    expect((await enrol(code)).status).toBe(201);
    expect((await enrol(code, randomUUID())).status).toBe(401);
    expect((await enrol(code)).status).toBe(401);
  });

  it('a counter revoked since its enrolment is not revived by a retry', async () => {
    const code = await freshCode();
    const nonce = randomUUID();
    const { counterId } = (await enrol(code, nonce)).body as { counterId: string };
    await t.sql.query('UPDATE counters SET revoked_at = now() WHERE id = $1', [counterId]);
    expect((await enrol(code, nonce)).status).toBe(401);
  });

  it('an expired code is refused even with a nonce', async () => {
    const code = await freshCode();
    clock += 73 * 60 * MINUTE;
    expect((await enrol(code, randomUUID())).status).toBe(401);
  });

  it('a nonce that is not a UUID is invalid input', async () => {
    const code = await freshCode();
    expect((await enrol(code, 'not-a-uuid')).status).toBe(400);
    expect((await enrol(code, randomUUID())).status).toBe(201);
  });
});
