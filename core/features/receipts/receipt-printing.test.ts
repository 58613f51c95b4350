import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { PrintJob } from '../../../shared/contract/printing.ts';
import type { Payment, Receipt } from '../../../shared/contract/receipts.ts';
import { parseSlipQrData } from '../../../shared/domain/forms/qr-data.ts';
import { parseVietQr } from '../../../shared/domain/payments/vietqr.ts';
import { decodeEscPos, decodedToPng } from '../../../test/harness/escpos-decoder.ts';
import { startFakeThermalPrinter, type FakeThermalPrinter } from '../../../test/harness/fake-thermal-printer.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import type { Core } from '../../app/create-core.ts';
import { hashPassword } from '../auth/password.ts';
import { replaceClerks, type PulledClerk } from '../auth/repo.ts';
import { callOn, failureCode, setUpLocalSigning } from './testing/local-signing.ts';

// receipts.print and printing.render with a receiptId: the real core on a SQLite file, receipts signed with a
// real PKCS#12 key, the job sent over TCP to the capture server and read back (ESC/POS → raster → zbarimg),
// the PDF read back with pdftotext.

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let printer: FakeThermalPrinter;

const call = <T,>(method: string, input: unknown) => callOn<T>(core, method, input);
const failure = (method: string, input: unknown) => failureCode(core, method, input);

const intake = () =>
  call<Dossier>('dossiers.intake', {
    procedureCode: '2.000815', // chứng thực bản sao: 2 000 đ a page for pages 1–2, 1 000 đ from page 3
    applicant: { kind: 'citizen', fullName: 'Đặng Thị Ngọc Ánh', idNumber: '001190012345', address: '12 Hàng Bạc, Hoàn Kiếm' },
    papers: [{ name: 'Bản chính cần chứng thực', form: 'original', count: 1 }],
  });
/** 5 pages × 2 copies = 14 000 đ, plus 10 photocopies at 500 đ: 19 000 đ, "Mười chín nghìn đồng". */
const pay = (dossier: Dossier, method: 'cash' | 'transfer' = 'cash') =>
  call<{ payment: Payment; receipt: Receipt }>('payments.record', {
    dossierId: dossier.id,
    clientTxId: randomUUID(),
    method,
    amount: 19_000,
    quantities: [{ feeId: 'phi-chung-thuc-ban-sao', quantity: 5, copies: 2 }],
    services: [{ serviceId: 'photocopy', quantity: 10 }],
  });

const zbar = (png: Buffer): string[] => {
  const file = path.join(temp.dir, `zbar-${randomUUID()}.png`);
  fs.writeFileSync(file, png);
  return execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
};
/** Tesseract (Vietnamese) on the printed raster, diacritics dropped: OCR of marks like "BẢN IN LẠI" varies in its accents. */
const ocr = (printed: Buffer): string => {
  const file = path.join(temp.dir, `ocr-${randomUUID()}.png`);
  fs.writeFileSync(file, decodedToPng(decodeEscPos(printed)));
  const text = execFileSync('tesseract', [file, '-', '-l', 'vie'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').toUpperCase();
};
const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();
const pdfText = async (input: Record<string, unknown>): Promise<string> => {
  const { path: file } = await call<{ path: string }>('printing.render', { format: 'pdf', paper: 'A5', form: 'receipt', ...input });
  return squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
};
let lastPrinted: Buffer = Buffer.alloc(0);
/** Prints what is queued and returns the QR codes read off the raster the printer received. */
async function printedCodes(): Promise<string[]> {
  await core.printing.queue.runDue();
  lastPrinted = await printer.nextJob();
  const decoded = decodeEscPos(lastPrinted);
  expect(decoded.text.length).toBe(0); // all raster: the Vietnamese is drawn, not sent as text
  return zbar(decodedToPng(decoded));
}

beforeEach(async () => {
  temp = makeTempDir('mot-cua-receipt-print-');
  printer = await startFakeThermalPrinter();
  core = createTestCore(temp.dir, { clock: { now: () => new Date('2026-11-23T02:00:00Z') } });
  await setUpLocalSigning(core, temp.dir);
  await call('fees.setSettings', { services: [{ id: 'photocopy', name: 'Photo tài liệu', amount: 500, unit: 'trang' }] });
  // A bank account is set: the paid receipt must still carry no VietQR.
  await call('printing.setFormValues', { governingBody: 'UBND phường Hoàn Kiếm', placeName: 'Hoàn Kiếm', bank: { bin: '970415', account: '113000012345', accountName: 'UBND PHUONG HOAN KIEM' } });
  // Not the default printer, so intake queues no appointment slip: the printer receives only receipts.
  await call('printers.save', { id: 'quay-1', name: 'Máy in quầy 1', connection: { kind: 'tcp', host: printer.host, port: printer.port }, isDefault: false });
});
afterEach(async () => {
  core.stop();
  await printer.close();
  temp.remove();
});

describe('receipts.print', () => {
  test('a paid receipt over TCP: its QR reads to the look-up data; its PDF says symbol, number and amount in words exactly', async () => {
    const dossier = await intake();
    const { receipt } = await pay(dossier);
    expect(receipt).toMatchObject({ status: 'issued', template: '1', symbol: 'K26TQ2', number: 1, amount: 19_000 });

    const job = await call<PrintJob>('receipts.print', { receiptId: receipt.id, copies: 2, printerId: 'quay-1' });
    expect(job).toMatchObject({ dossierId: dossier.id, form: 'receipt', printerId: 'quay-1', copies: 2, state: 'queued', issuedAt: receipt.issuedAt });
    expect(printer.jobs).toHaveLength(0); // queued, printed by the worker

    const codes = await printedCodes();
    const data = `bl:1|mau:1|kh:K26TQ2|so:1|ngay:20261123|tien:19000|mtc:${receipt.lookupCode}|ma:${dossier.code}`;
    expect(codes.filter((code) => code === data)).toHaveLength(2); // Liên 1 and Liên 2
    expect(codes.some((code) => parseVietQr(code).ok)).toBe(false);
    expect((await call<{ jobs: PrintJob[] }>('printing.jobs', {})).jobs).toMatchObject([{ id: job.id, state: 'done', errorCode: null }]);

    const text = await pdfText({ dossierId: dossier.id, receiptId: receipt.id });
    for (const line of [
      'BIÊN LAI THU PHÍ, LỆ PHÍ',
      'Hoàn Kiếm, ngày 23 tháng 11 năm 2026',
      'Mẫu số: 1',
      'Ký hiệu: K26TQ2',
      'Số: 1',
      'Người nộp: Đặng Thị Ngọc Ánh',
      'Tổng số tiền: 19.000 đồng',
      'Bằng chữ: Mười chín nghìn đồng',
      'Hình thức thanh toán: Tiền mặt',
      `Mã tra cứu biên lai: ${receipt.lookupCode}`,
    ]) {
      expect(text, line).toContain(line);
    }
    expect(text).not.toMatch(/PHIẾU THU TẠM|ĐÃ HỦY/);
  });

  test('a provisional receipt (server provider, no server reachable) is marked PHIẾU THU TẠM and has no number', async () => {
    await call('receipts.setSettings', { provider: 'server' });
    const dossier = await intake();
    const { receipt } = await pay(dossier, 'transfer');
    expect(receipt).toMatchObject({ status: 'provisional', number: null, symbol: null });

    await call('receipts.print', { receiptId: receipt.id, printerId: 'quay-1' });
    const codes = await printedCodes();
    const data = codes.map(parseSlipQrData).find((fields) => fields['bl'] === '1');
    expect(data).toEqual({ bl: '1', mau: '', kh: '', so: '', ngay: '20261123', tien: '19000', mtc: receipt.lookupCode, ma: dossier.code });

    const text = await pdfText({ dossierId: dossier.id, receiptId: receipt.id });
    expect(text).toContain('PHIẾU THU TẠM — chưa phải biên lai chính thức');
    expect(text).toContain('Bằng chữ: Mười chín nghìn đồng');
    expect(text).toContain('Hình thức thanh toán: Chuyển khoản');
    expect(text).not.toMatch(/Ký hiệu:|Số: |BIÊN LAI THU PHÍ/);
  });

  test('a receipt cancelled after it was queued prints as cancelled, with the reason and its number', async () => {
    const dossier = await intake();
    const { receipt } = await pay(dossier);
    await call('receipts.print', { receiptId: receipt.id, printerId: 'quay-1' });
    await call('receipts.cancel', { id: receipt.id, reason: 'Thu nhầm hồ sơ' });
    // The job reads the receipt when it prints: the cancellation is on the paper.
    const codes = await printedCodes();
    expect(codes).toContain(`bl:1|mau:1|kh:K26TQ2|so:1|ngay:20261123|tien:19000|mtc:${receipt.lookupCode}|ma:${dossier.code}`);
    const { path: rendered } = await call<{ path: string }>('printing.render', { dossierId: dossier.id, form: 'receipt', format: 'escpos', paper: '80mm', receiptId: receipt.id });
    expect(lastPrinted.equals(fs.readFileSync(rendered))).toBe(true); // the paper is the cancelled receipt's document
    const text = await pdfText({ dossierId: dossier.id, receiptId: receipt.id });
    expect(text).toContain('BIÊN LAI ĐÃ HỦY — không còn giá trị');
    expect(text).toContain('Lý do hủy: Thu nhầm hồ sơ');
    expect(text).toContain('Ký hiệu: K26TQ2');
  });

  test('printed a second time, a receipt says BẢN IN LẠI with the time, and only the first print opens the cash drawer', async () => {
    await call('printers.save', { id: 'quay-1', name: 'Máy in quầy 1', connection: { kind: 'tcp', host: printer.host, port: printer.port }, isDefault: false, cashDrawer: 'pin2' });
    const kick = Buffer.from([0x1b, 0x70, 0, 25, 250]);
    const dossier = await intake();
    const { receipt } = await pay(dossier);

    const first = await call<PrintJob>('receipts.print', { receiptId: receipt.id, printerId: 'quay-1' });
    expect(first.reprintOf).toBeNull();
    await printedCodes();
    expect(lastPrinted.subarray(-5)).toEqual(kick); // the money goes in as the receipt comes out
    expect(ocr(lastPrinted)).not.toContain('BAN IN LAI');

    const second = await call<PrintJob>('receipts.print', { receiptId: receipt.id, printerId: 'quay-1' });
    expect(second).toMatchObject({ reprintOf: first.id, issuedAt: receipt.issuedAt });
    await printedCodes();
    expect(lastPrinted.includes(kick)).toBe(false);
    expect(ocr(lastPrinted)).toMatch(/BAN IN LAI\s*[-—–]*\s*09:00/);

    // printing.reprint of the receipt's job: the same, no drawer either.
    await call('printing.reprint', { jobId: first.id });
    await printedCodes();
    expect(lastPrinted.includes(kick)).toBe(false);
    expect(ocr(lastPrinted)).toContain('BAN IN LAI');
  });

  test('a cancelled receipt printed (even for the first time) keeps the cash drawer shut', async () => {
    await call('printers.save', { id: 'quay-1', name: 'Máy in quầy 1', connection: { kind: 'tcp', host: printer.host, port: printer.port }, isDefault: false, cashDrawer: 'pin2' });
    const dossier = await intake();
    const { receipt } = await pay(dossier);
    await call('receipts.cancel', { id: receipt.id, reason: 'Thu nhầm hồ sơ' });
    const job = await call<PrintJob>('receipts.print', { receiptId: receipt.id, printerId: 'quay-1' });
    expect(job.reprintOf).toBeNull();
    await printedCodes();
    expect(lastPrinted.includes(Buffer.from([0x1b, 0x70]))).toBe(false);
  });

  test('an unknown receipt queues nothing; a receipt renders only as its own dossier\'s receipt form', async () => {
    const dossier = await intake();
    const other = await intake();
    const { receipt } = await pay(dossier);
    expect(await failure('receipts.print', { receiptId: randomUUID(), printerId: 'quay-1' })).toBe('not-found');
    expect(await failure('receipts.print', { receiptId: receipt.id })).toBe('printer-not-configured'); // no default printer
    expect((await call<{ jobs: PrintJob[] }>('printing.jobs', {})).jobs.filter((job) => job.form === 'receipt')).toHaveLength(0);
    expect(await failure('printing.render', { dossierId: other.id, form: 'receipt', format: 'pdf', paper: 'A5', receiptId: receipt.id })).toBe('invalid-input');
    expect(await failure('printing.render', { dossierId: dossier.id, form: 'appointment', format: 'pdf', paper: 'A5', receiptId: receipt.id })).toBe('invalid-input');
    const { path: file } = await call<{ path: string }>('printing.render', { dossierId: dossier.id, form: 'receipt', format: 'escpos', paper: '58mm', receiptId: receipt.id });
    expect(path.basename(file)).toBe(`${dossier.code}-receipt-${receipt.lookupCode}-58mm-20261123090000.bin`);
  });
});

describe('the collector (NGƯỜI THU TIỀN)', () => {
  const minh = (displayName: string, username = 'minh'): PulledClerk => ({
    id: '0190c0de-0000-7000-8000-000000000002',
    username,
    displayName,
    passwordHash: minhHash,
    roles: ['clerk'],
    disabled: false,
    updatedAt: '2026-11-20T01:00:00.000Z',
  });
  const seed = (clerks: readonly PulledClerk[]) => {
    const db = core.storage.db();
    db.transaction(() => replaceClerks(db, clerks))();
  };
  let minhHash = '';
  beforeAll(async () => {
    minhHash = await hashPassword('mật khẩu của Minh', 1024); // N = 1024 keeps it fast; same format as the server's
  });

  test('the signed-in clerk\'s name is printed under NGƯỜI THU TIỀN (thermal and PDF) and listed with the payment', async () => {
    seed([minh('Trần Văn Minh')]);
    await call('auth.signIn', { username: 'minh', password: 'mật khẩu của Minh' });
    const dossier = await intake();
    const { payment, receipt } = await pay(dossier);
    expect(payment).toMatchObject({ recordedBy: 'clerk:minh', collectorName: 'Trần Văn Minh' });
    expect((await call<{ payments: Payment[] }>('payments.list', { dossierId: dossier.id })).payments).toMatchObject([{ collectorName: 'Trần Văn Minh' }]);

    // The PDF: the name is the text under the collector's signature space (the payer's is beside it).
    const text = await pdfText({ dossierId: dossier.id, receiptId: receipt.id });
    expect(text).toMatch(/NGƯỜI NỘP TIỀN NGƯỜI THU TIỀN .*Đặng Thị Ngọc Ánh Trần Văn Minh/);
    // The thermal paper: the raster the printer received, read back by OCR (accents dropped, see ocr()).
    await call('receipts.print', { receiptId: receipt.id, printerId: 'quay-1' });
    await printedCodes();
    expect(ocr(lastPrinted)).toMatch(/TRAN VAN MINH/);
  });

  test('the name recorded with the payment stays on a reprint after the account is renamed; without a name, the account id', async () => {
    seed([minh('Trần Văn Minh')]);
    await call('auth.signIn', { username: 'minh', password: 'mật khẩu của Minh' });
    const dossier = await intake();
    const { receipt } = await pay(dossier);
    seed([minh('Trần Minh')]);
    expect(await pdfText({ dossierId: dossier.id, receiptId: receipt.id })).toContain('Trần Văn Minh');

    // A clerk account the server sent without a display name: the account id, never a blank line.
    seed([minh('')]);
    const second = await intake();
    const paid = await pay(second);
    expect(paid.payment.collectorName).toBe('clerk:minh');
    expect(await pdfText({ dossierId: second.id, receiptId: paid.receipt.id })).toMatch(/NGƯỜI THU TIỀN .*clerk:minh/);
  });

  test('in setup mode (no clerk accounts) nobody is named: the line stays a dotted blank to sign by hand', async () => {
    const dossier = await intake();
    const { payment, receipt } = await pay(dossier);
    expect(payment).toMatchObject({ recordedBy: 'counter:default', collectorName: null });
    expect(await pdfText({ dossierId: dossier.id, receiptId: receipt.id })).toMatch(/NGƯỜI THU TIỀN \(Ký và ghi rõ họ tên\)[^…]*……………/);
  });
});
