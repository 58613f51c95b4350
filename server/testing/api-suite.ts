import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_PATHS, PushResponseSchema, StatusChangesResponseSchema } from '../../shared/contract/central-api.ts';
import { createBackofficeKey } from '../features/backoffice/keys.ts';
import type { Backend } from './backends.ts';
import { makeAuditChain, makeDossier, pushItem } from './fixtures.ts';
import { defineDocumentTests } from './api-suite-documents.ts';
import { defineFileTests } from './api-suite-files.ts';
import { defineReceiptTrustTests } from './api-suite-receipts.ts';
import { startTestServer, type EnrolledCounter, type TestServer } from './harness.ts';

const A = '000.00.12.H12';
const B = '000.00.34.H56';

/**
 * The API against real storage. The same suite runs on PGlite (always) and on a real PostgreSQL (when its
 * binaries exist), so both adapters and the one set of migrations are held to the same behaviour.
 */
export function defineApiSuite(makeBackend: () => Backend): void {
  let backend: Backend;
  let t: TestServer;
  let a1: EnrolledCounter;
  let a2: EnrolledCounter;
  let b1: EnrolledCounter;

  beforeAll(async () => {
    backend = makeBackend();
    t = await startTestServer(backend);
    await t.addAgency(A);
    await t.addAgency(B);
    a1 = await t.enrolCounter(A, 1);
    a2 = await t.enrolCounter(A, 2);
    b1 = await t.enrolCounter(B, 1);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await backend?.dispose();
  }, 60_000);

  const push = (counter: EnrolledCounter, items: unknown[]) => t.request(CENTRAL_PATHS.push, { token: counter.credential, json: { items } });

  describe('enrolment and authentication', () => {
    it('health answers without credentials, with a Date header and the server time', async () => {
      const answer = await t.request(CENTRAL_PATHS.health);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('date')).toBeTruthy();
      expect(answer.body).toMatchObject({ ok: true, apiVersion: 1 });
    });

    it('an enrolment code works once', async () => {
      const { createEnrolmentCode } = await import('../features/counters/service.ts');
      const { code } = await createEnrolmentCode(t.sql, { agencyCode: A, slot: 7, counterName: 'Quầy 7', now: new Date() });
      const first = await t.request(CENTRAL_PATHS.enrol, { json: { code: code.toLowerCase(), deviceName: 'PC-7' } });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ agencyCode: A, slot: 7, counterName: 'Quầy 7' });
      const again = await t.request(CENTRAL_PATHS.enrol, { json: { code, deviceName: 'PC-7b' } });
      expect(again.status).toBe(401);
      expect(again.body).toMatchObject({ error: { code: 'enrolment-code-invalid' } });
      const wrong = await t.request(CENTRAL_PATHS.enrol, { json: { code: 'AAAAA-BBBBB-CCCCC', deviceName: 'x' } });
      expect(wrong.body).toMatchObject({ error: { code: 'enrolment-code-invalid' } });
      expect((wrong.body as { error: { messageVi: string } }).error.messageVi).toMatch(/Mã đăng ký/);
    });

    it('missing, malformed, wrong and revoked credentials are 401, as JSON', async () => {
      const path = CENTRAL_PATHS.statusChanges;
      expect((await t.request(path)).status).toBe(401);
      expect((await t.request(path, { token: 'nonsense' })).body).toMatchObject({ error: { code: 'unauthorized' } });
      expect((await t.request(path, { token: `${a1.counterId}.wrong-secret-wrong-secret` })).status).toBe(401);
      const c = await t.enrolCounter(A, 9);
      expect((await t.request(path, { token: c.credential })).status).toBe(200);
      const { revokeCounter } = await import('../features/counters/repo.ts');
      await revokeCounter(t.sql, c.counterId);
      const revoked = await t.request(path, { token: c.credential });
      expect(revoked.status).toBe(401);
      expect(revoked.body).toMatchObject({ error: { code: 'credential-revoked' } });
      expect(revoked.headers.get('content-type')).toMatch(/application\/json/);
    });

    it('rotation: the new credential works, the old one until the new one is used', async () => {
      const c = await t.enrolCounter(A, 10);
      const rotated = await t.request(CENTRAL_PATHS.rotateCredential, { method: 'POST', token: c.credential });
      expect(rotated.status).toBe(200);
      const next = (rotated.body as { credential: string }).credential;
      expect((await t.request(CENTRAL_PATHS.statusChanges, { token: c.credential })).status).toBe(200);
      expect((await t.request(CENTRAL_PATHS.statusChanges, { token: next })).status).toBe(200);
      expect((await t.request(CENTRAL_PATHS.statusChanges, { token: c.credential })).status).toBe(401);
    });

    it('unknown paths and wrong methods answer JSON errors', async () => {
      const missing = await t.request('/api/v1/nothing');
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ error: { code: 'not-found' } });
      const wrongMethod = await t.request(CENTRAL_PATHS.push, { token: a1.credential });
      expect(wrongMethod.status).toBe(405);
    });
  });

  describe('push', () => {
    it('applies a batch, and the same batch again changes nothing', async () => {
      const items = [pushItem(makeDossier(A, 1)), pushItem(makeDossier(A, 2))];
      const first = PushResponseSchema.parse((await push(a1, items)).body);
      expect(first.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
      const second = PushResponseSchema.parse((await push(a1, items)).body);
      expect(second.results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
      const rows = await t.sql.query('SELECT id FROM dossiers WHERE id = ANY($1::uuid[])', [items.map((item) => item.dossier.id)]);
      expect(rows).toHaveLength(2);
    });

    it('keeps the newest version whatever order the versions arrive in', async () => {
      const v1 = makeDossier(A, 3);
      const v3 = { ...v1, version: 3, status: 'processing' as const, statusCode: 4 };
      const v2 = { ...v1, version: 2, status: 'received' as const };
      const answer = PushResponseSchema.parse((await push(a1, [pushItem(v1), pushItem(v3), pushItem(v2)])).body);
      expect(answer.results.map((r) => [r.outcome, r.serverVersion])).toEqual([
        ['applied', 1],
        ['applied', 3],
        ['unchanged', 3],
      ]);
      const [row] = await t.sql.query<{ counter_version: number; status: string }>('SELECT counter_version, status FROM dossiers WHERE id = $1', [v1.id]);
      expect(row).toMatchObject({ counter_version: 3, status: 'processing' });
    });

    it('a code collision keeps both dossiers, the newcomer flagged', async () => {
      const first = makeDossier(A, 4);
      const clash = makeDossier(A, 4);
      expect(PushResponseSchema.parse((await push(a1, [pushItem(first)])).body).results[0]!.outcome).toBe('applied');
      const clashJob = pushItem(clash);
      const answer = PushResponseSchema.parse((await push(a2, [clashJob])).body);
      expect(answer.results[0]).toMatchObject({ outcome: 'conflict', code: 'dossier-code-collision' });
      const rows = await t.sql.query<{ id: string; code_conflict: boolean }>('SELECT id, code_conflict FROM dossiers WHERE code = $1 ORDER BY created_at', [first.code]);
      expect(rows.map((row) => row.code_conflict)).toEqual([false, true]);
      // The counter whose answer was lost resends: it still learns of the conflict.
      expect(PushResponseSchema.parse((await push(a2, [clashJob])).body).results[0]!.outcome).toBe('conflict');
    });

    it('an invalid item is rejected and the others are applied', async () => {
      const good = pushItem(makeDossier(A, 5));
      const bad = { jobId: randomUUID(), kind: 'dossier.upserted', dossier: { ...makeDossier(A, 6), status: 'lost' } };
      const foreign = pushItem(makeDossier(B, 7));
      const answer = PushResponseSchema.parse((await push(a1, [bad, good, foreign])).body);
      expect(answer.results.map((r) => [r.outcome, r.code])).toEqual([
        ['rejected', 'invalid-input'],
        ['applied', undefined],
        ['rejected', 'forbidden'],
      ]);
    });

    it('a request that is not a batch at all is 400 with the error envelope', async () => {
      const answer = await push(a1, []);
      expect(answer.status).toBe(400);
      const { error } = answer.body as { error: { code: string; message: string; messageVi: string } };
      expect(error.code).toBe('invalid-input');
      expect(error.message.length * error.messageVi.length).toBeGreaterThan(0);
      const noJson = await t.request(CENTRAL_PATHS.push, { token: a1.credential, body: '{', headers: { 'content-type': 'application/json' } });
      expect(noJson.status).toBe(400);
    });

    it("a counter cannot overwrite another agency's dossier", async () => {
      const dossier = makeDossier(A, 8);
      await push(a1, [pushItem(dossier)]);
      const hijack = { ...dossier, agencyCode: B, code: dossier.code.replace(A, B), version: 9 };
      const answer = PushResponseSchema.parse((await push(b1, [pushItem(hijack)])).body);
      expect(answer.results[0]).toMatchObject({ outcome: 'rejected', code: 'forbidden' });
    });
  });

  describe('audit chain', () => {
    it('verifies, accepts re-sends, refuses gaps and altered entries', async () => {
      const path = CENTRAL_PATHS.auditEntries;
      const chain = makeAuditChain(6);
      const first = await t.request(path, { token: a1.credential, json: { entries: chain.slice(0, 3) } });
      expect(first.body).toEqual({ acceptedThroughSeq: 3 });
      const resent = await t.request(path, { token: a1.credential, json: { entries: chain.slice(1, 4) } });
      expect(resent.body).toEqual({ acceptedThroughSeq: 4 });
      const gap = await t.request(path, { token: a1.credential, json: { entries: chain.slice(5) } });
      expect(gap.status).toBe(409);
      expect(gap.body).toMatchObject({ error: { code: 'audit-chain-gap', details: { expectedSeq: 5 } } });
      const altered = { ...chain[3]!, details: '{"n":999}' };
      const tampered = await t.request(path, { token: a1.credential, json: { entries: [altered] } });
      expect(tampered.status).toBe(409);
      expect(tampered.body).toMatchObject({ error: { code: 'audit-chain-mismatch', details: { seq: 4, reason: 'hash' } } });
      const rewritten = await t.request(path, { token: a1.credential, json: { entries: makeAuditChain(1) } });
      expect(rewritten.body).toMatchObject({ error: { code: 'audit-chain-mismatch', details: { seq: 1, reason: 'differs-from-stored' } } });
      const rehashed = makeAuditChain(1, { seq: 4, hash: 'f'.repeat(64) });
      const badLink = await t.request(path, { token: a1.credential, json: { entries: rehashed } });
      expect(badLink.body).toMatchObject({ error: { code: 'audit-chain-mismatch', details: { seq: 5, reason: 'link' } } });
      // Another counter has its own chain from GENESIS.
      const other = await t.request(path, { token: a2.credential, json: { entries: makeAuditChain(2) } });
      expect(other.body).toEqual({ acceptedThroughSeq: 2 });
    });
  });

  describe('status changes', () => {
    it('go down through a cursor, only to the agency of the dossier', async () => {
      const { key } = await createBackofficeKey(t.sql, 'test back office', null);
      const dossier = makeDossier(A, 20);
      await push(a1, [pushItem(dossier)]);
      const change = (status: string) =>
        t.request(CENTRAL_PATHS.backofficeStatus.replace('{id}', dossier.id), { token: key, json: { status, by: 'Phòng Tư pháp', note: 'ghi chú' } });
      expect((await change('processing')).status).toBe(201);
      expect((await change('processing')).status).toBe(200);
      const invalid = await change('returned');
      expect(invalid.status).toBe(422);
      expect((await change('result-ready')).status).toBe(201);
      expect((await t.request(CENTRAL_PATHS.backofficeStatus.replace('{id}', dossier.id), { token: a1.credential, json: { status: 'returned', by: 'x' } })).status).toBe(401);

      const page1 = StatusChangesResponseSchema.parse((await t.request(`${CENTRAL_PATHS.statusChanges}?after=0&limit=1`, { token: a2.credential })).body);
      expect(page1.changes.map((c) => c.status)).toEqual(['processing']);
      const page2 = StatusChangesResponseSchema.parse((await t.request(`${CENTRAL_PATHS.statusChanges}?after=${page1.nextCursor}`, { token: a2.credential })).body);
      expect(page2.changes.map((c) => [c.status, c.code, c.dossierId])).toEqual([['result-ready', dossier.code, dossier.id]]);
      const end = StatusChangesResponseSchema.parse((await t.request(`${CENTRAL_PATHS.statusChanges}?after=${page2.nextCursor}`, { token: a2.credential })).body);
      expect(end).toEqual({ changes: [], nextCursor: page2.nextCursor });
      const otherAgency = StatusChangesResponseSchema.parse((await t.request(CENTRAL_PATHS.statusChanges, { token: b1.credential })).body);
      expect(otherAgency.changes).toEqual([]);
      const [row] = await t.sql.query<{ status: string; snapshot: { status: string; statusCode: number } }>('SELECT status, snapshot FROM dossiers WHERE id = $1', [dossier.id]);
      expect(row).toMatchObject({ status: 'result-ready', snapshot: { status: 'result-ready', statusCode: 9 } });
    });

    it('an agency-scoped back-office key does not see other agencies', async () => {
      const { findAgencyByCode } = await import('../features/agencies/repo.ts');
      const agencyB = (await findAgencyByCode(t.sql, B))!;
      const { key } = await createBackofficeKey(t.sql, 'B only', agencyB.id);
      const dossier = makeDossier(A, 21);
      await push(a1, [pushItem(dossier)]);
      const answer = await t.request(CENTRAL_PATHS.backofficeStatus.replace('{id}', dossier.id), { token: key, json: { status: 'processing', by: 'x' } });
      expect(answer.status).toBe(404);
    });
  });

  describe('reference downloads and uploads', () => defineFileTests(() => ({ t, a1, b1 })));
  describe('pushed receipts: signature, facts and signer trust', () => defineReceiptTrustTests(() => ({ t, a1, a2, b1, agencyA: A, agencyB: B })));
  describe('reuse of scans: search by ID number and download', () => defineDocumentTests(() => ({ t, a1, a2, b1 })));

  describe('OpenAPI', () => {
    it('parses and lists every path of the contract', async () => {
      const answer = await t.request(CENTRAL_PATHS.openapi);
      expect(answer.status).toBe(200);
      const document = JSON.parse(answer.text) as { openapi: string; paths: Record<string, unknown> };
      expect(document.openapi).toBe('3.1.0');
      for (const [name, path] of Object.entries(CENTRAL_PATHS)) {
        const listed = name === 'uploads' ? [path, `${path}/{sha256}`] : [path];
        for (const one of listed) expect(document.paths, one).toHaveProperty([one]);
      }
    });
  });

  describe('code blocks', () => {
    it('are disjoint under concurrent requests from several counters, and run out cleanly', async () => {
      const { receiptDay } = await import('../../shared/domain/dossiers/dossier-code.ts');
      const day = receiptDay(new Date());
      const asks = Array.from({ length: 24 }, (_, i) =>
        t.request(CENTRAL_PATHS.codeBlocks, { token: (i % 2 ? a1 : a2).credential, json: { day, count: 20 } }),
      );
      const blocks = (await Promise.all(asks)).map((answer) => {
        expect(answer.status).toBe(201);
        return answer.body as { first: number; last: number; agencyCode: string };
      });
      const sorted = [...blocks].sort((x, y) => x.first - y.first);
      sorted.forEach((block, i) => {
        expect(block.last - block.first).toBe(19);
        expect(block.agencyCode).toBe(A);
        if (i > 0) expect(block.first).toBeGreaterThan(sorted[i - 1]!.last);
      });
      expect(sorted.at(-1)!.last).toBeLessThanOrEqual(5999);
      // Agency B's day is its own.
      const b = await t.request(CENTRAL_PATHS.codeBlocks, { token: b1.credential, json: { day, count: 5 } });
      expect(b.body).toMatchObject({ first: 1, last: 5 });
      // Exhaust A's day: the last block is cut at 5999, then nothing is left.
      let answer;
      do answer = await t.request(CENTRAL_PATHS.codeBlocks, { token: a1.credential, json: { day, count: 1000 } });
      while (answer.status === 201 && (answer.body as { last: number }).last < 5999);
      expect(answer.body).toMatchObject({ last: 5999 });
      const none = await t.request(CENTRAL_PATHS.codeBlocks, { token: a1.credential, json: { day, count: 1 } });
      expect(none.status).toBe(409);
      expect(none.body).toMatchObject({ error: { code: 'code-space-exhausted' } });
      const farAway = await t.request(CENTRAL_PATHS.codeBlocks, { token: a1.credential, json: { day: '990101', count: 1 } });
      expect(farAway.status).toBe(400);
    });
  });
}
