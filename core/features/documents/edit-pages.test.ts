import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { DocumentInfo } from '../../../shared/contract/scanning.ts';
import { silentLogger } from '../../adapters/json-logger.ts';
import type { Core } from '../../app/create-core.ts';
import { systemClock } from '../../ports/clock.ts';
import { createDocumentsService } from './service.ts';
import { call, checkPdf, documentFile, failure, intakeWithPapers, scanningCore, storedFiles } from '../../../test/harness/scan-fixtures.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';

type Pages = { sha256: string; pages: { index: number; rotate: number; widthPt: number; heightPt: number; blank: boolean; thumbnail: string | null }[] };

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

/** A portrait page whose ink sits in its top band, with `marks` black squares in a row to tell pages apart. */
function pageJpeg(marks: number): Buffer {
  const canvas = createCanvas(400, 560);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 400, 560);
  context.fillStyle = '#000';
  context.fillRect(20, 20, 360, 60);
  for (let mark = 0; mark < marks; mark += 1) context.fillRect(30 + mark * 60, 200, 40, 40);
  return canvas.encodeSync('jpeg', 85);
}

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(drop, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The page rendered by poppler (pdftoppm), as an independent check of what a viewer shows. */
async function rendered(file: string, page: number): Promise<{ width: number; height: number; inkAt: (x: number, y: number) => boolean }> {
  const out = path.join(temp.dir, `render-${page}`);
  execFileSync('pdftoppm', ['-png', '-r', '20', '-f', String(page), '-l', String(page), '-singlefile', file, out]);
  const image = await loadImage(fs.readFileSync(`${out}.png`));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  return { width: image.width, height: image.height, inkAt: (x, y) => pixels[(Math.floor(y * image.height) * image.width + Math.floor(x * image.width)) * 4]! < 100 };
}

async function paperWithPages(count: number): Promise<{ dossier: Dossier; document: DocumentInfo }> {
  const dossier = await intakeWithPapers(core);
  const paths = Array.from({ length: count }, (_, index) => write(`trang-${index + 1}.jpg`, pageJpeg(index + 1)));
  const document = await call<DocumentInfo>(core, 'documents.import', { paths, dossierId: dossier.id, paperIndex: 0 });
  return { dossier, document };
}

describe('documents.pages and documents.editPages', () => {
  test('thumbnails of every page; rotate one, drop one, reorder: a new PDF linked to the paper, the old one kept as it was', async () => {
    const { dossier, document } = await paperWithPages(3);
    const before = fs.readFileSync(documentFile(data, document));
    const listed = await call<Pages>(core, 'documents.pages', { sha256: document.sha256 });
    expect(listed.pages.map((page) => [page.index, page.rotate])).toEqual([[0, 0], [1, 0], [2, 0]]);
    for (const page of listed.pages) expect(page.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    const thumbnail = await loadImage(Buffer.from(listed.pages[0]!.thumbnail!.split(',')[1]!, 'base64'));
    expect(Math.max(thumbnail.width, thumbnail.height)).toBe(220);
    expect(thumbnail.height).toBeGreaterThan(thumbnail.width);

    // New order: page 3, then page 1 turned a quarter clockwise; page 2 dropped.
    const edited = await call<DocumentInfo>(core, 'documents.editPages', { sha256: document.sha256, dossierId: dossier.id, paperIndex: 0, pages: [{ index: 2 }, { index: 0, rotate: 90 }] });
    expect(edited.sha256).not.toBe(document.sha256);
    expect(edited).toMatchObject({ pages: 2, source: 'import', links: [expect.objectContaining({ dossierId: dossier.id, paperIndex: 0 })] });
    const file = documentFile(data, edited);
    expect(checkPdf(file)).toEqual({ qpdfOk: true, pages: 2 });
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Producer:\s+Một Cửa Desk/);

    // Poppler shows page 1 as the old page 3 (three marks) and page 2 turned: landscape, ink band on the right.
    const first = await rendered(file, 1);
    expect(first.height).toBeGreaterThan(first.width);
    expect([0.12, 0.27, 0.42].map((x) => first.inkAt(x, 0.39))).toEqual([true, true, true]);
    const second = await rendered(file, 2);
    expect(second.width).toBeGreaterThan(second.height);
    expect(second.inkAt(0.92, 0.5)).toBe(true);
    expect(second.inkAt(0.08, 0.5)).toBe(false);

    const after = await call<Pages>(core, 'documents.pages', { sha256: edited.sha256 });
    expect(after.pages.map((page) => page.rotate)).toEqual([0, 90]);
    expect(after.pages[1]!.widthPt).toBeGreaterThan(after.pages[1]!.heightPt);
    // The paper now holds the new document; the old file is untouched and linked to nothing.
    expect((await call<Dossier>(core, 'dossiers.get', { id: dossier.id })).papers[0]!.scanSha256).toBe(edited.sha256);
    expect(fs.readFileSync(documentFile(data, document)).equals(before)).toBe(true);
    expect((await call<DocumentInfo>(core, 'documents.get', { sha256: document.sha256 })).links).toEqual([]);

    // Turning the turned page once more adds up (90 + 90 = 180).
    const again = await call<DocumentInfo>(core, 'documents.editPages', { sha256: edited.sha256, dossierId: dossier.id, paperIndex: 0, pages: [{ index: 0 }, { index: 1, rotate: 90 }] });
    expect((await call<Pages>(core, 'documents.pages', { sha256: again.sha256 })).pages.map((page) => page.rotate)).toEqual([0, 180]);
  });

  test('pages scanned or imported later are appended from their own document', async () => {
    const { dossier, document } = await paperWithPages(2);
    const extra = await call<DocumentInfo>(core, 'documents.import', { paths: [write('them.jpg', pageJpeg(4))] });
    const edited = await call<DocumentInfo>(core, 'documents.editPages', { sha256: document.sha256, dossierId: dossier.id, paperIndex: 0, pages: [{ index: 0 }, { index: 1 }, { from: extra.sha256, index: 0 }] });
    expect(checkPdf(documentFile(data, edited))).toEqual({ qpdfOk: true, pages: 3 });
    const last = await rendered(documentFile(data, edited), 3);
    expect([0.12, 0.27, 0.42, 0.57].map((x) => last.inkAt(x, 0.39))).toEqual([true, true, true, true]);
  });

  test('a PDF imported as it came is edited by copying its pages: rotation and count right, no thumbnails', async () => {
    const dossier = await intakeWithPapers(core);
    const pdf = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    for (let index = 0; index < 3; index += 1) pdf.addPage({ size: 'A4' }).fontSize(30).text(`Trang ${index + 1}`, 50, 50);
    pdf.end();
    await new Promise((resolve) => pdf.on('end', resolve));
    const document = await call<DocumentInfo>(core, 'documents.import', { paths: [write('van-ban.pdf', Buffer.concat(chunks))], dossierId: dossier.id, paperIndex: 1 });
    expect((await call<Pages>(core, 'documents.pages', { sha256: document.sha256 })).pages.map((page) => page.thumbnail)).toEqual([null, null, null]);
    const edited = await call<DocumentInfo>(core, 'documents.editPages', { sha256: document.sha256, dossierId: dossier.id, paperIndex: 1, pages: [{ index: 1, rotate: 270 }, { index: 0 }] });
    const file = documentFile(data, edited);
    expect(checkPdf(file)).toEqual({ qpdfOk: true, pages: 2 });
    expect(execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' })).toContain('Trang 1');
    const first = await rendered(file, 1);
    expect(first.width).toBeGreaterThan(first.height);
  });

  test('a failed edit keeps the previous document: bad page, stale document, another dossier’s paper, a removed appendix', async () => {
    const { dossier, document } = await paperWithPages(2);
    const filesBefore = storedFiles(data);
    const bytesBefore = fs.readFileSync(documentFile(data, document));
    const edit = (input: Record<string, unknown>) => failure(core, 'documents.editPages', { sha256: document.sha256, dossierId: dossier.id, paperIndex: 0, ...input });
    expect((await edit({ pages: [{ index: 0 }, { index: 5 }] })).code).toBe('invalid-input');
    expect((await edit({ pages: [{ index: 0 }, { index: 0 }] })).code).toBe('invalid-input');
    expect((await edit({ pages: [] })).code).toBe('invalid-input');
    expect((await edit({ pages: [{ index: 0, rotate: 45 }] })).code).toBe('invalid-input');
    expect((await edit({ paperIndex: 1, pages: [{ index: 0 }] })).code).toBe('conflict');
    expect((await edit({ pages: [{ index: 0 }, { from: 'a'.repeat(64), index: 0 }] })).code).toBe('not-found');
    // The appended document's file is damaged on disk: refused, nothing new stored.
    const extra = await call<DocumentInfo>(core, 'documents.import', { paths: [write('hong.jpg', pageJpeg(1))] });
    fs.writeFileSync(documentFile(data, extra), 'not a pdf any more');
    expect((await edit({ pages: [{ index: 0 }, { from: extra.sha256, index: 0 }] })).code).toBe('file-corrupt');
    expect(storedFiles(data).sort()).toEqual([...filesBefore, documentFile(data, extra)].sort());
    expect((await call<Dossier>(core, 'dossiers.get', { id: dossier.id })).papers[0]!.scanSha256).toBe(document.sha256);
    expect(fs.readFileSync(documentFile(data, document)).equals(bytesBefore)).toBe(true);
  });

  test('a replaced document leaves the counter after the retention; the one linked stays', async () => {
    const { dossier, document } = await paperWithPages(2);
    const edited = await call<DocumentInfo>(core, 'documents.editPages', { sha256: document.sha256, dossierId: dossier.id, paperIndex: 0, pages: [{ index: 1 }] });
    await call(core, 'scanning.updateSettings', { retentionDays: 0 });
    // The sync step runs the sweep after each drain; here the service does it directly, on the core's own file.
    const sweep = createDocumentsService({ storage: core.storage, clock: systemClock, logger: silentLogger, dataDir: data, dossiers: () => { throw new Error('not needed'); } });
    expect(sweep.applyRetention()).toBe(1);
    expect(fs.existsSync(documentFile(data, document))).toBe(false);
    expect(fs.existsSync(documentFile(data, edited))).toBe(true);
    expect((await failure(core, 'documents.pages', { sha256: document.sha256 })).code).toBe('not-found');
  });
});
