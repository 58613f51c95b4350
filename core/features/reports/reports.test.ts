import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { FeeQuote } from '../../../shared/contract/receipts.ts';
import type { RegisterReport } from '../../../shared/contract/reports.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import type { Core } from '../../app/create-core.ts';
import { callOn, failureCode, setUpLocalSigning } from '../receipts/testing/local-signing.ts';

// Monday 23 November 2026 in Vietnam; Friday 20 November is the day before the weekend.
let now = new Date('2026-11-23T02:00:00Z');
let temp: ReturnType<typeof makeTempDir>;
let core: Core;
const at = (vietnamTime: string) => {
  now = new Date(`${vietnamTime}+07:00`);
};
const call = <T,>(method: string, input: unknown) => callOn<T>(core, method, input);
const failure = (method: string, input: unknown) => failureCode(core, method, input);
const EVIDENCE = process.env.REPORTS_EVIDENCE_DIR;

const papers = [{ name: 'Tờ khai', form: 'original', count: 1 }];
const intake = (procedureCode: string, applicant: Record<string, unknown>) => call<Dossier>('dossiers.intake', { procedureCode, applicant: { kind: 'citizen', ...applicant }, papers });

beforeEach(async () => {
  at('2026-11-20T08:30:00');
  temp = makeTempDir();
  core = createTestCore(temp.dir, { clock: { now: () => now } });
  await setUpLocalSigning(core, temp.dir);
  await call('printing.setFormValues', { governingBody: 'UBND phường Hoàn Kiếm', unitName: 'Bộ phận Tiếp nhận và Trả kết quả', placeName: 'Hà Nội', registerBook: '03/2026' });
});
afterEach(() => {
  core.stop();
  temp.remove();
});

/** Friday: C received. Monday: A and D received, D refused, C's result returned, A pays. */
async function seedDay(): Promise<{ a: Dossier; c: Dossier; d: Dossier; total: number }> {
  const c = await intake('2.000884', { fullName: 'Trần Văn Cường', address: '5 Lò Sũ, Hoàn Kiếm' });
  await call('dossiers.markResultReady', { id: c.id });
  at('2026-11-23T09:00:00');
  const a = await intake('2.000884', { fullName: 'Nguyễn Thị Lan', idNumber: '001190012345', address: '12 Hàng Bạc, Hoàn Kiếm', phone: '0912 345 678' });
  at('2026-11-23T09:30:00');
  const d = await intake('2.000884', { fullName: 'Phạm Thị Dung', phone: '+84 987 654 321' });
  at('2026-11-23T10:00:00');
  await call('dossiers.refuse', { id: d.id, reason: 'Không thuộc thẩm quyền' });
  at('2026-11-23T10:30:00');
  await call('dossiers.returnResult', { id: c.id, to: 'applicant' });
  at('2026-11-23T11:00:00');
  const { total } = await call<FeeQuote>('fees.quote', { dossierId: a.id });
  await call('payments.record', { dossierId: a.id, clientTxId: randomUUID(), method: 'cash', amount: total });
  at('2026-11-23T16:45:00');
  return { a, c, d, total };
}

describe('reports.register', () => {
  test("the day's received dossiers and, apart, those returned or refused, with the register's columns", async () => {
    const { a, c, d } = await seedDay();
    const report = await call<RegisterReport>('reports.register', {});
    expect(report).toMatchObject({ date: '2026-11-23', formNumber: 'Mẫu số 07', formSet: 'tt03-2025', registerBook: '03/2026' });
    expect(report.received.map((row) => [row.code, row.registerNumber, row.applicantName, row.address, row.phone, row.sets, row.status, row.finishedAt])).toEqual([
      [a.code, a.code.slice(-4), 'Nguyễn Thị Lan', '12 Hàng Bạc, Hoàn Kiếm', '0912 345 678', 1, 'received', null],
      [d.code, d.code.slice(-4), 'Phạm Thị Dung', null, '+84 987 654 321', 1, 'refused', '2026-11-23T10:00:00+07:00'],
    ]);
    expect(report.received[0]).toMatchObject({ receivedAt: '2026-11-23T09:00:00+07:00', dueAt: a.dueAt, agencyCode: '000.00.12.H12', procedureCode: '2.000884', procedureName: a.procedure.name });
    expect(report.finished.map((row) => [row.code, row.status, row.finishedAt])).toEqual([
      [d.code, 'refused', '2026-11-23T10:00:00+07:00'],
      [c.code, 'returned', '2026-11-23T10:30:00+07:00'],
    ]);
    const friday = await call<RegisterReport>('reports.register', { date: '2026-11-20' });
    expect(friday.received.map((row) => row.code)).toEqual([c.code]);
    expect(friday.finished).toEqual([]);
    // Before 1/7/2025 the register is form 06 of TT 01/2018; an empty day is an empty register, not an error.
    expect(await call<RegisterReport>('reports.register', { date: '2025-06-30' })).toMatchObject({ formNumber: 'Mẫu số 06', formSet: 'tt01-2018', received: [], finished: [] });
  });

  test('a date that does not exist, or a wrong format, is refused with invalid-input', async () => {
    expect(await failure('reports.register', { date: '2026-02-30' })).toBe('invalid-input');
    expect(await failure('reports.register', { date: '23/11/2026' })).toBe('invalid-input');
    expect(await failure('reports.export', { report: 'register', format: 'xlsx' })).toBe('invalid-input');
    expect(await failure('reports.export', { report: 'sổ', format: 'csv' })).toBe('invalid-input');
  });
});

describe('reports.export', () => {
  test('register CSV: BOM, CRLF, exact cells, quoting and the formula guard; written under DATA/prints', async () => {
    const { a, c, d } = await seedDay();
    const out = await call<{ path: string; bytes: number }>('reports.export', { report: 'register', format: 'csv' });
    expect(out.path).toBe(path.join(temp.dir, 'prints', 'so-theo-doi-ho-so-2026-11-23-20261123164500.csv'));
    const bytes = fs.readFileSync(out.path);
    expect(bytes.length).toBe(out.bytes);
    const name = `${a.procedure.name} (2.000884)`.includes(',') ? `"${a.procedure.name} (2.000884)"` : `${a.procedure.name} (2.000884)`;
    const due = (dossier: Dossier) => `${dossier.dueAt.slice(8, 10)}/${dossier.dueAt.slice(5, 7)}/${dossier.dueAt.slice(0, 4)} ${dossier.dueAt.slice(11, 16)}`;
    const header = 'Số thứ tự,Mã hồ sơ,Tên thủ tục hành chính,Số lượng hồ sơ (bộ),"Tên cá nhân, tổ chức","Địa chỉ, số điện thoại",Cơ quan chủ trì giải quyết,"Ngày, tháng, năm nhận hồ sơ","Ngày, tháng, năm hẹn trả kết quả","Ngày, tháng, năm trả kết quả",Trạng thái';
    const expected = [
      '\uFEFFSỔ THEO DÕI HỒ SƠ',
      '(Trích sổ ngày 23/11/2026)',
      'Mẫu số 07 ban hành kèm theo Thông tư số 03/2025/TT-VPCP',
      'Quyển số: 03/2026',
      '',
      'I. HỒ SƠ TIẾP NHẬN TRONG NGÀY (2)',
      header,
      `${a.code.slice(-4)},${a.code},${name},1,Nguyễn Thị Lan,"12 Hàng Bạc, Hoàn Kiếm; 0912 345 678",000.00.12.H12,23/11/2026 09:00,${due(a)},,Đã tiếp nhận`,
      `${d.code.slice(-4)},${d.code},${name},1,Phạm Thị Dung,'+84 987 654 321,000.00.12.H12,23/11/2026 09:30,${due(d)},23/11/2026 10:00,Từ chối tiếp nhận`,
      '',
      '"II. HỒ SƠ TRẢ KẾT QUẢ, TỪ CHỐI TIẾP NHẬN TRONG NGÀY (2)"',
      header,
      `${d.code.slice(-4)},${d.code},${name},1,Phạm Thị Dung,'+84 987 654 321,000.00.12.H12,23/11/2026 09:30,${due(d)},23/11/2026 10:00,Từ chối tiếp nhận`,
      `${c.code.slice(-4)},${c.code},${name},1,Trần Văn Cường,"5 Lò Sũ, Hoàn Kiếm",000.00.12.H12,20/11/2026 08:30,${due(c)},23/11/2026 10:30,Đã trả kết quả`,
      '',
    ].join('\r\n');
    expect(bytes.toString('utf8')).toBe(expected);
  });

  test('receipts CSV: per series, per method, cancelled apart', async () => {
    const { total } = await seedDay();
    const out = await call<{ path: string }>('reports.export', { report: 'receipts', date: '2026-11-23', format: 'csv' });
    expect(path.basename(out.path)).toBe('bang-ke-bien-lai-2026-11-23-20261123164500.csv');
    const lines = fs.readFileSync(out.path, 'utf8').split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['\uFEFF"BẢNG KÊ BIÊN LAI THU PHÍ, LỆ PHÍ"', '(Ngày 23/11/2026)']);
    expect(lines).toContain(`1,K26TQ2,1,1,1,${total}`);
    expect(lines).toContain(`Tiền mặt,1,${total}`);
    expect(lines.filter((line) => line === `Tổng cộng,,,,1,${total}` || line === `Tổng cộng,1,${total}`)).toHaveLength(2);
    expect(lines).toContain('"3. BIÊN LAI ĐÃ HỦY, BỊ THAY THẾ (0)"');
  });

  test('register PDF: A4 landscape, exact Vietnamese text, fonts embedded, qpdf-clean; the page rendered to PNG', async () => {
    const { a, d } = await seedDay();
    const out = await call<{ path: string; bytes: number }>('reports.export', { report: 'register', format: 'pdf' });
    expect(path.basename(out.path)).toBe('so-theo-doi-ho-so-2026-11-23-20261123164500.pdf');
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', out.path, '-'], { encoding: 'utf8' });
    for (const expected of ['UBND PHƯỜNG HOÀN KIẾM', 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'SỔ THEO DÕI HỒ SƠ', '(Trích sổ ngày 23/11/2026)', 'Mẫu số 07 ban hành kèm theo Thông tư số 03/2025/TT-VPCP', 'Quyển số: 03/2026', 'I. HỒ SƠ TIẾP NHẬN TRONG NGÀY (2)', 'II. HỒ SƠ TRẢ KẾT QUẢ, TỪ CHỐI TIẾP NHẬN TRONG NGÀY (2)', a.code, d.code, 'Nguyễn Thị Lan', 'Phạm Thị Dung', 'Trần Văn Cường', 'Từ chối tiếp nhận', 'Đã trả kết quả', 'Hà Nội, ngày 23 tháng 11 năm 2026', 'NGƯỜI TRÍCH SỔ', 'Trang 1/']) {
      expect(text).toContain(expected);
    }
    const info = execFileSync('pdfinfo', [out.path], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.2\d* pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [out.path], { encoding: 'utf8' });
    expect(fonts).toMatch(/BeVietnamPro-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(spawnSync('qpdf', ['--check', out.path]).status).toBe(0);
    const png = path.join(EVIDENCE ?? temp.dir, 'register-page');
    fs.mkdirSync(path.dirname(png), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', out.path, png]);
    expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(10_000);
  });

  test('receipts PDF and a long register that runs over pages repeat the header row and number the pages', async () => {
    at('2026-11-23T08:00:00');
    for (let index = 0; index < 40; index += 1) await intake('2.000884', { fullName: `Người nộp số ${index + 1}`, address: 'Số 1 phố Tràng Tiền, phường Hoàn Kiếm, Hà Nội' });
    const out = await call<{ path: string }>('reports.export', { report: 'register', format: 'pdf' });
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', out.path, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out.path], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Trang ${pages}/${pages}`);
    expect(text.split('Mã hồ sơ').length - 1).toBeGreaterThanOrEqual(pages);
    expect(text).toContain('Người nộp số 40');
    expect(spawnSync('qpdf', ['--check', out.path]).status).toBe(0);

    const receipts = await call<{ path: string }>('reports.export', { report: 'receipts', format: 'pdf' });
    const receiptsText = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', receipts.path, '-'], { encoding: 'utf8' });
    for (const expected of ['BẢNG KÊ BIÊN LAI THU PHÍ, LỆ PHÍ', '(Ngày 23/11/2026)', 'Không có biên lai nào trong ngày.', 'NGƯỜI LẬP BẢNG KÊ']) expect(receiptsText).toContain(expected);
    if (EVIDENCE) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', receipts.path, path.join(EVIDENCE, 'receipts-empty-page')]);
  });
});

describe('reports.print', () => {
  test('sends the PDF to an OS print queue through lp; a receipt printer or none is refused with printer-unsuitable', async () => {
    await seedDay();
    expect(await failure('reports.print', { report: 'register' })).toBe('printer-unsuitable');
    await call('printers.save', { id: 'quay-1', name: 'Máy in hóa đơn', connection: { kind: 'tcp', host: '127.0.0.1', port: 9 } });
    expect(await failure('reports.print', { report: 'register', printerId: 'quay-1' })).toBe('printer-unsuitable');
    expect(await failure('reports.print', { report: 'register', printerId: 'khong-co' })).toBe('not-found');

    // A stand-in `lp` first on PATH: it keeps the spooled file as CUPS would receive it.
    const bin = path.join(temp.dir, 'bin');
    fs.mkdirSync(bin);
    const captured = path.join(temp.dir, 'captured.pdf');
    fs.writeFileSync(path.join(bin, 'lp'), `#!/bin/sh\n[ "$1" = "-d" ] && [ "$2" = "van-phong" ] && cp "$4" "${captured}"\n`, { mode: 0o755 });
    await call('printers.save', { id: 'a4', name: 'Máy in văn phòng', connection: { kind: 'os', queue: 'van-phong' }, paper: 'A4' });
    const savedPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ''}`;
    try {
      const printed = await call<{ printerId: string; bytes: number }>('reports.print', { report: 'receipts' });
      expect(printed).toMatchObject({ printerId: 'a4' });
      expect(fs.statSync(captured).size).toBe(printed.bytes);
      expect(execFileSync('pdftotext', ['-enc', 'UTF-8', captured, '-'], { encoding: 'utf8' })).toContain('BẢNG KÊ BIÊN LAI THU PHÍ, LỆ PHÍ');
    } finally {
      process.env.PATH = savedPath;
    }
    // The spool copy is gone once lp took it.
    expect(fs.readdirSync(path.join(temp.dir, 'prints', 'spool'))).toEqual([]);
  });
});
