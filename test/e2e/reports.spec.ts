import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import type { DeskServe } from '../harness/desk-serve.ts';
import { createCitizenFaker } from '../harness/fake-citizens.ts';
import { call, configureCounter, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { ReportsPage } from './pages/reports-page.ts';

type Dossier = { id: string; code: string; applicant: { fullName: string } };

const citizens = createCitizenFaker('reports-e2e');

test.use({ viewport: { width: 1366, height: 768 } });

async function receive(request: APIRequestContext, desk: DeskServe, phone?: string): Promise<Dossier> {
  const citizen = citizens.next();
  return call<Dossier>(request, desk, 'dossiers.intake', {
    procedureCode: '1.004194',
    applicant: { kind: 'citizen', fullName: citizen.fullName, idNumber: citizen.idNumber, address: citizen.address, ...(phone ? { phone } : {}) },
    papers: [{ name: 'Tờ khai thay đổi thông tin cư trú (CT01)', form: 'original', count: 1 }],
  });
}

test("the day's register by Alt+4: both dossiers listed, CSV and PDF exported by keyboard, receipts close, print refused without an A4 printer", async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  const first = await receive(request, desk, '0912 345 678');
  const second = await receive(request, desk);
  await call(request, desk, 'printing.setFormValues', { governingBody: 'UBND phường Hoàn Kiếm', placeName: 'Hà Nội', registerBook: '03/2026' });

  await page.goto(desk.url);
  const shell = new AppShellPage(page);
  // The shell (and its Alt+digit listener) is up once home is the current screen.
  await shell.navLink('home').and(page.locator('[aria-current="page"]')).waitFor();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shell.openByKeyboard('reports');
  const reports = new ReportsPage(page);
  await reports.ready();
  // Focus lands on the date, already today, written day first whatever the browser's locale; both dossiers
  // are in section I in the order received.
  await expect(reports.date).toBeFocused();
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10).split('-');
  await expect(reports.date).toHaveValue(`${today[2]}/${today[1]}/${today[0]}`);
  await expect(reports.registerRows).toHaveCount(2);
  await expect(reports.registerRows.nth(0)).toContainText(first.code);
  await expect(reports.registerRows.nth(0)).toContainText(first.applicant.fullName);
  await expect(reports.registerRows.nth(0)).toContainText('0912 345 678');
  await expect(reports.registerRows.nth(1)).toContainText(second.code);
  await expect(reports.received.locator('th[scope="col"]')).toHaveCount(11);
  await expect(page.getByTestId('register-empty-finished')).toBeVisible();
  await expectAccessible(page, testInfo, 'reports-register');
  await saveScreenshot(page, testInfo, 'reports-vi-register');

  const csvPath = await reports.byKeyboard('csv');
  expect(csvPath).not.toBeNull();
  const csv = fs.readFileSync(csvPath ?? '', 'utf8');
  expect(path.dirname(csvPath ?? '')).toBe(path.join(desk.dataDir, 'prints'));
  expect(csv.startsWith('\uFEFFSỔ THEO DÕI HỒ SƠ\r\n')).toBe(true);
  expect(csv).toContain(`,${first.code},`);
  expect(csv).toContain(`,${second.code},`);
  await expect(reports.outcome).toContainText('Đã lưu tệp CSV');

  const pdfPath = await reports.byKeyboard('pdf');
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath ?? '', '-'], { encoding: 'utf8' });
  for (const expected of ['SỔ THEO DÕI HỒ SƠ', 'UBND PHƯỜNG HOÀN KIẾM', first.code, second.code, 'Quyển số: 03/2026', '0912']) expect(text).toContain(expected);
  // A long name may wrap inside its cell: every word of it is there.
  for (const word of first.applicant.fullName.split(' ')) expect(text).toContain(word);
  await expect(reports.outcome).toContainText('Đã lưu tệp PDF');
  await saveScreenshot(page, testInfo, 'reports-vi-exported');

  // The counter has no OS print queue: Ctrl+P says so in Vietnamese, with the code; nothing is lost.
  await page.keyboard.press('Control+P');
  await expect(reports.failure).toHaveAttribute('data-code', 'printer-unsuitable');
  await expect(reports.failure).toContainText('Không có máy in khổ A4 phù hợp');
  await expect(reports.failure).toContainText('printer-unsuitable');
  await expect(reports.registerRows).toHaveCount(2);
  await saveScreenshot(page, testInfo, 'reports-vi-print-refused');

  await reports.choose('Bảng kê biên lai');
  await expect(reports.receiptsEmpty).toBeVisible();
  await expect(page.getByTestId('receipts-total')).toHaveAttribute('data-value', '0');
  const receiptsCsv = await reports.byKeyboard('csv');
  expect(fs.readFileSync(receiptsCsv ?? '', 'utf8')).toContain('BẢNG KÊ BIÊN LAI THU PHÍ, LỆ PHÍ');
  await expectAccessible(page, testInfo, 'reports-receipts');
  await saveScreenshot(page, testInfo, 'reports-vi-receipts-empty');

  // Another day, typed: an empty register, not an error.
  await reports.choose('Sổ theo dõi hồ sơ');
  await reports.showDay('2026-01-05');
  await expect(reports.emptyReceived).toContainText('Không có hồ sơ nào được tiếp nhận trong ngày 05/01/2026');
  // ↑ is the next day; a day that does not exist is said plainly and nothing is asked of the core.
  await reports.date.press('ArrowUp');
  await expect(reports.date).toHaveValue('06/01/2026');
  await expect(reports.emptyReceived).toContainText('trong ngày 06/01/2026');
  await reports.date.fill('31/02/2026');
  await expect(page.getByText('Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 05/01/2026.')).toBeVisible();
  await expect(page.getByTestId('report-pdf')).toBeDisabled();
  await reports.showDay('2026-01-05');
  await saveScreenshot(page, testInfo, 'reports-vi-empty-day');

  await shell.switchLanguage('en');
  await reports.showDay(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports');
  await saveScreenshot(page, testInfo, 'reports-en-register');
});
