import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import UTIF from 'utif';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DocumentInfo, ScanMode } from '../../../shared/contract/scanning.ts';
import type { Core } from '../../app/create-core.ts';
import { preparePages } from '../scanning/pipeline/pages.ts';
import { checkPdfA2b, type PdfaReport } from '../../../test/harness/pdfa-check.ts';
import { call, documentFile, intakeWithPapers, scanningCore } from '../../../test/harness/scan-fixtures.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { assemblePdf } from './assemble-pdf.ts';

// Every PDF this feature stores as PDF/A-2b is checked against the ISO 19005-2 clauses that apply to it
// (test/harness/pdfa-check.ts, itself tested on broken files). A PDF imported as it came is kept byte for byte
// and is not ours to check; pages copied out of one by pdf-lib make no PDF/A claim either.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const CREATED = new Date('2026-11-23T02:15:30Z');

/** A page with black text-like bars, a red stamp and a blue signature: something in every mode. */
function pageCanvas(width = 420, height = 594): Canvas {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#111';
  for (let line = 0; line < 14; line += 1) context.fillRect(width * 0.1, height * 0.1 + line * height * 0.05, width * 0.7, height * 0.012);
  context.fillStyle = '#c00';
  context.beginPath();
  context.arc(width * 0.7, height * 0.85, width * 0.08, 0, Math.PI * 2);
  context.fill();
  context.fillStyle = '#14c';
  context.fillRect(width * 0.2, height * 0.88, width * 0.25, 3);
  return canvas;
}

function checked(file: string): PdfaReport {
  expect(() => execFileSync('qpdf', ['--check', file], { stdio: 'pipe' })).not.toThrow();
  return checkPdfA2b(file);
}

function expectPdfA2b(report: PdfaReport): void {
  expect(report.failures).toEqual([]);
  expect(report.claims).toEqual({ part: '2', conformance: 'B' });
}

async function writeAssembled(name: string, mode: ScanMode, raw: Parameters<typeof preparePages>[0], title = 'Bản quét'): Promise<string> {
  const pages = await Promise.all(await preparePages(raw, mode, 10));
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, await assemblePdf([pages[0]!, { ...pages[0]!, rotate: 90 }], CREATED, title));
  return file;
}

describe('scanned pages assembled as PDF/A-2b', () => {
  test.each(['grey', 'colour', 'lineart'] as const)('%s mode: every checked clause holds', async (mode) => {
    const png = pageCanvas().encodeSync('png');
    const report = checked(await writeAssembled(`${mode}.pdf`, mode, { format: 'png', bytes: png, dpi: 150 }));
    expectPdfA2b(report);
    expect(report.notes).toEqual([]); // no transparency, no fonts, nothing to remark on
  });

  test("a device's colour JPEG kept byte for byte (no re-encoding) is DeviceRGB under the sRGB intent", async () => {
    const jpeg = pageCanvas().encodeSync('jpeg', 60);
    expectPdfA2b(checked(await writeAssembled('passthrough.pdf', 'colour', { format: 'jpeg', bytes: jpeg, dpi: 150 })));
  });

  // pdfkit 0.20 wrote the XMP title unescaped (a malformed packet: 6.6.2.1-4) and no xmp:ModifyDate for the
  // Info ModDate (Info and XMP disagreed). Both fixed in pdfa-xmp.ts; these titles would have failed.
  test('a title with XML specials and a control character still gives well-formed XMP equal to Info', async () => {
    const png = pageCanvas(200, 280).encodeSync('png');
    const file = await writeAssembled('title.pdf', 'grey', { format: 'png', bytes: png, dpi: 100 }, 'Đất & nhà <số 5> "A"\u0007');
    expectPdfA2b(checked(file));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Đất & nhà <số 5> "A"$/m);
  });
});

describe('stored documents', () => {
  let core: Core;
  let data: string;
  let drop: string;
  beforeEach(async () => {
    data = path.join(temp.dir, 'data');
    drop = path.join(data, 'import');
    fs.mkdirSync(drop, { recursive: true });
    core = await scanningCore(data, { scannerBackends: () => [] });
  });
  afterEach(() => core.stop());

  function write(name: string, bytes: Uint8Array): string {
    const file = path.join(drop, name);
    fs.writeFileSync(file, bytes);
    return file;
  }

  test.each(['grey', 'colour', 'lineart'] as const)('imported JPEG, PNG (with an alpha channel) and TIFF in %s mode, then turned, reordered and appended to', async (mode) => {
    const alpha = createCanvas(300, 420);
    alpha.getContext('2d').drawImage(pageCanvas(300, 420), 0, 0);
    alpha.getContext('2d').clearRect(0, 0, 60, 60); // transparent corner: must not become a soft mask
    const rgba = new Uint8Array(pageCanvas(300, 420).getContext('2d').getImageData(0, 0, 300, 420).data);
    const paths = [write('a.jpg', pageCanvas().encodeSync('jpeg', 80)), write('b.png', alpha.encodeSync('png')), write('c.tif', Buffer.from(UTIF.encodeImage(rgba, 300, 420)))];
    const dossier = await intakeWithPapers(core);
    const imported = await call<DocumentInfo>(core, 'documents.import', { paths, mode, dossierId: dossier.id, paperIndex: 0 });
    expectPdfA2b(checked(documentFile(data, imported)));

    const appendix = await call<DocumentInfo>(core, 'documents.import', { paths: [write('d.png', pageCanvas(200, 280).encodeSync('png'))], mode: 'colour' });
    const edited = await call<DocumentInfo>(core, 'documents.editPages', {
      sha256: imported.sha256,
      dossierId: dossier.id,
      paperIndex: 0,
      pages: [{ index: 2, rotate: 90 }, { index: 0, rotate: 180 }, { from: appendix.sha256, index: 0, rotate: 270 }],
    });
    expect(edited.pages).toBe(3);
    expectPdfA2b(checked(documentFile(data, edited)));
  });
});
