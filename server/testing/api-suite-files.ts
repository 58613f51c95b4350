import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CENTRAL_PATHS, UploadStateSchema } from '../../shared/contract/central-api.ts';
import { findAgencyByCode } from '../features/agencies/repo.ts';
import { hashPassword, verifyPassword } from '../features/clerks/password.ts';
import { setClerkDisabled, upsertClerk } from '../features/clerks/repo.ts';
import { loadCalendars, loadCatalogue, loadTemplates } from '../features/reference/load.ts';
import type { EnrolledCounter, TestServer } from './harness.ts';

const resources = path.resolve(import.meta.dirname, '../../resources');

/** Reference downloads with ETags, and resumable uploads: part of the API suite, run on every backend. */
export function defineFileTests(get: () => { t: TestServer; a1: EnrolledCounter; b1: EnrolledCounter }): void {
  it('reference documents come down with an ETag and answer 304 when unchanged', async () => {
    const { t, a1 } = get();
    expect((await t.request(CENTRAL_PATHS.catalogue, { token: a1.credential })).status).toBe(404);
    await loadCatalogue(t.sql, path.join(resources, 'catalogue'));
    await loadCalendars(t.sql, path.join(resources, 'calendar'));
    const templates = path.join(t.dataDir, 'form-templates.json');
    fs.writeFileSync(templates, JSON.stringify({ formValues: { hotline: '1900 0000', placeName: 'Hà Nội' } }));
    await loadTemplates(t.sql, templates);
    // Not the centre's form values: refused at loading, nothing stored.
    fs.writeFileSync(templates, JSON.stringify({ formValues: { hotLine: '1900 0000' } }));
    await expect(loadTemplates(t.sql, templates)).rejects.toThrow(/templates refused: formValues/);
    for (const route of [CENTRAL_PATHS.catalogue, CENTRAL_PATHS.calendars, CENTRAL_PATHS.formTemplates, CENTRAL_PATHS.clerks]) {
      const first = await t.request(route, { token: a1.credential });
      expect(first.status, route).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag).toBe(`"${(first.body as { version: string }).version}"`);
      const again = await t.request(route, { token: a1.credential, headers: { 'if-none-match': etag } });
      expect(again.status, route).toBe(304);
      expect(again.text).toBe('');
    }
    const catalogue = (await t.request(CENTRAL_PATHS.catalogue, { token: a1.credential })).body as { version: string; body: { revision: number; versions: unknown[] } };
    expect(catalogue.version).toMatch(/^r1-/);
    expect(catalogue.body.versions.length).toBeGreaterThan(30);
    expect((await t.request(CENTRAL_PATHS.formTemplates, { token: a1.credential })).body).toMatchObject({ body: { formValues: { hotline: '1900 0000', placeName: 'Hà Nội' } } });
    const calendars = (await t.request(CENTRAL_PATHS.calendars, { token: a1.credential })).body as { years: { year: number }[] };
    expect(calendars.years.map((year) => year.year)).toEqual([2024, 2025, 2026]);
  });

  it("clerk accounts: only the agency's own, with a slow hash; a change gives a new ETag", async () => {
    const { t, a1, b1 } = get();
    const agency = (await findAgencyByCode(t.sql, a1.agencyCode))!;
    await upsertClerk(t.sql, { agencyId: agency.id, username: 'lan', displayName: 'Trần Thị Lan', passwordHash: await hashPassword('mật khẩu 1'), roles: ['clerk'] });
    const first = await t.request(CENTRAL_PATHS.clerks, { token: a1.credential });
    const clerks = (first.body as { clerks: { username: string; passwordHash: string; disabled: boolean }[] }).clerks;
    expect(clerks.map((clerk) => clerk.username)).toEqual(['lan']);
    expect(clerks[0]!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('mật khẩu 1', clerks[0]!.passwordHash)).toBe(true);
    expect(await verifyPassword('mat khau 1', clerks[0]!.passwordHash)).toBe(false);
    expect(((await t.request(CENTRAL_PATHS.clerks, { token: b1.credential })).body as { clerks: unknown[] }).clerks).toEqual([]);
    await setClerkDisabled(t.sql, agency.id, 'lan', true);
    const after = await t.request(CENTRAL_PATHS.clerks, { token: a1.credential, headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(after.status).toBe(200);
    expect((after.body as { clerks: { disabled: boolean }[] }).clerks[0]!.disabled).toBe(true);
  });

  it('uploads resume after a cut chunk, verify SHA-256, and are kept by hash', async () => {
    const { t, a1 } = get();
    const bytes = randomBytes(300_000);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const start = () => t.request(CENTRAL_PATHS.uploads, { token: a1.credential, json: { sha256, size: bytes.length, dossierId: randomUUID(), mediaType: 'application/pdf' } });
    const patch = (offset: number, chunk: Uint8Array) =>
      t.request(`${CENTRAL_PATHS.uploads}/${sha256}`, {
        method: 'PATCH',
        token: a1.credential,
        body: chunk,
        headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
      });
    const head = async () => Number((await t.request(`${CENTRAL_PATHS.uploads}/${sha256}`, { method: 'HEAD', token: a1.credential })).headers.get('upload-offset'));

    expect(UploadStateSchema.parse((await start()).body)).toEqual({ sha256, size: bytes.length, offset: 0, complete: false });
    expect((await patch(0, bytes.subarray(0, 100_000))).body).toMatchObject({ offset: 100_000, complete: false });
    const stale = await patch(0, bytes.subarray(0, 100_000));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'upload-offset-mismatch', details: { offset: 100_000 } } });

    // A chunk cut by the network: what arrived is kept and the counter resumes from there.
    await sendCutChunk(t.url, sha256, a1.credential, 100_000, bytes.subarray(100_000, 250_000), 50_000);
    let offset = 100_000;
    for (let i = 0; i < 50 && offset === 100_000; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      offset = await head();
    }
    expect(offset).toBeGreaterThan(100_000);
    expect(offset).toBeLessThanOrEqual(150_000);
    const done = await patch(offset, bytes.subarray(offset));
    expect(done.body).toMatchObject({ offset: bytes.length, complete: true });
    const stored = fs.readFileSync(path.join(t.dataDir, 'uploads', sha256.slice(0, 2), sha256));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(sha256);
    expect((await start()).body).toMatchObject({ complete: true, offset: bytes.length });
  });

  it('a file whose bytes do not match its SHA-256 is discarded and restarts at 0', async () => {
    const { t, a1 } = get();
    const claimed = createHash('sha256').update('the real scan').digest('hex');
    await t.request(CENTRAL_PATHS.uploads, { token: a1.credential, json: { sha256: claimed, size: 13, dossierId: randomUUID(), mediaType: 'application/pdf' } });
    const answer = await t.request(`${CENTRAL_PATHS.uploads}/${claimed}`, {
      method: 'PATCH',
      token: a1.credential,
      body: 'the fake scan',
      headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: 'upload-checksum-mismatch' } });
    expect((await t.request(`${CENTRAL_PATHS.uploads}/${claimed}`, { method: 'HEAD', token: a1.credential })).headers.get('upload-offset')).toBe('0');
    expect(fs.existsSync(path.join(t.dataDir, 'uploads', claimed.slice(0, 2), claimed))).toBe(false);
  });
}

/** Announces the whole chunk, sends `sent` bytes of it, then drops the connection. */
function sendCutChunk(url: string, sha256: string, credential: string, offset: number, chunk: Uint8Array, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request(`${url}${CENTRAL_PATHS.uploads}/${sha256}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${credential}`,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        'content-length': String(chunk.length),
      },
    });
    request.on('error', () => resolve());
    request.write(chunk.subarray(0, sent), () => setTimeout(() => {
      request.destroy();
      resolve();
    }, 100));
  });
}
