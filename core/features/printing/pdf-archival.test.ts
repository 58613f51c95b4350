import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { FeeQuote, PaymentRecordOutputSchema } from '../../../shared/contract/receipts.ts';
import type { PrintedReceipt } from '../../../shared/domain/forms/build.ts';
import { FORM_KINDS, type FormKind } from '../../../shared/domain/forms/model.ts';
import { checkPdfA2b } from '../../../test/harness/pdfa-check.ts';
import { sampleDocument, sampleDossier, sampleReceipt } from '../../../test/harness/form-fixtures.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { pdfProducer } from '../../pdf/pdfa-document.ts';
import { callOn, setUpLocalSigning } from '../receipts/testing/local-signing.ts';
import { renderDocumentPdf } from './document-pdf.ts';
import type { Paper } from './document-raster.ts';
import type { z } from 'zod';

const temp = makeTempDir();
afterAll(() => temp.remove());

const ISSUED = '2026-11-23T09:02:00+07:00';
const PRODUCER = pdfProducer('0.0.0-test');
const CODE = sampleDossier().code;

const run = (tool: string, args: readonly string[]): string => execFileSync(tool, args, { encoding: 'utf8' });
const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The Info entries as poppler reads them (decoded from PDFDocEncoding / UTF-16). */
function info(file: string): Record<string, string> {
  return Object.fromEntries(
    run('pdfinfo', [file])
      .split('\n')
      .map((line) => /^([A-Za-z]+):\s+(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

/**
 * Every printed PDF is a record: PDF/A-2b as our check reads ISO 19005-2 (no failure, not even a note: no
 * transparency, no images), qpdf-clean, Vietnamese (/Lang), its Info naming it, its text extractable.
 */
function expectArchival(file: string, expected: Readonly<{ title: string; author: string; text: readonly string[] }>): void {
  const report = checkPdfA2b(file);
  expect(report.claims).toEqual({ part: '2', conformance: 'B' });
  expect(report.failures).toEqual([]);
  expect(report.notes).toEqual([]);
  expect(() => execFileSync('qpdf', ['--check', file], { stdio: 'pipe' })).not.toThrow();
  // The catalog is written uncompressed (pdfkit has no object streams).
  expect(fs.readFileSync(file).toString('latin1')).toMatch(/\/Lang \(vi-VN\)/);
  // QR codes are vector rectangles and there is no logo: nothing that could carry an SMask.
  expect(run('pdfimages', ['-list', file]).split('\n').slice(2).filter((l) => l.trim() !== '')).toEqual([]);
  const fields = info(file);
  expect(fields).toMatchObject({ Title: expected.title, Author: expected.author, Creator: PRODUCER, Producer: PRODUCER });
  const text = squeeze(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
  for (const words of expected.text) expect(text, words).toContain(words);
}

const formDocument = (kind: FormKind, options: Readonly<{ receipt?: PrintedReceipt; reprintedAt?: string }> = {}) => sampleDocument(kind, { issuedAt: ISSUED, ...options });

async function writePdf(name: string, document: ReturnType<typeof formDocument>, paper: Paper): Promise<string> {
  const file = path.join(temp.dir, `${name}-${paper}.pdf`);
  fs.writeFileSync(file, await renderDocumentPdf(document, paper, ISSUED, PRODUCER));
  return file;
}

describe('printed forms are PDF/A-2b', () => {
  test.each(FORM_KINDS.flatMap((kind) => (['A4', 'A5', '80mm', '58mm'] as const).map((paper) => [kind, paper] as const)))('%s on %s', async (kind, paper) => {
    const document = formDocument(kind);
    const file = await writePdf(kind, document, paper);
    expectArchival(file, { title: `${document.title} — ${CODE}`, author: 'UBND phường Hoàn Kiếm', text: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', CODE] });
  });

  test('form 01 keeps its Vietnamese text, and its Info title is the form and the dossier', async () => {
    const file = await writePdf('appointment-text', formDocument('appointment'), 'A5');
    expectArchival(file, {
      title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả — ${CODE}`,
      author: 'UBND phường Hoàn Kiếm',
      text: ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'NGƯỜI NỘP HỒ SƠ', 'Ông/Bà: Đặng Thị Ngọc Ánh', 'Giấy chứng sinh (Bản chính: 01)'],
    });
  });

  test.each<[string, PrintedReceipt, string]>([
    ['issued', sampleReceipt(), 'BIÊN LAI'],
    ['provisional', sampleReceipt({ status: 'provisional', symbol: null, number: null }), 'PHIẾU THU TẠM — chưa phải biên lai chính thức'],
    ['cancelled', sampleReceipt({ status: 'cancelled', cancelReason: 'Ghi sai tên người nộp' }), 'Ghi sai tên người nộp'],
    ['replaced', sampleReceipt({ status: 'replaced', cancelReason: 'Thay bằng biên lai số 0000124' }), 'Thay bằng biên lai số 0000124'],
  ])('the fee receipt, %s, on a roll and on A5', async (state, receipt, words) => {
    for (const paper of ['80mm', 'A5'] as const) {
      const document = formDocument('receipt', { receipt });
      const file = await writePdf(`receipt-${state}`, document, paper);
      expectArchival(file, { title: `${document.title} — ${CODE}`, author: 'UBND phường Hoàn Kiếm', text: [words, 'Người nộp: Đặng Thị Ngọc Ánh', 'Bằng chữ: Hai mươi hai nghìn đồng'] });
    }
  });

  test('a reprint (BẢN IN LẠI) of form 01 and of the receipt', async () => {
    for (const kind of ['appointment', 'receipt'] as const) {
      const document = formDocument(kind, { reprintedAt: '2026-11-24T14:30:00+07:00' });
      const file = await writePdf(`${kind}-reprint`, document, '80mm');
      expectArchival(file, { title: `${document.title} — ${CODE}`, author: 'UBND phường Hoàn Kiếm', text: ['BẢN IN LẠI'] });
    }
  });
});

describe('PDFs written by the core are PDF/A-2b: printing.render and reports.export', () => {
  test('form 01, the paid receipt, the register and the receipts close, with the app version as producer', async () => {
    const dir = path.join(temp.dir, 'core');
    fs.mkdirSync(dir);
    let now = new Date('2026-11-23T02:00:00Z');
    const core = createTestCore(dir, { clock: { now: () => now } });
    try {
      const call = <T,>(method: string, input: unknown) => callOn<T>(core, method, input);
      await setUpLocalSigning(core, dir);
      await call('printing.setFormValues', { governingBody: 'UBND phường Hoàn Kiếm', unitName: 'Bộ phận Tiếp nhận và Trả kết quả', placeName: 'Hà Nội', registerBook: '03/2026' });
      const dossier = await call<Dossier>('dossiers.intake', { procedureCode: '2.000884', applicant: { kind: 'citizen', fullName: 'Nguyễn Thị Lan', idNumber: '001190012345' }, papers: [{ name: 'Tờ khai', form: 'original', count: 1 }] });
      const { total } = await call<FeeQuote>('fees.quote', { dossierId: dossier.id });
      const paid = await call<z.output<typeof PaymentRecordOutputSchema>>('payments.record', { dossierId: dossier.id, clientTxId: randomUUID(), method: 'cash', amount: total });
      now = new Date('2026-11-23T09:45:00Z');

      const slip = await call<{ path: string }>('printing.render', { dossierId: dossier.id, form: 'appointment', format: 'pdf', paper: 'A5' });
      expectArchival(slip.path, { title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả — ${dossier.code}`, author: 'UBND phường Hoàn Kiếm', text: ['GIẤY TIẾP NHẬN HỒ SƠ', 'Nguyễn Thị Lan'] });
      const receipt = await call<{ path: string }>('printing.render', { dossierId: dossier.id, form: 'receipt', format: 'pdf', paper: '80mm', receiptId: paid.receipt.id });
      expectArchival(receipt.path, { title: info(receipt.path)['Title'] ?? '', author: 'UBND phường Hoàn Kiếm', text: ['Nguyễn Thị Lan'] });
      expect(info(receipt.path)['Title']).toMatch(new RegExp(` — ${dossier.code.replace(/\./g, '\\.')}$`));

      const register = await call<{ path: string }>('reports.export', { report: 'register', format: 'pdf' });
      expectArchival(register.path, { title: 'SỔ THEO DÕI HỒ SƠ (Trích sổ ngày 23/11/2026)', author: 'UBND phường Hoàn Kiếm', text: ['SỔ THEO DÕI HỒ SƠ', 'Nguyễn Thị Lan', 'NGƯỜI TRÍCH SỔ'] });
      const close = await call<{ path: string }>('reports.export', { report: 'receipts', format: 'pdf' });
      expectArchival(close.path, { title: 'BẢNG KÊ BIÊN LAI THU PHÍ, LỆ PHÍ (Ngày 23/11/2026)', author: 'UBND phường Hoàn Kiếm', text: ['BẢNG KÊ BIÊN LAI THU PHÍ, LỆ PHÍ', 'NGƯỜI LẬP BẢNG KÊ'] });
    } finally {
      core.stop();
    }
  });
});
