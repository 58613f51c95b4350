import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createNodeHttpClient } from '../../core/adapters/node-http-client.ts';
import type { Core } from '../../core/app/create-core.ts';
import type { HttpClient } from '../../core/ports/http-client.ts';
import type { DocumentInfo } from '../../shared/contract/scanning.ts';
import type { SyncStatus } from '../../shared/contract/sync.ts';
import { startCentralFixture, type CentralFixture } from '../harness/central-fixture.ts';
import { call, intakeWithPapers, scanningCore } from '../harness/scan-fixtures.ts';
import { makeTempDir } from '../harness/temp-dir.ts';

// A counter's scans reach the real central server (PGlite) through the fault proxy: a PATCH cut mid-body
// resumes from the server's offset, a checksum mismatch restarts at 0, and confirmed files leave the counter
// after the retention period.
const CHUNK = 64 * 1024;

let central: CentralFixture;
let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let now: Date;
const patches: number[] = [];
/** Upload requests (start or chunk) in flight now, and the most seen at once. */
const uploads = { inFlight: 0, most: 0 };

beforeEach(async () => {
  central = await startCentralFixture();
  temp = makeTempDir();
  now = new Date();
  patches.length = 0;
  uploads.most = 0;
  const realHttp = createNodeHttpClient();
  // Records the Upload-Offset of every chunk the counter sends.
  const http: HttpClient = {
    async request(request) {
      if (request.method === 'PATCH') patches.push(Number(request.headers?.['upload-offset']));
      if (!request.url.includes('/uploads')) return realHttp.request(request);
      uploads.most = Math.max(uploads.most, ++uploads.inFlight);
      try {
        return await realHttp.request(request);
      } finally {
        uploads.inFlight -= 1;
      }
    },
  };
  core = await scanningCore(path.join(temp.dir, 'data'), { clock: { now: () => now }, http, scanChunkBytes: CHUNK, syncIntervalMs: 3_600_000, scannerBackends: () => [] });
  await central.enrol(core);
});
afterEach(async () => {
  core.stop();
  await central.close();
  temp.remove();
});

/** A colour photo-like page: large enough to take several chunks. */
function noisyJpeg(seed = 0): Buffer {
  const canvas = createCanvas(900, 1200);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(900, 1200);
  for (let i = 0; i < pixels.data.length; i += 1) pixels.data[i] = ((i + seed) * 2654435761) >>> 24;
  context.putImageData(pixels, 0, 0);
  return canvas.encodeSync('jpeg', 90);
}

async function scannedDocument(): Promise<{ dossierId: string; document: DocumentInfo }> {
  const dossier = await intakeWithPapers(core);
  const drop = path.join(temp.dir, 'data', 'import');
  fs.mkdirSync(drop, { recursive: true });
  fs.writeFileSync(path.join(drop, 'anh.jpg'), noisyJpeg());
  const document = await call<DocumentInfo>(core, 'documents.import', { paths: [path.join(drop, 'anh.jpg')], dossierId: dossier.id, paperIndex: 0 });
  return { dossierId: dossier.id, document };
}

/** The server goes on writing what reached it of a cut chunk after the counter saw the cut: wait for it. */
async function settledOffset(): Promise<number> {
  let last = -1;
  for (;;) {
    const [row] = await central.server.sql.query<{ received: string; complete: boolean }>('SELECT received, complete FROM uploads');
    expect(row!.complete).toBe(false);
    if (Number(row!.received) === last) return last;
    last = Number(row!.received);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const serverFile = (sha256: string) => path.join(central.server.dataDir, 'uploads', sha256.slice(0, 2), sha256);
const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

test('a cut upload resumes from the server’s offset; a checksum mismatch restarts at 0; confirmed files leave after the retention days', async () => {
  // Every connection is cut after 100 kB from the counter: the dossier (small) arrives, the chunks are cut.
  // Set before the scan exists: its commit wakes the worker at once.
  central.proxy.setFault({ kind: 'cutRequest', afterBytes: 100_000 });
  const { dossierId, document } = await scannedDocument();
  expect(document.size).toBeGreaterThan(3 * CHUNK);
  await call(core, 'sync.now');
  expect(await central.server.sql.query('SELECT id FROM dossiers')).toEqual([{ id: dossierId }]);
  const received = await settledOffset();
  expect(received).toBeGreaterThan(0);
  expect((await call<DocumentInfo>(core, 'documents.get', { sha256: document.sha256 })).confirmedAt).toBeNull();

  // The network is back; the backoff has passed: the counter asks the server where it stands and goes on from there.
  central.proxy.setFault({ kind: 'pass' });
  central.proxy.severAll(); // kept-alive connections made under the fault would go on cutting
  patches.length = 0;
  later(3_600_000);
  await call(core, 'sync.now');
  expect(patches[0]).toBe(received);
  const confirmed = await call<DocumentInfo>(core, 'documents.get', { sha256: document.sha256 });
  expect(confirmed.confirmedAt).not.toBeNull();
  expect(createHash('sha256').update(fs.readFileSync(serverFile(document.sha256))).digest('hex')).toBe(document.sha256);
  expect(await central.server.sql.query('SELECT dossier_id FROM upload_refs')).toEqual([{ dossier_id: dossierId }]);

  // Retention: nothing is removed before the configured days, the file is removed after them; the row stays.
  await call(core, 'scanning.updateSettings', { retentionDays: 30 });
  later(29 * 86_400_000);
  await call(core, 'sync.now');
  const file = path.join(temp.dir, 'data', 'documents', document.sha256.slice(0, 2), `${document.sha256}.pdf`);
  expect(fs.existsSync(file)).toBe(true);
  later(2 * 86_400_000);
  await call(core, 'sync.now');
  expect(fs.existsSync(file)).toBe(false);
  expect((await call<DocumentInfo>(core, 'documents.get', { sha256: document.sha256 })).removedAt).not.toBeNull();
  expect(await call(core, 'documents.findReusable', { idNumber: '001090012345' })).toMatchObject({ documents: [{ sha256: document.sha256, onCounter: false }] });
});

test('bytes damaged on the way (the server’s checksum fails) make the upload start again at 0, and it completes', async () => {
  central.proxy.setFault({ kind: 'cutRequest', afterBytes: 100_000 });
  const { document } = await scannedDocument();
  await call(core, 'sync.now');
  await settledOffset();
  // Damage what the server holds so far, as a faulty line would have.
  const partialFile = `${serverFile(document.sha256)}.partial`;
  const bytes = fs.readFileSync(partialFile);
  bytes[10] = bytes[10]! ^ 0xff;
  fs.writeFileSync(partialFile, bytes);

  central.proxy.setFault({ kind: 'pass' });
  central.proxy.severAll(); // kept-alive connections made under the fault would go on cutting
  patches.length = 0;
  later(3_600_000);
  await call(core, 'sync.now');
  expect(patches.filter((offset) => offset === 0)).toHaveLength(1); // the restart after the 422
  expect(patches[0]).toBeGreaterThan(0); // it first resumed where the server stood
  expect((await call<DocumentInfo>(core, 'documents.get', { sha256: document.sha256 })).confirmedAt).not.toBeNull();
  expect(createHash('sha256').update(fs.readFileSync(serverFile(document.sha256))).digest('hex')).toBe(document.sha256);
});

// Found by the chaos run: a scan backing off after a cut kept its backoff through sync.now (and waited behind an
// audit upload that was backing off), so a clerk pressing "sync now" with the network back saw nothing move.
test('sync.now sends a scan that is backing off at once, with no time passing', async () => {
  central.proxy.setFault({ kind: 'cutRequest', afterBytes: 100_000 });
  const { document } = await scannedDocument();
  await call(core, 'sync.now');
  await settledOffset();
  expect((await call<DocumentInfo>(core, 'documents.get', { sha256: document.sha256 })).confirmedAt).toBeNull();

  central.proxy.setFault({ kind: 'pass' });
  central.proxy.severAll();
  await call(core, 'sync.now');
  expect((await call<DocumentInfo>(core, 'documents.get', { sha256: document.sha256 })).confirmedAt).not.toBeNull();
});

test('a scan damaged on the counter’s disk never completes on the server: its last chunk is held back', async () => {
  const { document } = await scannedDocument();
  const counterFile = path.join(temp.dir, 'data', 'documents', document.sha256.slice(0, 2), `${document.sha256}.pdf`);
  const bytes = fs.readFileSync(counterFile);
  bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
  fs.writeFileSync(counterFile, bytes);

  await call(core, 'sync.now');
  const rows = await central.server.sql.query<{ received: string; complete: boolean }>('SELECT received, complete FROM uploads');
  expect(rows.map((row) => row.complete)).toEqual([false]);
  expect(Number(rows[0]!.received)).toBeLessThan(document.size);
  expect(fs.existsSync(serverFile(document.sha256))).toBe(false);
  expect((await call<DocumentInfo>(core, 'documents.get', { sha256: document.sha256 })).confirmedAt).toBeNull();
  // It waits a day (someone must look at the disk) rather than hammering the server: nothing more is sent.
  const sent = patches.length;
  later(3_600_000);
  await call(core, 'sync.now');
  expect(patches.length).toBe(sent);
});

test('several scans travel at once and each arrives whole, once', async () => {
  const documents: DocumentInfo[] = [];
  for (let index = 0; index < 5; index += 1) {
    const dossier = await intakeWithPapers(core);
    const drop = path.join(temp.dir, 'data', 'import');
    fs.mkdirSync(drop, { recursive: true });
    const file = path.join(drop, `trang-${index}.jpg`);
    fs.writeFileSync(file, noisyJpeg(index + 1));
    documents.push(await call<DocumentInfo>(core, 'documents.import', { paths: [file], dossierId: dossier.id, paperIndex: 0 }));
  }
  expect(new Set(documents.map((document) => document.sha256)).size).toBe(5);
  // The backlog a clerk (and the quit question) sees includes the scans and the action log, not only dossiers.
  const before = await call<SyncStatus>(core, 'sync.status');
  expect(before).toMatchObject({ scansPending: 5 });
  expect(before.auditPending).toBeGreaterThan(0);
  expect(await call<SyncStatus>(core, 'sync.now')).toMatchObject({ pending: 0, scansPending: 0, auditPending: 0 });
  for (const document of documents) {
    expect((await call<DocumentInfo>(core, 'documents.get', { sha256: document.sha256 })).confirmedAt).not.toBeNull();
    expect(createHash('sha256').update(fs.readFileSync(serverFile(document.sha256))).digest('hex')).toBe(document.sha256);
  }
  const rows = await central.server.sql.query<{ n: string }>('SELECT count(*) AS n FROM uploads WHERE complete');
  expect(Number(rows[0]!.n)).toBe(5);
  // Several at once (three files in flight), each chunk sent once: no offset repeats within a file's run.
  expect(uploads.most).toBe(3);
  expect(patches.length).toBe(new Set(patches).size * 5);
});
