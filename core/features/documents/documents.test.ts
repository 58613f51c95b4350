import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import Database from 'better-sqlite3';
import PDFDocument from 'pdfkit';
import UTIF from 'utif';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import { describeError, type ErrorCode } from '../../../shared/contract/errors.ts';
import type { DocumentInfo } from '../../../shared/contract/scanning.ts';
import type { Core } from '../../app/create-core.ts';
import { call, checkPdf, documentFile, failure, intakeWithPapers, scanningCore, storedFiles } from '../../../test/harness/scan-fixtures.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let data: string;
let drop: string;

beforeEach(async () => {
  temp = makeTempDir();
  data = path.join(temp.dir, 'data');
  drop = path.join(data, 'import');
  fs.mkdirSync(drop, { recursive: true });
  core = await scanningCore(data, { scannerBackends: () => [] });
});
afterEach(() => {
  core.stop();
  temp.remove();
});

function page(width: number, height: number): Canvas {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000';
  for (let line = 0; line < 12; line += 1) context.fillRect(width * 0.1, height * 0.1 + line * height * 0.06, width * 0.7, height * 0.015);
  return canvas;
}

function write(name: string, bytes: Uint8Array, dir = drop): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function pdfBytes(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date('2026-11-23T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (let index = 0; index < pages; index += 1) doc.addPage({ size: 'A4' }).rect(50, 50, 200, 20).fill('#000');
  doc.end();
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

async function expectRefused(paths: string[], code: ErrorCode): Promise<unknown> {
  const error = await failure(core, 'documents.import', { paths });
  expect(error.code).toBe(code);
  // Every refusal has a Vietnamese and an English explanation for the clerk.
  expect(describeError(code, 'vi').length).toBeGreaterThan(20);
  expect(describeError(code, 'en').length).toBeGreaterThan(20);
  expect(storedFiles(data)).toEqual([]);
  return error.details;
}

describe('documents.import', () => {
  test('JPEG, PNG and TIFF become one PDF of three pages; the type comes from the content, not the name', async () => {
    const jpeg = write('trang-1.png', page(400, 560).encodeSync('jpeg', 80)); // a JPEG named .png
    const png = write('trang-2', page(400, 560).encodeSync('png'));
    const rgba = new Uint8Array(page(300, 420).getContext('2d').getImageData(0, 0, 300, 420).data);
    const tiffFile = write('trang-3.tif', Buffer.from(UTIF.encodeImage(rgba, 300, 420)));
    const document = await call<DocumentInfo>(core, 'documents.import', { paths: [jpeg, png, tiffFile] });
    expect(document).toMatchObject({ pages: 3, source: 'import', blankPages: [] });
    const file = documentFile(data, document);
    expect(checkPdf(file)).toEqual({ qpdfOk: true, pages: 3 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  test('a PDF is kept byte for byte (its SHA-256 is the original file’s)', async () => {
    const bytes = await pdfBytes(3);
    const document = await call<DocumentInfo>(core, 'documents.import', { paths: [write('giay-to.pdf', bytes)] });
    expect(document.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(document.pages).toBe(3);
    expect(fs.readFileSync(documentFile(data, document)).equals(bytes)).toBe(true);
  });

  test('a corrupt PDF, a 0-byte file, a renamed .exe and a 200 MB image are refused, each with its own code, nothing kept', async () => {
    const good = await pdfBytes(1);
    await expectRefused([write('hong.pdf', Buffer.concat([good.subarray(0, 9), Buffer.from('garbage '.repeat(500))]))], 'file-corrupt');
    await expectRefused([write('rong.jpg', Buffer.alloc(0))], 'file-empty');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(4000, 7)]);
    expect(await expectRefused([write('scan.pdf', exe)], 'file-type-unsupported')).toMatchObject({ looksLike: 'a Windows program (MZ)' });
    // 200 MB without holding it: a PNG header, then a sparse extension. Refused from its size, never read.
    const huge = write('anh-lon.png', page(10, 10).encodeSync('png'));
    fs.truncateSync(huge, 200 * 1024 * 1024);
    const started = performance.now();
    expect(await expectRefused([huge], 'file-too-large')).toMatchObject({ size: 200 * 1024 * 1024, limit: 100 * 1024 * 1024 });
    expect(performance.now() - started).toBeLessThan(1000);
    // One bad file spoils the batch: the good one before it is not kept either.
    await expectRefused([write('tot.jpg', page(200, 280).encodeSync('jpeg', 80)), write('rong-2.png', Buffer.alloc(0))], 'file-empty');
  });

  test('paths outside the allowed folders are refused: elsewhere, through .., and through a symbolic link', async () => {
    const outside = write('ngoai.jpg', page(200, 280).encodeSync('jpeg', 80), path.join(temp.dir, 'elsewhere'));
    await expectRefused([outside], 'file-not-allowed');
    await expectRefused([path.join(drop, '..', '..', 'elsewhere', 'ngoai.jpg')], 'file-not-allowed');
    fs.symlinkSync(outside, path.join(drop, 'link.jpg'));
    await expectRefused([path.join(drop, 'link.jpg')], 'file-not-allowed');
    await expectRefused([path.join(drop, 'khong-co.jpg')], 'file-unreadable');
    // A configured import folder is allowed.
    await call(core, 'scanning.updateSettings', { importFolders: [path.join(temp.dir, 'elsewhere')] });
    expect(await call<DocumentInfo>(core, 'documents.import', { paths: [outside] })).toMatchObject({ pages: 1 });
  });
});

describe('reuse by ID number', () => {
  test('a paper digitised for one dossier is found by the citizen’s ID number and attached to another, recorded as reuse', async () => {
    const first = await intakeWithPapers(core);
    const scan = await call<DocumentInfo>(core, 'documents.import', { paths: [write('cccd.jpg', page(400, 260).encodeSync('jpeg', 80))], dossierId: first.id, paperIndex: 1 });
    expect(scan.links).toEqual([expect.objectContaining({ dossierId: first.id, paperIndex: 1, reusedFromDossierId: null })]);

    const found = await call<{ documents: unknown[]; serverAsked: boolean }>(core, 'documents.findReusable', { idNumber: '001090012345' });
    expect(found).toEqual({ documents: [expect.objectContaining({ sha256: scan.sha256, origin: 'counter', paperName: 'Căn cước của người đi khai sinh', dossierCode: first.code, onCounter: true })], serverAsked: false });
    expect(await call(core, 'documents.findReusable', { idNumber: '079090011223' })).toEqual({ documents: [], serverAsked: false });

    const second = await intakeWithPapers(core);
    const attached = await call<{ document: DocumentInfo; reused: boolean; dossierVersion: number }>(core, 'documents.attach', { dossierId: second.id, paperIndex: 1, sha256: scan.sha256 });
    expect(attached.reused).toBe(true);
    expect(attached.document.links).toEqual(expect.arrayContaining([expect.objectContaining({ dossierId: second.id, reusedFromDossierId: first.id })]));
    expect((await call<Dossier>(core, 'dossiers.get', { id: second.id })).papers[1]!.scanSha256).toBe(scan.sha256);
    const timeline = await call<{ entries: { action: string; details: Record<string, unknown> }[] }>(core, 'audit.timeline', { entity: 'dossier', entityId: second.id });
    expect(timeline.entries.at(-1)).toMatchObject({ action: 'dossier.scanAttached', details: { paperIndex: 1, sha256: scan.sha256, reusedFromDossierId: first.id } });

    // The ID number is stored for reuse, as the dossier stores it.
    const db = new Database(path.join(data, 'profiles', 'default.sqlite'), { readonly: true });
    expect(db.prepare('SELECT owner_id_number FROM documents').all()).toEqual([{ owner_id_number: '001090012345' }]);
    db.close();
    expect((await failure(core, 'documents.attach', { dossierId: second.id, paperIndex: 5, sha256: scan.sha256 })).code).toBe('invalid-input');
    expect((await failure(core, 'documents.attach', { dossierId: second.id, paperIndex: 0, sha256: 'f'.repeat(64) })).code).toBe('not-found');
  });
});
