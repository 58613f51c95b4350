import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import { describeError, type ErrorCode } from '../../../shared/contract/errors.ts';
import { UPLOAD_CHUNK_BYTES, type DocumentInfo } from '../../../shared/contract/scanning.ts';
import type { Core } from '../../app/create-core.ts';
import { call, checkPdf, documentFile, failure, intakeWithPapers, scanningCore, storedFiles } from '../../../test/harness/scan-fixtures.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let data: string;

beforeEach(async () => {
  temp = makeTempDir();
  data = path.join(temp.dir, 'data');
  core = await scanningCore(data, { scannerBackends: () => [] });
});
afterEach(() => {
  core.stop();
  temp.remove();
});

/** Sends bytes as the renderer does: start, chunks of chunkBytes at the offset received, then the id. */
async function send(bytes: Buffer): Promise<string> {
  const { uploadId, chunkBytes } = await call<{ uploadId: string; chunkBytes: number }>(core, 'documents.uploadStart', { size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const { received } = await call<{ received: number }>(core, 'documents.uploadChunk', { uploadId, offset, data: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
    expect(received).toBe(Math.min(bytes.length, offset + chunkBytes));
  }
  return uploadId;
}

function textPage(kind: 'jpeg' | 'png'): Buffer {
  const canvas = createCanvas(1200, 1700);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 1200, 1700);
  context.fillStyle = '#111';
  for (let line = 0; line < 30; line += 1) context.fillRect(100, 120 + line * 48, 900 - (line % 5) * 80, 14);
  return kind === 'jpeg' ? canvas.encodeSync('jpeg', 92) : canvas.encodeSync('png');
}

async function expectRefused(bytes: Buffer, code: ErrorCode): Promise<void> {
  const uploadId = await send(bytes);
  expect((await failure(core, 'documents.uploadFinish', { uploadIds: [uploadId] })).code).toBe(code);
  expect(describeError(code, 'vi').length).toBeGreaterThan(20);
  expect(storedFiles(data)).toEqual([]);
}

describe('files sent from the clerk’s machine (file picker, drag and drop)', () => {
  test('a JPEG bigger than one chunk arrives in chunks and becomes the paper’s PDF; nothing stays in scratch', async () => {
    const dossier = await intakeWithPapers(core);
    const jpeg = textPage('jpeg');
    expect(jpeg.length).toBeGreaterThan(UPLOAD_CHUNK_BYTES);
    const uploadId = await send(jpeg);
    const document = await call<DocumentInfo>(core, 'documents.uploadFinish', { uploadIds: [uploadId], dossierId: dossier.id, paperIndex: 1 });
    expect(document).toMatchObject({ pages: 1, source: 'import' });
    expect(checkPdf(documentFile(data, document))).toEqual({ qpdfOk: true, pages: 1 });
    expect((await call<Dossier>(core, 'dossiers.get', { id: dossier.id })).papers[1]!.scanSha256).toBe(document.sha256);
    expect(storedFiles(data)).toEqual([documentFile(data, document)]);
    // The upload is gone once finished.
    expect((await failure(core, 'documents.uploadFinish', { uploadIds: [uploadId] })).code).toBe('not-found');
  });

  test('a black-and-white import has thumbnails too (1-bit pictures are read back from the PDF)', async () => {
    const document = await call<DocumentInfo>(core, 'documents.uploadFinish', { uploadIds: [await send(textPage('png')), await send(textPage('jpeg'))], mode: 'lineart' });
    const pages = await call<{ pages: { thumbnail: string | null }[] }>(core, 'documents.pages', { sha256: document.sha256 });
    expect(pages.pages).toHaveLength(2);
    for (const page of pages.pages) expect(page.thumbnail).toMatch(/^data:image\/jpeg;base64,.{500,}/);
  });

  test('0-byte, a renamed program, a corrupt PDF are refused by content; too big is refused before any byte is sent', async () => {
    await expectRefused(Buffer.alloc(0), 'file-empty');
    await expectRefused(Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(5000, 1)]), 'file-type-unsupported');
    await expectRefused(Buffer.from('%PDF-1.7\n' + 'rác '.repeat(3000)), 'file-corrupt');
    expect((await failure(core, 'documents.uploadStart', { size: 101 * 1024 * 1024 })).code).toBe('file-too-large');
    expect(storedFiles(data)).toEqual([]);
  });

  test('chunks out of order, too many bytes, an unfinished file: refused, the paper keeps what it had', async () => {
    const dossier = await intakeWithPapers(core);
    const first = await call<DocumentInfo>(core, 'documents.uploadFinish', { uploadIds: [await send(textPage('jpeg'))], dossierId: dossier.id, paperIndex: 0 });
    const { uploadId } = await call<{ uploadId: string }>(core, 'documents.uploadStart', { size: 10 });
    expect((await failure(core, 'documents.uploadChunk', { uploadId, offset: 5, data: 'AAAA' })).code).toBe('conflict');
    await call(core, 'documents.uploadChunk', { uploadId, offset: 0, data: Buffer.from('%PDF-').toString('base64') });
    expect((await failure(core, 'documents.uploadFinish', { uploadIds: [uploadId], dossierId: dossier.id, paperIndex: 0 })).code).toBe('invalid-input');
    const { uploadId: over } = await call<{ uploadId: string }>(core, 'documents.uploadStart', { size: 3 });
    expect((await failure(core, 'documents.uploadChunk', { uploadId: over, offset: 0, data: 'AAAAAAAA' })).code).toBe('invalid-input');
    expect((await failure(core, 'documents.uploadChunk', { uploadId: over, offset: 0, data: 'AAAA' })).code).toBe('not-found');
    expect((await call<Dossier>(core, 'dossiers.get', { id: dossier.id })).papers[0]!.scanSha256).toBe(first.sha256);
    expect(storedFiles(data)).toEqual([documentFile(data, first)]);
    expect(fs.existsSync(path.join(data, 'tmp', 'scans')) ? fs.readdirSync(path.join(data, 'tmp', 'scans')) : []).toEqual([]);
  });
});
