import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { PrintJob } from '../../../shared/contract/printing.ts';
import { decodeEscPos } from '../../../test/harness/escpos-decoder.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import type { Core } from '../../app/create-core.ts';

// The apology letter (form 04) of an overdue dossier with what the clerk typed: a reason and a new due date.
// The real core on a SQLite file; the PDF read back with pdftotext, the queued job read back off the bytes a
// text-mode device printer received (a plain file standing in for /dev/usb/lp0).

let now = new Date('2026-11-23T02:00:00Z');
let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let device: string;

async function call<T = unknown>(method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.code} ${result.error.message}`), { code: result.error.code });
  return result.value as T;
}
const failure = async (method: string, input: unknown) => {
  const result = await core.dispatch(method, input);
  return result.ok ? 'ok' : result.error.code;
};

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const REASON = 'Chờ kết quả xác minh nơi cư trú từ Công an phường Hàng Bạc';
const NEW_DUE = '2027-01-04T16:30:00+07:00';
const NEW_DUE_TEXT = '16 giờ 30 phút, ngày 04 tháng 01 năm 2027';

beforeEach(async () => {
  now = new Date('2026-11-23T02:00:00Z');
  temp = makeTempDir('mot-cua-apology-');
  core = createTestCore(temp.dir, { clock: { now: () => now } });
  device = path.join(temp.dir, 'lp0');
  fs.writeFileSync(device, '');
  await call('settings.update', { counter: { agencyCode: '000.00.12.H12', slot: 2 } });
  await call('printing.setFormValues', { governingBody: 'UBND phường Hoàn Kiếm', unitName: 'Bộ phận Một cửa phường Hoàn Kiếm', placeName: 'Hoàn Kiếm' });
  await call('printers.save', { id: 'usb', name: 'USB', connection: { kind: 'device', path: device }, paper: '80mm', mode: 'text', isDefault: true });
});
afterEach(() => {
  core.stop();
  temp.remove();
});

/** A dossier received today and then, a month later, overdue (printing.print is refused nothing for that). */
async function overdueDossier(): Promise<{ dossier: Dossier; lateDays: number }> {
  const dossier = await call<Dossier>('dossiers.intake', {
    procedureCode: '1.001193',
    applicant: { kind: 'citizen', fullName: 'Đặng Thị Ngọc Ánh', idNumber: '001190012345' },
    papers: [{ name: 'Giấy chứng sinh', form: 'original', count: 1 }],
  });
  await core.printing.queue.runDue(); // form 01 at intake
  fs.writeFileSync(device, '');
  now = new Date('2026-12-23T02:00:00Z');
  const lateness = await call<{ overdue: boolean; workingDaysLate: number }>('dossiers.lateness', { id: dossier.id });
  expect(lateness.overdue).toBe(true);
  expect(lateness.workingDaysLate).toBeGreaterThan(0);
  return { dossier, lateDays: lateness.workingDaysLate };
}

test('the apology PDF prints the reason, the new due date and how many working days late the dossier is', async () => {
  const { dossier, lateDays } = await overdueDossier();
  const { path: file } = await call<{ path: string }>('printing.render', { dossierId: dossier.id, form: 'apology', format: 'pdf', paper: 'A4', extra: { reason: REASON, newDueAt: NEW_DUE } });
  const text = squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  expect(text).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
  expect(text).toContain(`Lý do: ${REASON}`);
  expect(text).toContain(`trả kết quả vào ${NEW_DUE_TEXT}`);
  expect(text).toContain(`đã quá hạn ${String(lateDays)} ngày làm việc`);
});

test('printing.print queues the letter with what was typed; the printed job and its reprint both carry it', async () => {
  const { dossier, lateDays } = await overdueDossier();
  const job = await call<PrintJob>('printing.print', { dossierId: dossier.id, form: 'apology', extra: { reason: `  ${REASON} `, newDueAt: NEW_DUE } });
  expect(job).toMatchObject({ dossierId: dossier.id, form: 'apology', state: 'queued', printerId: 'usb', reprintOf: null });
  expect(job).not.toHaveProperty('extra');
  await core.printing.queue.runDue();
  const printed = squeeze(decodeEscPos(fs.readFileSync(device)).text.toString('latin1'));
  expect(printed).toContain(fold(`Lý do: ${REASON}`));
  expect(printed).toContain(fold(NEW_DUE_TEXT));
  expect(printed).toContain(fold(`đã quá hạn ${String(lateDays)} ngày làm việc`));
  expect(printed).not.toContain('BAN IN LAI');

  // A week later the reprint is the same letter (same reason, date and days late) with the reprint banner.
  fs.writeFileSync(device, '');
  now = new Date('2026-12-30T02:00:00Z');
  const again = await call<PrintJob>('printing.reprint', { jobId: job.id });
  expect(again).toMatchObject({ form: 'apology', reprintOf: job.id, issuedAt: job.issuedAt });
  await core.printing.queue.runDue();
  const reprinted = squeeze(decodeEscPos(fs.readFileSync(device)).text.toString('latin1'));
  expect(reprinted).toContain('BAN IN LAI');
  expect(reprinted).toContain(fold(`Lý do: ${REASON}`));
  expect(reprinted).toContain(fold(NEW_DUE_TEXT));
  expect(reprinted).toContain(fold(`đã quá hạn ${String(lateDays)} ngày làm việc`));
  const jobs = (await call<{ jobs: PrintJob[] }>('printing.jobs', { dossierId: dossier.id })).jobs;
  expect(jobs.filter((j) => j.form === 'apology').map((j) => j.state)).toEqual(['done', 'done']);
});

test('only the apology letter takes a reason and a new date, and they must be well formed', async () => {
  const { dossier } = await overdueDossier();
  expect(await failure('printing.print', { dossierId: dossier.id, form: 'appointment', extra: { reason: REASON } })).toBe('invalid-input');
  expect(await failure('printing.render', { dossierId: dossier.id, form: 'refusal', format: 'pdf', paper: 'A4', extra: { reason: REASON } })).toBe('invalid-input');
  expect(await failure('printing.print', { dossierId: dossier.id, form: 'apology', extra: { newDueAt: '04/01/2027' } })).toBe('invalid-input');
  expect(await failure('printing.print', { dossierId: dossier.id, form: 'apology', extra: { reason: '   ' } })).toBe('invalid-input');
  expect(await failure('printing.print', { dossierId: dossier.id, form: 'apology', extra: { reason: REASON, receiptId: 'x' } })).toBe('invalid-input');
  expect((await call<{ jobs: PrintJob[] }>('printing.jobs', { dossierId: dossier.id })).jobs.filter((j) => j.form !== 'appointment')).toEqual([]);
});
