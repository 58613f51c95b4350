import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { CENTRAL_PATHS, DocumentSearchResponseSchema, PushResponseSchema } from '../../shared/contract/central-api.ts';
import type { Dossier } from '../../shared/contract/dossiers.ts';
import { makeDossier, pushItem } from './fixtures.ts';
import type { EnrolledCounter, TestServer } from './harness.ts';

const CITIZEN = '001090077777';

/** Reuse of a citizen's scans across counters: the search by ID number and the file download, per agency. */
export function defineDocumentTests(get: () => { t: TestServer; a1: EnrolledCounter; a2: EnrolledCounter; b1: EnrolledCounter }): void {
  /** Pushes a dossier of `counter`'s agency whose first paper names a scan, and uploads the scan whole. */
  async function dossierWithScan(counter: EnrolledCounter, sequence: number, idNumber: string, paperName: string, pages: number): Promise<{ dossier: Dossier; bytes: Buffer; sha256: string }> {
    const { t } = get();
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(20_000)]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const dossier = makeDossier(counter.agencyCode, sequence, {
      applicant: { kind: 'citizen', fullName: 'Lê Thị Hoa', idNumber },
      papers: [
        { name: paperName, form: 'original', count: 1, required: true, scanSha256: sha256 },
        { name: 'Tờ khai', form: 'original', count: 1, required: true },
      ],
    });
    const pushed = PushResponseSchema.parse((await t.request(CENTRAL_PATHS.push, { token: counter.credential, json: { items: [pushItem(dossier)] } })).body);
    expect(pushed.results[0]!.outcome).toBe('applied');
    await t.request(CENTRAL_PATHS.uploads, { token: counter.credential, json: { sha256, size: bytes.length, dossierId: dossier.id, mediaType: 'application/pdf', pages } });
    const done = await t.request(`${CENTRAL_PATHS.uploads}/${sha256}`, { method: 'PATCH', token: counter.credential, body: bytes, headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' } });
    expect(done.body).toMatchObject({ complete: true });
    return { dossier, bytes, sha256 };
  }

  const search = (counter: EnrolledCounter | null, idNumber: string) => get().t.request(CENTRAL_PATHS.documentSearch, { ...(counter ? { token: counter.credential } : {}), json: { idNumber } });

  it("documents/search lists the agency's scans of a citizen (never another agency's), and GET uploads/<sha> gives the file to the same agency only", async () => {
    const { t, a1, a2, b1 } = get();
    const ours = await dossierWithScan(a1, 4001, CITIZEN, 'Giấy khai sinh', 2);
    const theirs = await dossierWithScan(b1, 4001, CITIZEN, 'Sổ hộ khẩu', 1);
    await dossierWithScan(a1, 4002, '001090088888', 'Giấy khai sinh', 1); // another citizen of agency A

    const found = await search(a2, CITIZEN);
    expect(found.status).toBe(200);
    const documents = DocumentSearchResponseSchema.parse(found.body).documents;
    expect(documents).toEqual([
      { sha256: ours.sha256, paperName: 'Giấy khai sinh', dossierId: ours.dossier.id, dossierCode: ours.dossier.code, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string, pages: 2, size: ours.bytes.length },
    ]);
    // Exactly these fields: no file path or name crosses the wire.
    expect(Object.keys((found.body as { documents: object[] }).documents[0]!).sort()).toEqual(['createdAt', 'dossierCode', 'dossierId', 'pages', 'paperName', 'sha256', 'size']);
    expect(DocumentSearchResponseSchema.parse((await search(b1, CITIZEN)).body).documents.map((item) => item.sha256)).toEqual([theirs.sha256]);
    expect(DocumentSearchResponseSchema.parse((await search(a1, '001090099999')).body).documents).toEqual([]);

    const download = await fetch(`${t.url}${CENTRAL_PATHS.uploads}/${ours.sha256}`, { headers: { authorization: `Bearer ${a2.credential}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(ours.bytes)).toBe(true);
    // Agency B knows the hash but not the file: the same 404 as a file that does not exist.
    const foreign = await t.request(`${CENTRAL_PATHS.uploads}/${ours.sha256}`, { token: b1.credential });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ error: { code: 'not-found' } });
    expect((await t.request(`${CENTRAL_PATHS.uploads}/${'0'.repeat(64)}`, { token: a1.credential })).status).toBe(404);
  });

  it('documents/search: a credential is needed, the ID number travels in a POST body only, and a counter is slowed down', async () => {
    const { t, a1 } = get();
    expect((await search(null, CITIZEN)).status).toBe(401);
    expect((await t.request(`${CENTRAL_PATHS.documentSearch}?idNumber=${CITIZEN}`, { token: a1.credential })).status).toBe(405);
    expect((await search(a1, '12345')).body).toMatchObject({ error: { code: 'invalid-input' } });
    const counter = await t.enrolCounter(a1.agencyCode, 31);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) statuses.push((await search(counter, CITIZEN)).status);
    expect(statuses).toEqual(Array.from({ length: 30 }, () => 200));
    const limited = await search(counter, CITIZEN);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another counter of the agency has its own allowance.
    expect((await search(a1, CITIZEN)).status).toBe(200);
  });
}
