import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Core } from '../../core/app/create-core.ts';
import { createEnrolmentCode } from '../../server/features/counters/service.ts';
import type { DocumentInfo } from '../../shared/contract/scanning.ts';
import { callCore as call, startCentralFixture, type CentralFixture } from '../harness/central-fixture.ts';
import { documentFile, failure, intakeWithPapers, SCAN_APPLICANT, scanningCore } from '../harness/scan-fixtures.ts';
import { makeTempDir } from '../harness/temp-dir.ts';

// Issue 7, reuse "on this counter, and from the server when online": counter A of an agency digitises a
// citizen's paper and sends it to the real central server (PGlite); counter B of the same agency finds it by
// the citizen's ID number and attaches it (the file comes down, verified, byte for byte); a counter of another
// agency finds nothing; B offline (or behind a server that never answers) lists only its own, promptly.
const OTHER_AGENCY = '000.00.34.H56';

type Reusable = { documents: { sha256: string; origin: string; dossierCode: string; paperName: string; pages: number; onCounter: boolean; onServer: boolean }[]; serverAsked: boolean };

let central: CentralFixture;
let temp: ReturnType<typeof makeTempDir>;
const cores: Core[] = [];

beforeEach(async () => {
  central = await startCentralFixture();
  await central.server.addAgency(OTHER_AGENCY, 'UBND xã Bên Cạnh');
  temp = makeTempDir();
});
afterEach(async () => {
  for (const core of cores.splice(0)) core.stop();
  await central.close();
  temp.remove();
});

async function counter(name: string): Promise<{ core: Core; dataDir: string }> {
  const dataDir = path.join(temp.dir, name);
  const core = await scanningCore(dataDir, { syncIntervalMs: 3_600_000, scannerBackends: () => [] });
  cores.push(core);
  return { core, dataDir };
}

function pageJpeg(): Buffer {
  const canvas = createCanvas(600, 850);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 600, 850);
  context.fillStyle = '#333';
  for (let line = 0; line < 18; line += 1) context.fillRect(60, 80 + line * 38, 300 + ((line * 37) % 180), 12);
  return canvas.encodeSync('jpeg', 85);
}

test('counter B of the same agency finds and attaches what counter A digitised; another agency finds nothing; offline B lists its own only', async () => {
  // Counter A: the citizen's birth certificate, digitised and sent to the server.
  const a = await counter('a');
  await central.enrol(a.core, { slot: 1, direct: true });
  const first = await intakeWithPapers(a.core);
  fs.mkdirSync(path.join(a.dataDir, 'import'), { recursive: true });
  fs.writeFileSync(path.join(a.dataDir, 'import', 'khai-sinh.jpg'), pageJpeg());
  const scanned = await call<DocumentInfo>(a.core, 'documents.import', { paths: [path.join(a.dataDir, 'import', 'khai-sinh.jpg')], dossierId: first.id, paperIndex: 0 });
  await call(a.core, 'sync.now');
  expect((await call<DocumentInfo>(a.core, 'documents.get', { sha256: scanned.sha256 })).confirmedAt).not.toBeNull();

  // Counter B (same agency, through the fault proxy): the server's copy is listed, not on this counter.
  const b = await counter('b');
  await central.enrol(b.core, { slot: 2 });
  const listed = await call<Reusable>(b.core, 'documents.findReusable', { idNumber: SCAN_APPLICANT.idNumber });
  expect(listed).toEqual({
    serverAsked: true,
    documents: [expect.objectContaining({ sha256: scanned.sha256, origin: 'server', dossierCode: first.code, paperName: 'Giấy chứng sinh', pages: 1, onCounter: false, onServer: true })],
  });

  // B attaches it to its own dossier for the same citizen: the bytes come down and are identical.
  const second = await intakeWithPapers(b.core);
  const attached = await call<{ document: DocumentInfo; reused: boolean }>(b.core, 'documents.attach', { dossierId: second.id, paperIndex: 0, sha256: scanned.sha256 });
  expect(attached.reused).toBe(true);
  expect(attached.document).toMatchObject({ sha256: scanned.sha256, pages: 1, size: scanned.size, removedAt: null });
  expect(fs.readFileSync(documentFile(b.dataDir, scanned)).equals(fs.readFileSync(documentFile(a.dataDir, scanned)))).toBe(true);
  expect((await call<{ papers: { scanSha256?: string }[] }>(b.core, 'dossiers.get', { id: second.id })).papers[0]!.scanSha256).toBe(scanned.sha256);
  const audit = b.core.storage.db().prepare("SELECT details FROM audit_log WHERE action = 'dossier.scanAttached'").all() as { details: string }[];
  expect(audit.map((row) => JSON.parse(row.details) as { reusedFromDossierId?: string })).toEqual([expect.objectContaining({ reusedFromDossierId: first.id })]);
  // Now on B too: one entry per document (deduplicated by SHA-256), on the counter and on the server.
  expect((await call<Reusable>(b.core, 'documents.findReusable', { idNumber: SCAN_APPLICANT.idNumber })).documents).toEqual([
    expect.objectContaining({ sha256: scanned.sha256, origin: 'counter', dossierCode: second.code, onCounter: true, onServer: true }),
  ]);
  // B's sync tells the server that its dossier uses the file too (nothing is sent again: it is complete there).
  await call(b.core, 'sync.now');
  expect((await central.server.sql.query('SELECT dossier_id FROM upload_refs ORDER BY dossier_id')).map((row) => row.dossier_id).sort()).toEqual([first.id, second.id].sort());

  // A counter of another agency: asked, nothing found; the file is not handed out by its hash either.
  const c = await counter('c');
  const { code } = await createEnrolmentCode(central.server.sql, { agencyCode: OTHER_AGENCY, slot: 1, counterName: 'Quầy 1', now: new Date() });
  await call(c.core, 'sync.enroll', { serverUrl: central.server.url, code, deviceName: 'pc-c' });
  expect(await call(c.core, 'documents.findReusable', { idNumber: SCAN_APPLICANT.idNumber })).toEqual({ documents: [], serverAsked: true });
  const stranger = await intakeWithPapers(c.core);
  expect((await failure(c.core, 'documents.attach', { dossierId: stranger.id, paperIndex: 0, sha256: scanned.sha256 })).code).toBe('not-found');
  expect(fs.existsSync(path.join(c.dataDir, 'documents'))).toBe(false);

  // B offline: its own copy only, and it says the server was not asked.
  await central.proxy.down();
  central.proxy.severAll();
  expect(await call<Reusable>(b.core, 'documents.findReusable', { idNumber: SCAN_APPLICANT.idNumber })).toEqual({
    serverAsked: false,
    documents: [expect.objectContaining({ sha256: scanned.sha256, origin: 'counter', onCounter: true, onServer: false })],
  });
  // A server that accepts the connection and never answers: the clerk waits a few seconds, not the sync timeout.
  await central.proxy.up();
  central.proxy.setFault({ kind: 'drop' });
  const started = performance.now();
  expect((await call<Reusable>(b.core, 'documents.findReusable', { idNumber: SCAN_APPLICANT.idNumber })).serverAsked).toBe(false);
  expect(performance.now() - started).toBeLessThan(6_000);
}, 60_000);

test('a counter not enrolled lists its own documents without asking anyone; attaching a document it never held is not-found', async () => {
  const alone = await counter('alone');
  const dossier = await intakeWithPapers(alone.core);
  expect(await call(alone.core, 'documents.findReusable', { idNumber: SCAN_APPLICANT.idNumber })).toEqual({ documents: [], serverAsked: false });
  expect((await failure(alone.core, 'documents.attach', { dossierId: dossier.id, paperIndex: 0, sha256: 'a'.repeat(64) })).code).toBe('not-found');
});
