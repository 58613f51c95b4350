import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { findAgencyByCode } from '../../server/features/agencies/repo.ts';
import { hashPassword } from '../../server/features/clerks/password.ts';
import { upsertClerk } from '../../server/features/clerks/repo.ts';
import { TEST_AGENCY_CODE } from '../harness/central-fixture.ts';
import { createCitizenFaker, toIdQrText } from '../harness/fake-citizens.ts';
import { startFakeThermalPrinter, type FakeThermalPrinter } from '../harness/fake-thermal-printer.ts';
import { receiveTamTruToFees, setUpFees, TAM_TRU } from './fee-setup.ts';
import { call, configureCounter, enrolDesk, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { DossierFeesPage } from './pages/dossier-fees-page.ts';
import { DossiersPage } from './pages/dossiers-page.ts';
import { PaymentPage } from './pages/payment-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Fees outside the intake moment (docs/RECEIPTS.md "At the counter" and "On the dossier screen"): a fee left for
// later is shown as due in the lists and on the dossier, and taken there with the intake's own fee step; receipts
// are reprinted, cancelled (a supervisor's, with the reason), reissued and replaced from the dossier screen.
const citizens = createCitizenFaker('receipts-e2e');

type Receipt = { id: string; status: string; number: number | null; paymentId: string; cancelReason: string | null; replaces: string | null; replacedBy: string | null; payerName: string };
type Job = { form: string; state: string; reprintOf: string | null };
type FeeStatus = { dossierId: string; state: string; total: number | null };

test.use({ viewport: { width: 1366, height: 900 } });

let printer: FakeThermalPrinter;
test.beforeEach(async () => {
  printer = await startFakeThermalPrinter();
});
test.afterEach(async () => {
  await printer.close();
});

const receiveTamTru = (page: Page, url: string) => receiveTamTruToFees(page, url, toIdQrText(citizens.next()));

async function dossierIdOf(request: Parameters<typeof call>[0], desk: Parameters<typeof call>[1], code: string): Promise<string> {
  const found = await call<{ dossiers: { id: string }[] }>(request, desk, 'dossiers.search', { query: code });
  const id = found.dossiers[0]?.id;
  expect(id, code).toBeTruthy();
  return id ?? '';
}

test('Enter on "next" while the fee is due asks the clerk; Esc leaves it for later and the lists say "Chưa thu phí"', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  const { intake, payment, code } = await receiveTamTru(page, desk.url);

  // The clerk walks to "Tiếp nhận hồ sơ mới" and presses Enter with the fee step still open: nothing moves on.
  await intake.next.focus();
  await intake.keys.press('Enter');
  const asked = page.getByTestId('intake-fee-due');
  await expect(asked).toHaveText('Hồ sơ này còn phí, lệ phí chưa thu. Thu ngay (Ctrl+Enter), hoặc bấm Esc để thu sau — hồ sơ sẽ hiện "Chưa thu phí" trong danh sách.');
  await expect(intake.result).toBeVisible();
  await expect(payment.step).toHaveAttribute('data-state', 'ready');
  await expect(payment.received).toBeFocused();
  await expect(intake.resultCode).toHaveText(code);
  await saveScreenshot(page, testInfo, 'receipts-vi-enter-with-fee-due');
  await expectAccessible(page, testInfo, 'receipts-enter-with-fee-due');

  // Esc: "thu sau", said on the result; then Enter on "next" starts the next intake.
  await payment.later();
  await expect(page.getByTestId('receipt-later')).toHaveText('Chưa thu phí, lệ phí của hồ sơ này (thu sau).');
  await expect(asked).toHaveCount(0);
  await expect(intake.next).toBeFocused();
  await intake.keys.press('Enter');
  await expect(intake.procedureInput).toBeFocused();

  const dossierId = await dossierIdOf(request, desk, code);
  expect((await call<{ dossiers: FeeStatus[] }>(request, desk, 'fees.status', { dossierIds: [dossierId] })).dossiers).toEqual([{ dossierId, state: 'due', total: 25_000, provisional: false }]);
  const dossiers = new DossiersPage(page);
  await new AppShellPage(page).openByKeyboard('dossiers', intake.keys);
  await expect(dossiers.rows.filter({ hasText: code }).getByTestId('dossier-row-fee')).toHaveText('Chưa thu phí');
  await saveScreenshot(page, testInfo, 'receipts-vi-list-due');
  await expectAccessible(page, testInfo, 'receipts-list-due');
});

test('pay later from the dossier screen by keyboard: Alt+3, the dossier, Alt+P, the intake fee step; then reprint', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  const received = await receiveTamTru(page, desk.url);
  await received.payment.later();
  await expect(page.getByTestId('receipt-later')).toBeVisible();
  const { code } = received;
  const dossierId = await dossierIdOf(request, desk, code);

  // From here the clerk's presses are counted: the fee taken later, from the dossier screen.
  const dossiers = new DossiersPage(page);
  const fees = new DossierFeesPage(page);
  const payment = new PaymentPage(page, fees.keys);
  await new AppShellPage(page).openByKeyboard('dossiers', fees.keys);
  await expect(dossiers.search).toBeFocused();
  await fees.keys.type(code);
  await fees.keys.press('Enter');
  await dossiers.resultsFor(code);
  const row = dossiers.rows.filter({ hasText: code });
  await expect(row.getByTestId('dossier-row-fee')).toHaveText('Chưa thu phí');
  // The only hit: ArrowDown from the search field, Enter (no Tab walk past the button and the filters).
  await dossiers.openByKeyboard(fees.keys, code);
  await expect(dossiers.code).toHaveText(`Hồ sơ ${code}`);
  await fees.ready();
  await expect(fees.state).toHaveText('Chưa thu phí');
  await expect(fees.dueTotal).toHaveText('Theo biểu phí: 25.000 đ (bỏ các khoản không áp dụng khi thu).');
  await expect(fees.collect).toContainText('Alt+P');
  await saveScreenshot(page, testInfo, 'receipts-vi-detail-due');
  await expectAccessible(page, testInfo, 'receipts-detail-due');

  // Esc in the fee step is "thu sau" there too: the clerk stays on the dossier, back on "Thu phí".
  await fees.openFeeStep();
  await payment.ready();
  await payment.later();
  await expect(payment.step).toHaveCount(0);
  await expect(dossiers.code).toBeVisible();
  await expect(fees.collect).toBeFocused();

  // Alt+P again: the same fee step as at the intake — leave "theo danh sách" out, 20 000 đ in cash, Ctrl+Enter.
  await fees.openFeeStep();
  await payment.ready();
  await expect(payment.received).toBeFocused();
  await payment.toggleLine(1);
  await expect(payment.total).toHaveText('15.000 đ');
  await payment.chooseCash();
  await expect(payment.received).toBeFocused();
  await fees.keys.type('20000');
  await expect(payment.change).toContainText('5.000 đ');
  await saveScreenshot(page, testInfo, 'receipts-vi-detail-fee-step');
  await expectAccessible(page, testInfo, 'receipts-detail-fee-step');
  await payment.pay();
  await expect(payment.receipt).toHaveAttribute('data-status', 'issued');
  await expect(payment.receiptChange).toHaveText('5.000 đ');
  await expect(fees.outcome).toHaveText('Đã thu phí và cấp biên lai số 1 (K26TQ2).');
  await expect(fees.state).toHaveText('Đã thu phí');
  await expect(fees.payments).toHaveCount(1);
  await expect(fees.receipt(1)).toContainText('Biên lai số 1 — ký hiệu K26TQ2, mẫu số 1');
  await expect(fees.receipt(1)).toContainText('15.000 đ · Tiền mặt');
  const report = `Clerk actions to take a fee later from the dossier screen: ${fees.keys.count} — ${fees.keys.log.join(', ')}`;
  // Alt+3, Enter, ArrowDown, Enter, then the fee step (Alt+P, Esc to try "thu sau", Alt+P, Alt+K, Tab, Space,
  // Alt+T, Ctrl+Enter): finding the dossier takes 4 of them, no Tab.
  expect(fees.keys.log.slice(0, 4)).toEqual(['Alt+3', 'Enter', 'ArrowDown', 'Enter']);
  console.log(report);
  testInfo.annotations.push({ type: 'clerk-actions', description: report });
  await saveScreenshot(page, testInfo, 'receipts-vi-detail-paid');
  await expectAccessible(page, testInfo, 'receipts-detail-paid');

  // Reprint: the second print of the receipt is a reprint (BẢN IN LẠI on paper, reprintOf in the queue).
  await fees.startAction(fees.receipt(1), 'reprint');
  await expect(fees.outcome).toHaveText('Đã gửi lệnh in lại biên lai số 1 (K26TQ2) (BẢN IN LẠI).');
  await expect(fees.action(fees.receipt(1), 'reprint')).toBeFocused();
  await expect
    .poll(async () => (await call<{ jobs: Job[] }>(request, desk, 'printing.jobs', { dossierId })).jobs.filter((job) => job.form === 'receipt').map((job) => `${job.state}:${job.reprintOf === null ? 'first' : 'reprint'}`).sort())
    .toEqual(['done:first', 'done:reprint']);
  await expect.poll(() => printer.jobs.length).toBe(3); // the slip, the receipt, its reprint
  // A plain reprint of a valid receipt: the cash drawer does not open again; nothing else changed.
  const { receipts } = await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId });
  expect(receipts.map((receipt) => `${receipt.number}:${receipt.status}`)).toEqual(['1:issued']);

  // The list no longer says the fee is due.
  await fees.keys.press('Escape');
  await dossiers.searchFor(code);
  await expect(dossiers.rows.filter({ hasText: code })).toBeVisible();
  await expect(dossiers.rows.filter({ hasText: code }).getByTestId('dossier-row-fee')).toHaveCount(0);
});

test('a plain clerk sees cancel and replace switched off and the core refuses; a supervisor cancels with a reason, reissues and replaces', async ({ central, desk, page, request }, testInfo) => {
  // The counter is set up (fees, series, printer) while still in setup mode, and a dossier is received and paid.
  await enrolDesk(request, desk, central);
  await setUpFees(request, desk, testInfo, printer);
  const dossier = await call<{ id: string; code: string }>(request, desk, 'dossiers.intake', {
    procedureCode: TAM_TRU,
    applicant: { kind: 'citizen', fullName: 'Lê Thị Hoa', idNumber: '001190067890', address: '5 Hàng Gai, Hoàn Kiếm' },
    papers: [{ name: 'Tờ khai CT01', form: 'original', count: 1 }],
  });
  await call(request, desk, 'payments.record', { dossierId: dossier.id, clientTxId: randomUUID(), method: 'cash', amount: 15_000, omitted: ['le-phi-danh-sach-truc-tiep'] });

  // Then the agency's accounts arrive: Lan is a clerk, Minh a supervisor.
  const agency = await findAgencyByCode(central.server.sql, TEST_AGENCY_CODE);
  await upsertClerk(central.server.sql, { agencyId: agency!.id, username: 'lan', displayName: 'Nguyễn Thị Lan', passwordHash: await hashPassword('Lan@2026'), roles: ['clerk'] });
  await upsertClerk(central.server.sql, { agencyId: agency!.id, username: 'minh', displayName: 'Trần Văn Minh', passwordHash: await hashPassword('Minh@2026'), roles: ['clerk', 'supervisor'] });
  await call(request, desk, 'sync.now', {});

  const signIn = new SignInPage(page);
  const dossiers = new DossiersPage(page);
  const fees = new DossierFeesPage(page);
  await page.goto(desk.url);
  await signIn.signIn('lan', 'Lan@2026');
  await expect(signIn.sessionClerk).toHaveText('Cán bộ: Nguyễn Thị Lan');
  await dossiers.goto(desk.url);
  await dossiers.searchFor(dossier.code);
  await dossiers.open(dossier.code);
  await fees.ready();
  const first = fees.receipt(1);
  await expect(fees.action(first, 'reprint')).toBeEnabled();
  await expect(fees.action(first, 'cancel')).toBeDisabled();
  await expect(fees.action(first, 'replace')).toBeDisabled();
  await expect(first.getByTestId('receipt-item-why')).toHaveText('Chỉ cán bộ phụ trách được hủy hoặc thay thế biên lai.');
  await expect(fees.action(first, 'cancel')).toHaveAccessibleDescription('Chỉ cán bộ phụ trách được hủy hoặc thay thế biên lai.');
  // Paid in setup mode: nobody signed in, the panel says so rather than showing an account id.
  await expect(fees.paymentCollector()).toHaveText('Quầy (chế độ thiết lập, chưa có tài khoản cán bộ)');
  await saveScreenshot(page, testInfo, 'receipts-vi-clerk');
  await expectAccessible(page, testInfo, 'receipts-clerk');
  // The screen only shows it: the core refuses the clerk whatever the client.
  const { receipts: before } = await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId: dossier.id });
  const refused = await request.post(`${desk.url}/rpc/receipts.cancel`, { data: { id: before[0]?.id, reason: 'Thử hủy khi không có quyền' } });
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'forbidden-role' } });

  // The supervisor signs in and cancels, by keyboard: Tab to "Hủy biên lai", Enter, the reason, Enter.
  await signIn.signOut();
  await signIn.signIn('minh', 'Minh@2026');
  await expect(signIn.sessionClerk).toHaveText('Cán bộ: Trần Văn Minh (phụ trách)');
  await dossiers.goto(desk.url);
  await dossiers.searchFor(dossier.code);
  await dossiers.open(dossier.code);
  await fees.ready();
  await expect(first.getByTestId('receipt-item-why')).toHaveCount(0);
  await fees.startAction(first, 'cancel');
  await expect(page.locator('#receipt-reason')).toBeFocused();
  await fees.keys.type('ab');
  await fees.keys.press('Enter');
  await expect(page.getByTestId('receipt-reason-error')).toHaveText('Nhập lý do (ít nhất 3 ký tự).');
  await fees.keys.type('c — ghi sai số tiền');
  await saveScreenshot(page, testInfo, 'receipts-vi-cancel-form');
  await expectAccessible(page, testInfo, 'receipts-cancel-form');
  await fees.keys.press('Enter');
  await expect(fees.outcome).toHaveText('Đã hủy biên lai số 1 (K26TQ2).');
  await expect(first).toHaveAttribute('data-status', 'cancelled');
  await expect(first.getByTestId('receipt-item-cancelled')).toContainText('Lý do: abc — ghi sai số tiền');
  await expect(fees.state).toHaveText('Đã thu tiền, chưa có biên lai hợp lệ');
  await expect(fees.collect).toHaveCount(0); // the money was taken: a new receipt is owed, never a second payment

  // A new receipt for the same payment, then a replacement of it with the payer's right name.
  await fees.tabTo(fees.reissue);
  await fees.keys.press('Enter');
  await expect(fees.outcome).toHaveText('Đã cấp biên lai số 2 (K26TQ2); biên lai đã gửi tới máy in.');
  await expect(fees.state).toHaveText('Đã thu phí');
  await fees.startAction(fees.receipt(2), 'replace');
  await fees.keys.type('Sai tên người nộp');
  await fees.keys.press('Tab');
  await fees.keys.type('Lê Thị Hòa');
  await fees.keys.press('Enter');
  await expect(fees.outcome).toHaveText('Đã thay thế biên lai số 2 (K26TQ2) bằng biên lai số 3 (K26TQ2); biên lai mới đã gửi tới máy in.');
  await expect(fees.receipt(2)).toHaveAttribute('data-status', 'replaced');
  await expect(fees.receipt(2).getByTestId('receipt-item-replaced')).toHaveText('Đã được thay bằng biên lai số 3 (K26TQ2). Lý do: Sai tên người nộp');
  await expect(fees.receipt(3)).toContainText('Thay thế cho biên lai số 2 (K26TQ2)');
  await saveScreenshot(page, testInfo, 'receipts-vi-supervisor');
  await expectAccessible(page, testInfo, 'receipts-supervisor');

  const { receipts } = await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId: dossier.id });
  expect(receipts.map((receipt) => `${receipt.number}:${receipt.status}`)).toEqual(['3:issued', '2:replaced', '1:cancelled']);
  expect(receipts[0]).toMatchObject({ payerName: 'Lê Thị Hòa', replaces: receipts[1]?.id });
  expect(receipts[2]?.cancelReason).toBe('abc — ghi sai số tiền');
  expect(new Set(receipts.map((receipt) => receipt.paymentId)).size).toBe(1);
  // A fee the supervisor takes is listed with his name, never his account id (clerk:minh); after the
  // receipts above, so their numbers stay as they were.
  const paidByMinh = await call<{ id: string; code: string }>(request, desk, 'dossiers.intake', {
    procedureCode: TAM_TRU,
    applicant: { kind: 'citizen', fullName: 'Phạm Quốc Bảo', idNumber: '001190067891', address: '7 Hàng Gai, Hoàn Kiếm' },
    papers: [{ name: 'Tờ khai CT01', form: 'original', count: 1 }],
  });
  await call(request, desk, 'payments.record', { dossierId: paidByMinh.id, clientTxId: randomUUID(), method: 'cash', amount: 15_000, omitted: ['le-phi-danh-sach-truc-tiep'] });
  await dossiers.goto(desk.url);
  await dossiers.searchFor(paidByMinh.code);
  await dossiers.open(paidByMinh.code);
  await fees.ready();
  await expect(fees.paymentCollector()).toHaveText('Trần Văn Minh');
  await saveScreenshot(page, testInfo, 'receipts-vi-collector-name');
});

test('a phiếu thu tạm on the dossier screen: marked, cancellable but not replaceable; when the official number arrives the screen says when', async ({ central, desk, page, request }, testInfo) => {
  // Setup mode (no accounts), the central server issues receipts; the line to it is down when the fee is paid.
  await enrolDesk(request, desk, central);
  await setUpFees(request, desk, testInfo, printer);
  await call(request, desk, 'receipts.setSettings', { provider: 'server' });
  await central.proxy.down();
  const dossier = await call<{ id: string; code: string }>(request, desk, 'dossiers.intake', {
    procedureCode: TAM_TRU,
    applicant: { kind: 'citizen', fullName: 'Phạm Văn Đức', idNumber: '001190011223', address: '9 Hàng Bồ, Hoàn Kiếm' },
    papers: [{ name: 'Tờ khai CT01', form: 'original', count: 1 }],
  });
  const paid = await call<{ receipt: Receipt }>(request, desk, 'payments.record', { dossierId: dossier.id, clientTxId: randomUUID(), method: 'cash', amount: 15_000, omitted: ['le-phi-danh-sach-truc-tiep'] });
  expect(paid.receipt.status).toBe('provisional');

  const dossiers = new DossiersPage(page);
  const fees = new DossierFeesPage(page);
  await dossiers.goto(desk.url);
  await dossiers.searchFor(dossier.code);
  await dossiers.open(dossier.code);
  await fees.ready();
  await expect(fees.state).toHaveText('Đã thu phí — mới có phiếu thu tạm');
  const provisional = fees.receipt(null);
  await expect(provisional).toHaveAttribute('data-status', 'provisional');
  await expect(provisional.getByTestId('receipt-item-provisional')).toHaveText('PHIẾU THU TẠM — chưa phải biên lai chính thức');
  await expect(fees.action(provisional, 'cancel')).toBeEnabled();
  await expect(fees.action(provisional, 'replace')).toBeDisabled();
  await expect(fees.action(provisional, 'replace')).toHaveAccessibleDescription('Phiếu thu tạm chưa có số nên chưa thay thế được; có thể hủy.');
  await saveScreenshot(page, testInfo, 'receipts-vi-provisional');
  await expectAccessible(page, testInfo, 'receipts-provisional');

  // The line comes back; the counter's retry has the server number the receipt (nobody presses anything).
  await central.proxy.up();
  await expect
    .poll(async () => (await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId: dossier.id })).receipts.map((receipt) => receipt.status), { message: 'the official receipt arrived', timeout: 60_000 })
    .toEqual(['issued']);
  const { receipts } = await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId: dossier.id });
  const number = receipts[0]?.number ?? 0;
  await page.reload();
  await fees.ready();
  await expect(fees.state).toHaveText('Đã thu phí');
  const official = fees.receipt(number);
  await expect(official).toHaveAttribute('data-status', 'issued');
  await expect(official.getByTestId('receipt-item-number')).toContainText(`Biên lai số ${number} — ký hiệu K`);
  await expect(official.getByTestId('receipt-item-official')).toHaveText(/^Biên lai chính thức về lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(trước đó là phiếu thu tạm\)\.$/);
  // Reprinted now, the paper is the official receipt the citizen keeps.
  await fees.startAction(official, 'reprint');
  await expect(fees.outcome).toContainText(`Đã gửi lệnh in lại biên lai số ${number}`);
  await saveScreenshot(page, testInfo, 'receipts-vi-official-arrived');
  await expectAccessible(page, testInfo, 'receipts-official-arrived');

  // The same panel in English.
  await new AppShellPage(page).switchLanguage('en');
  await expect(fees.state).toHaveText('Fees paid');
  await expect(official.getByTestId('receipt-item-official')).toHaveText(/^The official receipt arrived at \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(provisional before\)\.$/);
  await expect(fees.action(official, 'reprint')).toHaveText('Reprint');
  await expect(fees.outcome).toContainText(`Sent receipt no. ${number} (`);
  await saveScreenshot(page, testInfo, 'receipts-en-official-arrived');
  await expectAccessible(page, testInfo, 'receipts-en-official-arrived');
});
