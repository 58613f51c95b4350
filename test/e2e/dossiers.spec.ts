import Database from 'better-sqlite3';
import type { APIRequestContext } from '@playwright/test';
import type { DeskServe } from '../harness/desk-serve.ts';
import { createCitizenFaker } from '../harness/fake-citizens.ts';
import { startFakeThermalPrinter, type FakeThermalPrinter } from '../harness/fake-thermal-printer.ts';
import { call, configureCounter, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { ClerkKeys } from './pages/clerk-keys.ts';
import { DossiersPage } from './pages/dossiers-page.ts';

type Dossier = { id: string; code: string; status: string; applicant: { fullName: string } };

const citizens = createCitizenFaker('dossiers-e2e');

test.use({ viewport: { width: 1366, height: 768 } });

const printers: FakeThermalPrinter[] = [];
test.afterEach(async () => {
  await Promise.all(printers.splice(0).map((printer) => printer.close()));
});

/** A dossier received through the contract, as the intake screen would do it. */
async function receive(request: APIRequestContext, desk: DeskServe, procedureCode = '1.004194'): Promise<Dossier> {
  const citizen = citizens.next();
  return call<Dossier>(request, desk, 'dossiers.intake', {
    procedureCode,
    applicant: { kind: 'citizen', fullName: citizen.fullName, idNumber: citizen.idNumber, birthDate: citizen.birthDate, address: citizen.address },
    papers: [{ name: 'Tờ khai thay đổi thông tin cư trú (CT01)', form: 'original', count: 1 }],
  });
}

/** Moves a dossier's due date into the past, as if it had been received weeks ago (the host has no fake clock). */
function makeOverdue(databaseFile: string, id: string): void {
  const db = new Database(databaseFile);
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(`UPDATE dossiers SET due_at = ?, due_at_utc = ? WHERE id = ?`).run('2026-01-05T17:00:00+07:00', '2026-01-05T10:00:00.000Z', id);
  } finally {
    db.close();
  }
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

test('search by name without diacritics, request a supplement, then record it', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  const dossier = await receive(request, desk);
  const dossiers = new DossiersPage(page);
  await dossiers.goto(desk.url);
  await expect(dossiers.rows.filter({ hasText: dossier.code })).toBeVisible();

  await dossiers.searchFor(fold(dossier.applicant.fullName));
  await dossiers.open(dossier.code);
  await expect(dossiers.code).toHaveText(`Hồ sơ ${dossier.code}`);
  await expect(dossiers.status).toHaveText('Đã tiếp nhận');
  await expect(dossiers.timeline).toHaveCount(1);
  await expect(dossiers.timeline.first()).toContainText('Tiếp nhận hồ sơ');
  await expectAccessible(page, testInfo, 'dossier-detail');

  await dossiers.perform('requestSupplement', async (form) => {
    await form.getByLabel('Lý do').fill('Thiếu giấy tờ chứng minh chỗ ở hợp pháp');
    await form.getByLabel('Giấy tờ cần bổ sung').fill('Hợp đồng thuê nhà\nBản sao sổ đỏ');
  });
  await expect(dossiers.outcome).toContainText('Trạng thái mới: Yêu cầu bổ sung');
  await expect(dossiers.status).toHaveText('Yêu cầu bổ sung');
  await expect(dossiers.timeline.nth(1)).toContainText('Hợp đồng thuê nhà; Bản sao sổ đỏ');
  await saveScreenshot(page, testInfo, 'dossier-vi-supplement-requested');

  await dossiers.perform('supplement');
  await expect(dossiers.status).toHaveText('Đang xử lý');
  await expect(dossiers.timeline).toHaveCount(3);
  expect((await call<Dossier>(request, desk, 'dossiers.get', { id: dossier.id })).status).toBe('processing');
});

test('the results are a grid: ArrowDown from the search field to the first dossier, arrows between rows, Enter opens; one Tab stop', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  const received = [await receive(request, desk), await receive(request, desk), await receive(request, desk)];
  const dossiers = new DossiersPage(page);
  const keys = new ClerkKeys(page);
  await dossiers.goto(desk.url);
  await expect(dossiers.rows).toHaveCount(3); // today's list, newest first
  const grid = page.getByRole('grid', { name: 'Nhận hôm nay: 3 hồ sơ' });
  await expect(grid).toBeVisible();
  await expect(grid).toHaveAccessibleDescription('↓ đến danh sách · ↑ ↓ ← → chọn hồ sơ · Enter mở');
  await expect(dossiers.search).toHaveAccessibleDescription('↓ đến danh sách · ↑ ↓ ← → chọn hồ sơ · Enter mở');
  const link = (index: number) => dossiers.rows.nth(index).getByRole('link');
  const codes = await dossiers.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-code') ?? ''));
  expect(new Set(codes)).toEqual(new Set(received.map((dossier) => dossier.code)));

  await dossiers.search.focus();
  await keys.press('ArrowDown');
  await expect(link(0)).toBeFocused();
  await keys.press('ArrowDown');
  await keys.press('ArrowDown');
  await keys.press('ArrowDown'); // the last row stays
  await expect(link(2)).toBeFocused();
  await keys.press('ArrowUp');
  await expect(link(1)).toBeFocused();
  // Along the row, cell by cell: the applicant's name; End to the due date, Home back to the code.
  await keys.press('ArrowRight');
  await expect(dossiers.rows.nth(1).getByRole('gridcell').nth(1)).toBeFocused();
  await keys.press('End');
  await expect(dossiers.rows.nth(1).getByRole('gridcell').nth(4)).toBeFocused();
  await saveScreenshot(page, testInfo, 'dossiers-grid-cell');
  await expectAccessible(page, testInfo, 'dossiers-grid');
  await keys.press('Home');
  await expect(link(1)).toBeFocused();
  // One Tab stop: Shift+Tab leaves the grid for the filters, Tab comes back to the same row.
  await page.keyboard.press('Shift+Tab');
  await expect(dossiers.filters.getByRole('button').last()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(link(1)).toBeFocused();
  // ArrowUp on the first row: back to the search field.
  await keys.press('ArrowUp');
  await keys.press('ArrowUp');
  await expect(dossiers.search).toBeFocused();

  // A search with one hit: type, Enter, ArrowDown, Enter — the hit's dossier opens.
  const wanted = received[1]!;
  await keys.type(wanted.code);
  await keys.press('Enter');
  await page.getByText(`“${wanted.code}”`).first().waitFor();
  await expect(dossiers.rows).toHaveCount(1);
  await saveScreenshot(page, testInfo, 'dossiers-search-one-hit');
  const before = keys.count;
  await dossiers.openByKeyboard(keys, wanted.code);
  expect(keys.log.slice(before)).toEqual(['ArrowDown', 'Enter']);
  await expect(dossiers.code).toHaveText(`Hồ sơ ${wanted.code}`);

  // Back in the list (the finder keeps the search): Enter on another cell of the row opens its dossier too.
  await keys.press('Escape');
  await expect(dossiers.rows).toHaveCount(1);
  await dossiers.search.focus();
  await keys.press('ArrowDown');
  await keys.press('ArrowRight');
  await expect(dossiers.rows.first().getByRole('gridcell').nth(1)).toBeFocused();
  await keys.press('Enter');
  await expect(dossiers.code).toHaveText(`Hồ sơ ${wanted.code}`);
});

test('refusal needs a reason, then closes the dossier', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  const dossier = await receive(request, desk);
  const dossiers = new DossiersPage(page);
  await dossiers.goto(desk.url);
  await dossiers.searchFor(dossier.code);
  await dossiers.open(dossier.code);

  await dossiers.actionButton('refuse').press('Enter');
  await dossiers.form('refuse').getByTestId('action-confirm').press('Enter');
  await expect(page.getByTestId('action-reason-error')).toHaveText('Hãy nhập lý do.');
  await expect(dossiers.form('refuse').getByLabel('Lý do')).toBeFocused();
  await page.keyboard.type('Hồ');
  await expect(page.getByTestId('action-reason-error')).toHaveCount(0); // fixed: the message goes as the clerk types
  await page.keyboard.type(' sơ không thuộc thẩm quyền giải quyết của phường');
  await dossiers.form('refuse').getByTestId('action-confirm').press('Enter');
  await expect(dossiers.status).toHaveText('Từ chối tiếp nhận');
  await expect(page.getByText('Hồ sơ đã kết thúc; không còn thao tác nào.')).toBeVisible();
  await expect(dossiers.timeline.nth(1)).toContainText('không thuộc thẩm quyền');
  await saveScreenshot(page, testInfo, 'dossier-vi-refused');
  expect((await call<Dossier>(request, desk, 'dossiers.get', { id: dossier.id })).status).toBe('refused');
});

test('the result comes back and is returned by post', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  const dossier = await receive(request, desk);
  const dossiers = new DossiersPage(page);
  await dossiers.goto(desk.url);
  await dossiers.open(dossier.code);

  await dossiers.perform('markResultReady');
  await expect(dossiers.status).toHaveText('Đã có kết quả');
  await dossiers.actionButton('returnResult').press('Enter');
  const form = dossiers.form('returnResult');
  await form.getByLabel('Gửi qua bưu chính').check();
  await form.getByLabel('Mã bưu gửi').fill('EB123456789VN');
  await saveScreenshot(page, testInfo, 'dossier-vi-return-form');
  await expectAccessible(page, testInfo, 'dossier-return-form');
  await form.getByTestId('action-confirm').press('Enter');
  await expect(dossiers.status).toHaveText('Đã trả kết quả');
  await expect(dossiers.timeline.last()).toContainText('EB123456789VN');
  const returned = await call<Dossier & { returnedAt: string | null }>(request, desk, 'dossiers.get', { id: dossier.id });
  expect(returned.status).toBe('returned');
  expect(returned.returnedAt).not.toBeNull();

  // The certificate had a misspelt name: re-opened (setup mode, no accounts: the core lets anyone, so the
  // button is on), by keyboard. The focus is already on it (the one action a returned dossier offers).
  const keys = new ClerkKeys(page);
  await expect(dossiers.actionButton('reopen')).toBeEnabled();
  await expect(dossiers.actionButton('reopen')).toBeFocused();
  const reopen = await dossiers.openActionByKeyboard(keys, 'reopen');
  await expect(reopen.getByLabel('Lý do')).toBeFocused();
  await keys.type('sai');
  await keys.tabTo(reopen.getByTestId('action-confirm'));
  await keys.press('Enter');
  await expect(reopen.getByTestId('action-reason-error')).toHaveText('Lý do cần ít nhất 5 ký tự.');
  await expect(reopen.getByLabel('Lý do')).toBeFocused();
  await keys.type(' họ tên trên giấy xác nhận cư trú');
  await saveScreenshot(page, testInfo, 'dossier-vi-reopen-form');
  await expectAccessible(page, testInfo, 'dossier-reopen-form');
  await keys.tabTo(reopen.getByTestId('action-confirm'));
  await dossiers.confirmByKeyboard(keys);
  await expect(dossiers.status).toHaveText('Đã có kết quả');
  await expect(dossiers.outcome).toContainText('Mở lại hồ sơ');
  await expect(dossiers.timeline.last()).toContainText('Mở lại hồ sơ đã trả kết quả');
  await expect(dossiers.timeline.last()).toContainText('sai họ tên trên giấy xác nhận cư trú');
  await expect(dossiers.actionButton('returnResult')).toBeFocused();
  await saveScreenshot(page, testInfo, 'dossier-vi-reopened');
  const reopened = await call<Dossier & { returnedAt: string | null }>(request, desk, 'dossiers.get', { id: dossier.id });
  expect(reopened.status).toBe('result-ready');
  expect(reopened.returnedAt).toBeNull();
});

/** dd/mm/yyyy of the Vietnam date `days` from now (the host runs on the real clock). */
function vietnamDatePlus(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return `${String(at.getUTCDate()).padStart(2, '0')}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${String(at.getUTCFullYear())}`;
}

test('an overdue dossier is listed as overdue, shows how late it is, prints its apology letter and reprints its slip', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  // A network receipt printer (the fake one on 127.0.0.1) as the default: intake queues form 01 on it.
  const printer = await startFakeThermalPrinter();
  printers.push(printer);
  await call(request, desk, 'printers.save', { id: 'quay-2', name: 'Máy in quầy 2', connection: { kind: 'tcp', host: printer.host, port: printer.port }, isDefault: true });
  const late = await receive(request, desk);
  await receive(request, desk);
  makeOverdue(desk.databaseFile, late.id);
  const dossiers = new DossiersPage(page);
  await dossiers.goto(desk.url);
  await dossiers.showList('Quá hạn');
  await expect(dossiers.rows).toHaveCount(1);
  await expect(dossiers.rows.first()).toContainText(late.code);
  await expect(dossiers.rows.first()).toContainText('Quá hạn');
  await saveScreenshot(page, testInfo, 'dossiers-vi-overdue-list');

  await dossiers.open(late.code);
  await expect(dossiers.lateness).toContainText(/Quá hạn \d+ ngày làm việc/);
  await expect(page.getByTestId('dossier-due')).toContainText('05/01/2026 17:00');
  await saveScreenshot(page, testInfo, 'dossier-vi-overdue-detail');
  await expectAccessible(page, testInfo, 'dossier-overdue-detail');

  // "In phiếu": form 01 (printed at intake) and, overdue, the apology letter (form 04); nothing else yet.
  await expect(dossiers.prints.getByTestId('print-form')).toHaveCount(2);
  await expect(dossiers.printButton('appointment')).toBeVisible();
  await expect(dossiers.jobsOf('appointment')).toHaveCount(1);
  await expect(dossiers.jobsOf('appointment').first()).toHaveAttribute('data-state', 'done');
  const keys = new ClerkKeys(page);
  await page.getByTestId('dossier-code').focus();

  // The letter needs a reason and a date after today: Enter on an empty form names both fields.
  await keys.press('Alt+I');
  await expect(dossiers.printButton('appointment')).toBeFocused();
  await keys.tabTo(dossiers.printButton('apology'));
  await keys.press('Enter');
  await expect(dossiers.apologyForm.getByLabel('Lý do chậm trễ')).toBeFocused();
  await keys.press('Enter');
  await expect(page.getByTestId('apology-reason-error')).toHaveText('Hãy nhập lý do chậm trễ.');
  await expect(page.getByTestId('apology-date-error')).toHaveText('Hãy nhập ngày theo dạng dd/mm/yyyy.');
  await saveScreenshot(page, testInfo, 'dossier-vi-apology-form-problems');
  await expectAccessible(page, testInfo, 'dossier-apology-form');
  await keys.press('Escape');
  await expect(dossiers.apologyForm).toHaveCount(0);
  await expect(dossiers.printButton('apology')).toBeFocused();
  await expect(dossiers.code).toBeVisible(); // Esc closed the form, it did not leave the dossier

  const newDate = vietnamDatePlus(10);
  await dossiers.printApologyByKeyboard(keys, 'Chờ kết quả xác minh nơi cư trú', newDate);
  await expect(dossiers.printOutcome).toHaveText('Đã gửi lệnh in: Văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04).');
  await expect(dossiers.jobsOf('apology')).toHaveCount(1);
  await expect(dossiers.jobsOf('apology').first()).toHaveAttribute('data-state', 'done');
  await expect(dossiers.jobsOf('apology').first()).toContainText('Đã in');

  // In lại on form 01's job: a new job flagged BẢN IN LẠI, printed too; the original stays.
  await dossiers.reprintByKeyboard(keys, 'appointment');
  await expect(dossiers.printOutcome).toHaveText('Đã gửi lệnh in lại (BẢN IN LẠI): Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01).');
  await expect(dossiers.jobsOf('appointment', true)).toHaveCount(1);
  await expect(dossiers.jobsOf('appointment', true).first().getByTestId('print-job-reprint-flag')).toHaveText('BẢN IN LẠI');
  await expect(dossiers.jobsOf('appointment', true).first()).toHaveAttribute('data-state', 'done');
  await expect(dossiers.jobsOf('appointment', false)).toHaveCount(1);
  await saveScreenshot(page, testInfo, 'dossier-vi-overdue-printed');
  await expectAccessible(page, testInfo, 'dossier-overdue-printed');

  // What the core stored: the letter, and a reprint of form 01 dated as the original.
  const { jobs } = await call<{ jobs: { form: string; state: string; reprintOf: string | null; issuedAt: string }[] }>(request, desk, 'printing.jobs', { dossierId: late.id });
  expect(jobs.map((job) => [job.form, job.state, job.reprintOf !== null])).toEqual([
    ['appointment', 'done', true],
    ['apology', 'done', false],
    ['appointment', 'done', false],
  ]);
  expect(jobs[0]?.issuedAt).toBe(jobs[2]?.issuedAt);
  // On paper: the two dossiers' form 01 at intake, the letter, the reprint.
  expect(printer.jobs.filter((job) => job.length > 0)).toHaveLength(4);

  // Esc goes back to the list, which is still the overdue one; Alt+1 goes home.
  await page.keyboard.press('Escape');
  await expect(dossiers.rows.first()).toContainText(late.code);
  await new AppShellPage(page).openByKeyboard('home');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
