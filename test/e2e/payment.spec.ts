import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { parseVietQr } from '../../shared/domain/payments/vietqr.ts';
import { createCitizenFaker, toIdQrText } from '../harness/fake-citizens.ts';
import { startFakeThermalPrinter, type FakeThermalPrinter } from '../harness/fake-thermal-printer.ts';
import { BANK, receiveTamTruToFees, reviewTamTru, setUpFees } from './fee-setup.ts';
import { call, configureCounter, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { IntakePage } from './pages/intake-page.ts';
import { PaymentPage } from './pages/payment-page.ts';

// Fees in the intake flow (docs/RECEIPTS.md "At the counter"): Đăng ký tạm trú at the counter, whose catalogue
// lists two alternatives: 15 000 đ per registration, or 10 000 đ per person "theo danh sách". The clerk leaves
// the list one out for a single applicant (Alt+K, Tab, Space).
const citizens = createCitizenFaker('payment-e2e');

type Receipt = { id: string; status: string; method: string; amount: number; number: number | null; symbol: string | null; dossierCode: string; lines: { exemptReason: string | null }[] };
type Payment = { method: string; amount: number; received: number | null; change: number | null; vietqr: string | null };
type Job = { form: string; state: string; createdAt: string };

test.use({ viewport: { width: 1366, height: 900 } });

let printer: FakeThermalPrinter;
test.beforeEach(async () => {
  printer = await startFakeThermalPrinter();
});
test.afterEach(async () => {
  await printer.close();
});

/** Keyboard only: procedure, the ID card scanned, review, receive; the per-person line left out; on the fee step. */
async function receiveTamTru(page: Page, url: string) {
  const received = await receiveTamTruToFees(page, url, toIdQrText(citizens.next()));
  const { payment } = received;
  await expect(payment.total).toHaveText('25.000 đ');
  await payment.toggleLine(1);
  await expect(payment.omittedLines).toHaveCount(1);
  await expect(payment.omittedLines).toContainText('theo danh sách');
  await expect(payment.total).toHaveText('15.000 đ');
  return received;
}

test('a fee paid by VietQR: the QR on screen decodes to the amount and the dossier code; the receipt is issued, printed and listed', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  const { intake, payment, code } = await receiveTamTru(page, desk.url);
  await payment.chooseTransfer();
  await expect(payment.method.getByRole('button', { name: 'Chuyển khoản (VietQR)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(payment.reference).toBeFocused();
  await expect(payment.qr).toBeVisible();
  await expect(payment.qrPurpose).toHaveText(code);
  await saveScreenshot(page, testInfo, 'payment-vi-transfer');
  await expectAccessible(page, testInfo, 'payment-transfer');

  // What the payer's phone sees: the QR as drawn on the screen, read by zbar, then checked by our parser.
  const shot = testInfo.outputPath('payment-qr.png');
  await payment.qr.screenshot({ path: shot });
  await testInfo.attach('payment-qr', { path: shot, contentType: 'image/png' });
  const decoded = execFileSync('zbarimg', ['--raw', '-q', shot], { encoding: 'utf8' }).trim();
  const parsed = parseVietQr(decoded);
  expect(parsed, decoded).toMatchObject({ ok: true, qr: { method: 'dynamic', bin: BANK.bin, account: BANK.account, amount: 15_000, purpose: code, currency: '704' } });

  await intake.keys.type('FT26327000123');
  await payment.pay();
  await expect(payment.receipt).toHaveAttribute('data-status', 'issued');
  await expect(payment.receiptNumber).toHaveText('Biên lai số 1 — ký hiệu K26TQ2, mẫu số 1');
  await expect(payment.receiptAmount).toHaveText('15.000 đ');
  await expect(intake.next).toBeFocused();
  await saveScreenshot(page, testInfo, 'payment-vi-transfer-paid');
  await expectAccessible(page, testInfo, 'payment-transfer-paid');

  const dossierId = (await call<{ dossiers: { id: string }[] }>(request, desk, 'dossiers.search', { query: code })).dossiers[0]?.id;
  const { receipts } = await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId });
  expect(receipts).toMatchObject([{ status: 'issued', method: 'transfer', amount: 15_000, number: 1, symbol: 'K26TQ2', dossierCode: code }]);
  const { payments } = await call<{ payments: (Payment & { bankReference: string | null })[] }>(request, desk, 'payments.list', { dossierId });
  expect(payments).toMatchObject([{ method: 'transfer', amount: 15_000, bankReference: 'FT26327000123', vietqr: decoded }]);
  // The appointment slip first, then the receipt, both on the counter's printer.
  await expect
    .poll(async () => (await call<{ jobs: Job[] }>(request, desk, 'printing.jobs', { dossierId })).jobs.map((job) => `${job.form}:${job.state}`).reverse())
    .toEqual(['appointment:done', 'receipt:done']);
  expect(printer.jobs.length).toBe(2);
});

test('cash with change: what was handed over gives the change on screen and on the payment', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  const { intake, payment, code } = await receiveTamTru(page, desk.url);
  await payment.chooseCash();
  await expect(payment.received).toBeFocused();

  // Too little first: explained next to the field, nothing recorded.
  await intake.keys.type('10.000');
  await payment.pay();
  await expect(page.getByTestId('payment-received-error')).toHaveText('Tiền nhận còn thiếu 5.000 đồng.');
  await expect(payment.received).toBeFocused();
  await page.keyboard.press('Control+A');
  await intake.keys.type('50.000');
  await expect(payment.change).toContainText('35.000 đ');
  await saveScreenshot(page, testInfo, 'payment-vi-cash');
  await expectAccessible(page, testInfo, 'payment-cash');
  await payment.pay();
  await expect(payment.receipt).toHaveAttribute('data-status', 'issued');
  await expect(payment.receiptChange).toHaveText('35.000 đ');
  await saveScreenshot(page, testInfo, 'payment-vi-cash-paid');

  const dossierId = (await call<{ dossiers: { id: string }[] }>(request, desk, 'dossiers.search', { query: code })).dossiers[0]?.id;
  const { payments } = await call<{ payments: Payment[] }>(request, desk, 'payments.list', { dossierId });
  expect(payments).toMatchObject([{ method: 'cash', amount: 15_000, received: 50_000, change: 35_000 }]);
});

test('an exemption needs its reason; the receipt is 0 đ and carries it', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  const { intake, payment, code } = await receiveTamTru(page, desk.url);

  await payment.toggleExempt();
  await expect(payment.exempt).toBeChecked();
  await expect(payment.exemptReason).toBeFocused();
  await payment.pay();
  await expect(page.getByTestId('payment-exempt-reason-error')).toHaveText('Nhập lý do miễn (ít nhất 3 ký tự).');
  const dossierId = (await call<{ dossiers: { id: string }[] }>(request, desk, 'dossiers.search', { query: code })).dossiers[0]?.id;
  expect((await call<{ payments: Payment[] }>(request, desk, 'payments.list', { dossierId })).payments).toEqual([]);

  const reason = 'Người có công với cách mạng, có giấy chứng nhận';
  await intake.keys.type(reason);
  await expect(payment.total).toHaveText('0 đ');
  await expect(payment.lines).toContainText(`Miễn: ${reason}`);
  await saveScreenshot(page, testInfo, 'payment-vi-exempt');
  await expectAccessible(page, testInfo, 'payment-exempt');
  await payment.pay();
  await expect(payment.receipt).toHaveAttribute('data-status', 'issued');
  await expect(payment.receiptAmount).toHaveText('0 đ');
  await expect(payment.receiptExempt).toHaveText(`Miễn phí, lệ phí: ${reason}`);
  await saveScreenshot(page, testInfo, 'payment-vi-exempt-paid');

  const { receipts } = await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId });
  expect(receipts).toMatchObject([{ status: 'issued', amount: 0, lines: [{ exemptReason: reason }] }]);
});

test('offline with the server provider: the result marks the PHIẾU THU TẠM the core returned', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  await call(request, desk, 'receipts.setSettings', { provider: 'server' });
  const { payment } = await receiveTamTru(page, desk.url);
  await payment.pay();
  await expect(payment.receipt).toHaveAttribute('data-status', 'provisional');
  await expect(payment.receiptProvisional).toHaveText('PHIẾU THU TẠM — chưa phải biên lai chính thức');
  await expect(payment.receiptNumber).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'payment-vi-provisional');
  await expectAccessible(page, testInfo, 'payment-provisional');
});

test('the fee step in English; Esc leaves the fees for later and nothing is recorded', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  const { payment, code } = await receiveTamTru(page, desk.url);
  await new AppShellPage(page).switchLanguage('en');
  await expect(page.getByRole('heading', { name: `Fees and payment — Dossier ${code}` })).toBeVisible();
  await expect(payment.omittedLines).toContainText('Not charged');
  await saveScreenshot(page, testInfo, 'payment-en');
  await expectAccessible(page, testInfo, 'payment-en');
  await payment.later();
  await expect(page.getByTestId('receipt-later')).toHaveText('The fees of this dossier have not been taken yet (pay later).');
  await expect(payment.step).toHaveCount(0);
  const dossierId = (await call<{ dossiers: { id: string }[] }>(request, desk, 'dossiers.search', { query: code })).dossiers[0]?.id;
  expect((await call<{ payments: Payment[] }>(request, desk, 'payments.list', { dossierId })).payments).toEqual([]);
});

// A POS-like guard (renderer/features/intake/payment/confirm-guard.ts): the Ctrl+Enter that receives the dossier
// must not also take the money. Only a fresh press after the amount was on screen confirms the payment.
test('a double Ctrl+Enter at the review receives the dossier and records no payment; the next press pays once', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  const { intake, payment } = await reviewTamTru(page, desk.url, toIdQrText(citizens.next()));
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Control+Enter');
  await payment.ready();
  // Whichever guard the second press met (the review still saving, or the fee step's, depending on how fast the
  // quote came: the next test sends it in the quote's very moment), no payment was made.
  await payment.armed.waitFor();
  const code = (await intake.resultCode.textContent()) ?? '';
  const dossierId = (await call<{ dossiers: { id: string }[] }>(request, desk, 'dossiers.search', { query: code })).dossiers[0]?.id;
  expect((await call<{ payments: Payment[] }>(request, desk, 'payments.list', { dossierId })).payments).toEqual([]);
  await expect(payment.receipt).toHaveCount(0);
  await expect(payment.step).toBeVisible();

  // The clerk has seen the amount: one press pays, once.
  await expect(payment.total).toHaveText('25.000 đ');
  await payment.pay();
  await expect(payment.receipt).toHaveAttribute('data-status', 'issued');
  expect((await call<{ payments: Payment[] }>(request, desk, 'payments.list', { dossierId })).payments).toMatchObject([{ method: 'cash', amount: 25_000 }]);
});

test('a Ctrl+Enter landing as the quote appears, or a held Ctrl+Enter, is refused with a note; nothing is recorded', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  const { intake, payment } = await reviewTamTru(page, desk.url, toIdQrText(citizens.next()));
  // The second press of a double press, landing in the very moment the quote is drawn (whatever the machine's
  // speed): sent from the page as the fee step turns ready.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid="fee-step"][data-state="ready"]') === null) return;
      observer.disconnect();
      (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  // Ctrl+Enter receives, and stays held down: the key repeats once the amount is long on screen.
  await page.keyboard.down('Control');
  await page.keyboard.down('Enter');
  await payment.ready();
  await expect(payment.early).toHaveText('Chưa thu: lần nhấn Ctrl+Enter vừa rồi đến ngay lúc số tiền hiện ra. Kiểm tra số tiền, rồi nhấn Ctrl+Enter lần nữa để thu.');
  await payment.armed.waitFor();
  await page.keyboard.down('Enter'); // auto-repeat of the held key
  await page.keyboard.up('Enter');
  await page.keyboard.up('Control');
  await saveScreenshot(page, testInfo, 'payment-vi-early');
  await expectAccessible(page, testInfo, 'payment-early');
  const code = (await intake.resultCode.textContent()) ?? '';
  const dossierId = (await call<{ dossiers: { id: string }[] }>(request, desk, 'dossiers.search', { query: code })).dossiers[0]?.id;
  expect((await call<{ payments: Payment[] }>(request, desk, 'payments.list', { dossierId })).payments).toEqual([]);
  await expect(payment.receipt).toHaveCount(0);
  // In English too.
  await new AppShellPage(page).switchLanguage('en');
  await expect(payment.early).toHaveText('Not taken yet: that Ctrl+Enter came just as the amount appeared. Check the amount, then press Ctrl+Enter again to take it.');
});

test('a payment the core refuses (no signing certificate) is explained in Vietnamese with its code; the choices stay and the retry records one payment', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  await call(request, desk, 'receipts.setSettings', { signer: { kind: 'none' } });
  const { intake, payment, code } = await receiveTamTru(page, desk.url);
  await payment.chooseCash();
  await intake.keys.type('20000');
  await payment.pay();
  await expect(payment.failure).toHaveAttribute('data-code', 'signer-unavailable');
  await expect(payment.failure).toContainText('Không ký được biên lai');
  await expect(payment.failure).toContainText('signer-unavailable');
  await expect(payment.received).toHaveValue('20000');
  await expect(payment.total).toHaveText('15.000 đ');
  await saveScreenshot(page, testInfo, 'payment-vi-refused');
  await expectAccessible(page, testInfo, 'payment-refused');
  const dossierId = (await call<{ dossiers: { id: string }[] }>(request, desk, 'dossiers.search', { query: code })).dossiers[0]?.id;
  expect((await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId })).receipts).toEqual([]);

  // The administrator plugs the certificate in; the same press again.
  await setUpFees(request, desk, testInfo, printer);
  await payment.pay();
  await expect(payment.receipt).toHaveAttribute('data-status', 'issued');
  await expect(payment.receiptChange).toHaveText('5.000 đ');
  expect((await call<{ payments: Payment[] }>(request, desk, 'payments.list', { dossierId })).payments).toHaveLength(1);
});

test('a per-page fee (chứng thực bản sao) asks for pages and copies first; the tiers price them', async ({ desk, page, request }, testInfo) => {
  await configureCounter(request, desk);
  await setUpFees(request, desk, testInfo, printer);
  const intake = new IntakePage(page);
  const payment = new PaymentPage(page, intake.keys);
  await intake.goto(desk.url);
  await intake.procedureInput.focus();
  await intake.chooseProcedure('chung thuc ban sao', '2.000815');
  await intake.keys.scan(toIdQrText(citizens.next()));
  await expect(intake.fullName).not.toHaveValue('');
  await intake.openReview();
  await intake.receive();
  await payment.ready();
  const pages = page.locator('[id^="payment-count-"]');
  await expect(pages).toBeFocused();
  await expect(page.getByTestId('payment-pay')).toBeVisible();
  // 5 pages × 2 copies: 2 000 đ for pages 1–2, 1 000 đ from page 3 → 7 000 đ a copy, 14 000 đ.
  await intake.keys.type('5');
  await intake.keys.press('Tab');
  await intake.keys.type('2');
  await expect(payment.total).toHaveText('14.000 đ');
  await saveScreenshot(page, testInfo, 'payment-vi-pages');
  await expectAccessible(page, testInfo, 'payment-pages');
  await payment.chooseCash();
  await payment.pay();
  await expect(payment.receipt).toHaveAttribute('data-status', 'issued');
  await expect(payment.receiptAmount).toHaveText('14.000 đ');
});
