import Database from 'better-sqlite3';
import type { APIRequestContext } from '@playwright/test';
import type { DeskServe } from '../harness/desk-serve.ts';
import { createCitizenFaker } from '../harness/fake-citizens.ts';
import { call, configureCounter, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { DossiersPage } from './pages/dossiers-page.ts';

type Dossier = { id: string; code: string; status: string; applicant: { fullName: string } };

const citizens = createCitizenFaker('dossiers-e2e');

test.use({ viewport: { width: 1366, height: 768 } });

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
  await page.keyboard.type('Hồ sơ không thuộc thẩm quyền giải quyết của phường');
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
});

test('an overdue dossier is listed as overdue and shows how late it is', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
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

  // Esc goes back to the list, which is still the overdue one; Alt+1 goes home.
  await page.keyboard.press('Escape');
  await expect(dossiers.rows.first()).toContainText(late.code);
  await new AppShellPage(page).openByKeyboard('home');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
