import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentText } from '../../../shared/domain/forms/build.ts';
import { FORM_KINDS, type FilledDocument, type FormKind } from '../../../shared/domain/forms/model.ts';
import { parseSlipQrData } from '../../../shared/domain/forms/qr-data.ts';
import { parseVietQr } from '../../../shared/domain/payments/vietqr.ts';
import { decodeEscPos, decodedToPng } from '../../../test/harness/escpos-decoder.ts';
import { sampleDocument } from '../../../test/harness/form-fixtures.ts';
import { compareWithGolden } from '../../../test/harness/golden.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { renderDocumentPdf } from './document-pdf.ts';
import type { Paper } from './document-raster.ts';
import { escPosForPrinter, renderBytes } from './output.ts';
import { PrinterProfileSchema } from '../../../shared/contract/printing.ts';
import { pdfProducer } from '../../pdf/pdfa-document.ts';

const ISSUED = '2026-11-23T09:02:00+07:00';
const PRODUCER = pdfProducer('0.0.0-test');
const PAPERS: readonly Paper[] = ['80mm', '58mm', 'A5', 'A4'];

/** Each form filled from the samples; the slip printed as its second copy (the goldens show "Bản 2"). */
const documentOf = (kind: FormKind): FilledDocument => sampleDocument(kind, { issuedAt: ISSUED, copy: kind === 'appointment' ? 2 : null });

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir('mot-cua-forms-');
});
afterAll(() => temp.remove());

const zbar = (png: string): string[] => execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter((l) => l !== '');
const pdfText = (file: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('golden previews: every form at every paper size', () => {
  test.each(FORM_KINDS.flatMap((kind) => PAPERS.map((paper) => [kind, paper] as const)))('%s on %s', async (kind, paper) => {
    const png = await renderBytes(documentOf(kind), 'png', paper, ISSUED, PRODUCER);
    const result = await compareWithGolden(png, `printing/${kind}-${paper}.png`);
    expect(result.status, result.reason ?? `${result.differingPixels} pixels differ`).not.toBe('different');
  });
});

describe('form 01 on a receipt printer', () => {
  test.each(['80mm', '58mm'] as const)('the ESC/POS raster decodes to a slip whose three QR codes scan (%s)', async (paper) => {
    const bytes = await renderBytes(documentOf('appointment'), 'escpos', paper, ISSUED, PRODUCER);
    const decoded = decodeEscPos(bytes);
    expect(decoded.text.length).toBe(0);
    expect(decoded.commands.filter((c) => c.kind === 'cut')).toHaveLength(1);
    const file = path.join(temp.dir, `slip-${paper}.png`);
    fs.writeFileSync(file, decodedToPng(decoded));
    const codes = zbar(file);
    expect(codes).toHaveLength(3);
    const tt = codes.map(parseSlipQrData).find((fields) => fields['v'] === '1');
    expect(tt).toMatchObject({ ma: '000.00.12.H12-261123-6100', tthc: '1.001193', dd: '001190012345', mau: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', tg: '20261123090200' });
    expect(codes).toContain('https://motcua.example.vn/tra-cuu?ma=000.00.12.H12-261123-6100&pin=482915');
    const vietqr = codes.map(parseVietQr).find((r) => r.ok);
    expect(vietqr).toMatchObject({ ok: true, qr: { amount: 8000, purpose: '000.00.12.H12-261123-6100', account: '113000012345' } });
  });
});

describe('the fee receipt on a receipt printer', () => {
  test.each(['80mm', '58mm'] as const)('its look-up QR scans from the ESC/POS raster, and it carries no VietQR (%s)', async (paper) => {
    const decoded = decodeEscPos(await renderBytes(documentOf('receipt'), 'escpos', paper, ISSUED, PRODUCER));
    const file = path.join(temp.dir, `receipt-${paper}.png`);
    fs.writeFileSync(file, decodedToPng(decoded));
    const codes = zbar(file);
    expect(codes).toContain('https://motcua.example.vn/tra-cuu/bien-lai?ma=K7M2QX9PA4');
    expect(codes.some((code) => parseVietQr(code).ok)).toBe(false);
  });
});

describe('PDFs', () => {
  test.each(['A5', 'A4', '80mm'] as const)('%s: exact Vietnamese text, embedded subset fonts, valid structure', async (paper) => {
    const doc = documentOf('appointment');
    const file = path.join(temp.dir, `slip-${paper}.pdf`);
    fs.writeFileSync(file, await renderDocumentPdf(doc, paper, ISSUED, PRODUCER));
    const text = squeeze(pdfText(file));
    for (const line of documentText(doc).filter((l) => l !== '--------')) expect(text, line).toContain(squeeze(line.replace(/^- /, '– ')));
    expect(text).toContain('Ông/Bà: Đặng Thị Ngọc Ánh');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 23 tháng 11 năm 2026');

    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const row of fonts) {
      expect(row).toMatch(/BeVietnamPro/);
      expect(row).toMatch(/\byes\s+yes\s+yes\b/); // emb, sub, uni
    }
    expect(() => execFileSync('qpdf', ['--check', file], { stdio: 'pipe' })).not.toThrow();
    if (paper === 'A5') {
      // Evidence for the issue: the first A5 page as poppler draws it (tests only; never at runtime).
      execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', file, path.join(temp.dir, 'a5-page')]);
      const result = await compareWithGolden(fs.readFileSync(path.join(temp.dir, 'a5-page.png')), 'printing/evidence/appointment-A5-pdf-page1.png', 0.01);
      expect(result.status, result.reason).not.toBe('different');
    }
  });

  test('every form renders as an A4 PDF whose text is exact', async () => {
    for (const kind of FORM_KINDS) {
      const doc = documentOf(kind);
      const file = path.join(temp.dir, `${kind}-A4.pdf`);
      fs.writeFileSync(file, await renderDocumentPdf(doc, 'A4', ISSUED, PRODUCER));
      const text = squeeze(pdfText(file));
      for (const line of documentText(doc).filter((l) => l !== '--------')) expect(text, `${kind}: ${line}`).toContain(squeeze(line.replace(/^- /, '– ')));
    }
  });

  test('the same document and issue time give the same bytes', async () => {
    const doc = documentOf('refusal');
    expect((await renderDocumentPdf(doc, 'A5', ISSUED, PRODUCER)).equals(await renderDocumentPdf(doc, 'A5', ISSUED, PRODUCER))).toBe(true);
  });
});

describe('cash drawer', () => {
  const profile = (cashDrawer: 'none' | 'pin2' | 'pin5') =>
    PrinterProfileSchema.parse({ id: 'quay-1', name: 'Máy in quầy 1', connection: { kind: 'tcp', host: '127.0.0.1' }, cashDrawer });
  const KICK_PIN2 = Buffer.from([0x1b, 0x70, 0, 25, 250]);

  test('a fee receipt on a printer with a drawer ends with one ESC p pulse on the configured pin', async () => {
    const bytes = await escPosForPrinter(profile('pin2'), [documentOf('receipt'), documentOf('receipt')]);
    expect(bytes.subarray(-5)).toEqual(KICK_PIN2);
    expect(bytes.indexOf(KICK_PIN2)).toBe(bytes.length - 5);
    expect((await escPosForPrinter(profile('pin5'), [documentOf('receipt')])).subarray(-5)).toEqual(Buffer.from([0x1b, 0x70, 1, 25, 250]));
  });

  test('a print job that takes no money (reprint, cancelled receipt) keeps the drawer shut', async () => {
    expect((await escPosForPrinter(profile('pin2'), [documentOf('receipt')], { drawer: false })).includes(Buffer.from([0x1b, 0x70]))).toBe(false);
  });

  test('other forms, and printers without a drawer, never pulse it', async () => {
    expect((await escPosForPrinter(profile('pin2'), [documentOf('appointment')])).includes(Buffer.from([0x1b, 0x70]))).toBe(false);
    expect((await escPosForPrinter(profile('none'), [documentOf('receipt')])).includes(Buffer.from([0x1b, 0x70]))).toBe(false);
    expect(PrinterProfileSchema.parse({ id: 'cu', name: 'Hồ sơ máy in cũ', connection: { kind: 'tcp', host: '127.0.0.1' } }).cashDrawer).toBe('none');
  });
});
