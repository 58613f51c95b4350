import { execFileSync, type ExecFileSyncOptionsWithStringEncoding } from 'node:child_process';
import fs from 'node:fs';
import type { APIRequestContext, TestInfo } from '@playwright/test';
import { hashPassword } from '../../server/features/clerks/password.ts';
import { upsertClerk } from '../../server/features/clerks/repo.ts';
import { findAgencyByCode } from '../../server/features/agencies/repo.ts';
import { TEST_AGENCY_CODE, type CentralFixture } from '../harness/central-fixture.ts';
import type { DeskServe } from '../harness/desk-serve.ts';
import { decodedToPng, decodeEscPos } from '../harness/escpos-decoder.ts';
import { createCitizenFaker, toIdQrText, type FakeCitizen } from '../harness/fake-citizens.ts';
import { startFakeThermalPrinter, type FakeThermalPrinter } from '../harness/fake-thermal-printer.ts';
import { setUpFees } from './fee-setup.ts';
import { call, enrolDesk, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { ClerkKeys } from './pages/clerk-keys.ts';
import { DossiersPage } from './pages/dossiers-page.ts';
import { HomePage } from './pages/home-page.ts';
import { IntakePage } from './pages/intake-page.ts';
import { PaymentPage } from './pages/payment-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// Issue 8's "Done when": a clerk who has never seen the app receives, prints, collects the fee for and later
// returns a dossier, online and offline, in Vietnamese, without the mouse. No click anywhere in this file:
// the keyboard (through the page objects) and what the ID scanner types. The counter (`desk serve`) is enrolled
// with the reference central server behind the fault proxy, the clerk's account comes from that server, the
// slip printer is a TCP thermal printer whose bytes are decoded, and receipts are issued by the central server
// (docs/RECEIPTS.md, provider `server`): official at once online, PHIẾU THU TẠM offline until the line is back.

const TAM_TRU = '1.004194';
const CLERK = { username: 'lan', password: 'Lan@2026', displayName: 'Nguyễn Thị Lan' } as const;
const citizens = createCitizenFaker('clerk-journey-e2e');

type Summary = { id: string; code: string };
type Receipt = { id: string; status: string; method: string; amount: number; number: number | null; symbol: string | null; lookupCode: string };
type Job = { form: string; state: string };

test.use({ viewport: { width: 1366, height: 900 } });
// A real server, printing, an outage and a drain (the receipt retry runs every 15 s): more than 30 s.
test.setTimeout(150_000);

let printer: FakeThermalPrinter;
test.beforeEach(async () => {
  printer = await startFakeThermalPrinter();
});
test.afterEach(async ({ desk }, testInfo) => {
  await printer.close();
  // When something went wrong, the counter's own log says what the core saw.
  if (testInfo.status !== testInfo.expectedStatus) {
    fs.writeFileSync(testInfo.outputPath('desk-serve-log.txt'), desk.stderr());
    await testInfo.attach('desk-serve-log', { path: testInfo.outputPath('desk-serve-log.txt'), contentType: 'text/plain' });
  }
});

/** A citizen with a phone number and diacritics in the name (the clerk types the phone). */
function nextCitizen(): FakeCitizen {
  for (;;) {
    const citizen = citizens.next();
    if (citizen.phone && citizen.fullName !== citizen.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) return citizen;
  }
}

/**
 * What IT and the centre do before the clerk's first day: enrol the counter, set fees, receipts (issued by the
 * central server) and the default slip printer while the counter is still in setup mode; then the clerk's
 * account is created on the central server and reaches the counter, which from then on asks for sign-in.
 */
async function prepareCounter(request: APIRequestContext, desk: DeskServe, central: CentralFixture, testInfo: TestInfo): Promise<void> {
  await enrolDesk(request, desk, central);
  await setUpFees(request, desk, testInfo, printer);
  await call(request, desk, 'receipts.setSettings', { provider: 'server' });
  const agency = await findAgencyByCode(central.server.sql, TEST_AGENCY_CODE);
  if (!agency) throw new Error('the central fixture has no agency');
  await upsertClerk(central.server.sql, { agencyId: agency.id, username: CLERK.username, displayName: CLERK.displayName, passwordHash: await hashPassword(CLERK.password), roles: ['clerk'] });
  await call(request, desk, 'sync.now', {});
  await expect.poll(async () => (await call<{ mode: string }>(request, desk, 'auth.session', {})).mode, { message: 'the account reached the counter' }).toBe('signed-out');
}

/** Slips and receipts the printer got: status checks open connections that print nothing. */
function printed(): Buffer[] {
  return printer.jobs.filter((job) => job.length > 0);
}

/**
 * The printed job as a picture (attached, for a person to look at), the QR codes zbar reads on it and its
 * text as tesseract reads it in Vietnamese (the text is drawn with the bundled font, not sent as characters).
 */
async function readPrinted(testInfo: TestInfo, job: Buffer, name: string): Promise<{ heightDots: number; cut: boolean; qr: string[]; text: string }> {
  const decoded = decodeEscPos(job);
  const file = testInfo.outputPath(`${name}.png`);
  fs.writeFileSync(file, decodedToPng(decoded));
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  const quiet: ExecFileSyncOptionsWithStringEncoding = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] };
  const qr = execFileSync('zbarimg', ['--raw', '-q', file], quiet).split('\n').filter(Boolean);
  const text = execFileSync('tesseract', [file, '-', '-l', 'vie'], quiet).replace(/\s+/g, ' ');
  return { heightDots: decoded.raster?.heightDots ?? 0, cut: decoded.commands.some((command) => command.kind === 'cut'), qr, text };
}

async function jobForms(request: APIRequestContext, desk: DeskServe, dossierId: string): Promise<string[]> {
  const { jobs } = await call<{ jobs: Job[] }>(request, desk, 'printing.jobs', { dossierId });
  return jobs.map((job) => `${job.form}:${job.state}`).reverse();
}

/** From the empty intake form to the fee step, keyboard only: procedure, ID card scanned, phone, review, receive. */
async function receiveByKeyboard(intake: IntakePage, payment: PaymentPage, citizen: FakeCitizen, testInfo: TestInfo, shot: string): Promise<string> {
  await expect(intake.procedureInput).toBeFocused();
  await intake.chooseProcedure('dang ky tam tru', TAM_TRU);
  await expect(intake.chosenProcedure).toContainText('Đăng ký tạm trú');
  // The ID scanner types the card's QR code and Enter: not a clerk action.
  await intake.keys.scan(toIdQrText(citizen));
  await expect(intake.scanNotice).toHaveAttribute('data-status', 'read');
  await expect(intake.fullName).toHaveValue(citizen.fullName);
  await expect(intake.idNumber).toHaveValue(citizen.idNumber);
  await expect(intake.phone).toBeFocused();
  await intake.keys.type(citizen.phone ?? '');
  await intake.openReview();
  await expect(intake.review).toContainText(citizen.fullName);
  await saveScreenshot(intake.page, testInfo, `${shot}-review`);
  await intake.receive();
  await expect(intake.resultCode).toHaveText(/^000\.00\.12\.H12-\d{6}-\d{4}$/);
  await payment.ready();
  // The catalogue lists tạm trú for the household (15 000 đ) and per person "theo danh sách" (10 000 đ).
  await expect(payment.total).toHaveText('25.000 đ');
  return (await intake.resultCode.textContent()) ?? '';
}

test('online: sign in, receive with a scanned ID card, cash with change, slip and receipt printed, later the result returned', async ({ central, desk, page, request }, testInfo) => {
  await prepareCounter(request, desk, central, testInfo);
  const citizen = nextCitizen();
  const signIn = new SignInPage(page);
  const home = new HomePage(page);
  const shell = new AppShellPage(page);
  const intake = new IntakePage(page);
  const payment = new PaymentPage(page, intake.keys);
  const dossiers = new DossiersPage(page);

  // Sign in: the username field has the focus; type, Tab, type, Enter.
  await page.goto(desk.url);
  await expect(signIn.form).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng nhập');
  await saveScreenshot(page, testInfo, '01-sign-in');
  await expectAccessible(page, testInfo, 'sign-in');
  await signIn.signInByKeyboard(new ClerkKeys(page), CLERK.username, CLERK.password);
  await expect(signIn.sessionClerk).toHaveText(`Cán bộ: ${CLERK.displayName}`);
  await expect(home.root).toBeVisible();
  await expect(home.connectionState).toHaveAttribute('data-state', 'online');
  await expect(home.printerState).toHaveAttribute('data-state', 'ready');
  await saveScreenshot(page, testInfo, '02-home-signed-in');
  await expectAccessible(page, testInfo, 'home-signed-in');

  // The standard intake, counted from Alt+2 (intake.keys counts every key that is not data).
  await shell.openByKeyboard('intake', intake.keys);
  const code = await receiveByKeyboard(intake, payment, citizen, testInfo, '03-intake');
  // The fee step puts the focus in "Tiền nhận": the clerk types what was handed over, then leaves the list fee
  // out (Alt+K, Tab, Space); the change follows the total.
  await expect(payment.received).toBeFocused();
  await intake.keys.type('50.000');
  await expect(payment.change).toContainText('25.000 đ');
  await payment.toggleLine(1);
  await expect(payment.omittedLines).toContainText('theo danh sách');
  await expect(payment.total).toHaveText('15.000 đ');
  await expect(payment.change).toContainText('35.000 đ');
  await saveScreenshot(page, testInfo, '04-fee-cash-change');
  await expectAccessible(page, testInfo, 'fee-cash-change');
  await payment.pay();

  // Online, the central server issues the receipt at once: its series and number, not a provisional one.
  await expect(payment.receipt).toHaveAttribute('data-status', 'issued');
  await expect(payment.receiptNumber).toHaveText(/^Biên lai số 1 — ký hiệu K\d{2}TSV, mẫu số \S+$/);
  await expect(payment.receiptAmount).toHaveText('15.000 đ');
  await expect(payment.receiptChange).toHaveText('35.000 đ');
  await expect(payment.receiptProvisional).toHaveCount(0);
  await expect(intake.next).toBeFocused();
  await saveScreenshot(page, testInfo, '05-receipt-issued');
  await expectAccessible(page, testInfo, 'receipt-issued');

  const actions = intake.keys.count;
  const report = `Clerk actions for the standard intake with cash and change (beyond typing data and the scanner's keys): ${String(actions)} — ${intake.keys.log.join(', ')}`;
  console.log(report);
  testInfo.annotations.push({ type: 'clerk-actions', description: report });
  expect(actions).toBeLessThanOrEqual(8);

  // Printed: the appointment slip, then the receipt, on the counter's TCP printer; the bytes decoded back.
  const dossierId = (await call<{ dossiers: Summary[] }>(request, desk, 'dossiers.search', { query: code })).dossiers[0]?.id ?? '';
  await expect.poll(() => jobForms(request, desk, dossierId), { message: 'slip and receipt printed' }).toEqual(['appointment:done', 'receipt:done']);
  expect(printed()).toHaveLength(2);
  const [slipJob, receiptJob] = printed();
  const slip = await readPrinted(testInfo, slipJob ?? Buffer.alloc(0), '06-slip-printed');
  expect(slip.heightDots, 'a whole slip (form 01), not a stub').toBeGreaterThan(1000);
  expect(slip.cut).toBe(true);
  expect(slip.qr.some((text) => text.includes(code)), `the slip's QR names the dossier: ${slip.qr.join(' / ')}`).toBe(true);
  const paper = await readPrinted(testInfo, receiptJob ?? Buffer.alloc(0), '07-receipt-printed');
  expect(paper.cut).toBe(true);
  const { receipts } = await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId });
  expect(receipts).toMatchObject([{ status: 'issued', method: 'cash', amount: 15_000, number: 1 }]);
  const receipt = receipts[0];
  expect(paper.qr.some((text) => text.includes(receipt?.lookupCode ?? '?')), `the receipt's look-up QR: ${paper.qr.join(' / ')}`).toBe(true);
  // The official receipt on paper: its title, the server's series, the amount in words; nothing provisional.
  expect(paper.text).toContain('BIÊN LAI THU PHÍ');
  expect(paper.text).toMatch(/K\d{2}TSV/);
  expect(paper.text).toContain('Mười lăm nghìn đồng');
  expect(paper.text).not.toContain('PHIẾU THU TẠM');
  await expect
    .poll(() => central.server.sql.query<{ status: string; number: number }>('SELECT status, number FROM receipts WHERE dossier_id = $1', [dossierId]), { message: 'the server issued it' })
    .toEqual([{ status: 'issued', number: 1 }]);

  // Later the result comes back from the department: Alt+3, the citizen's ID number, Enter; ArrowDown to the
  // only hit (the results grid), Enter.
  const later = new ClerkKeys(page);
  await shell.openByKeyboard('dossiers', later);
  await dossiers.searchByKeyboard(later, citizen.idNumber);
  await expect(dossiers.rows).toHaveCount(1);
  await saveScreenshot(page, testInfo, '08-dossiers-found');
  await expectAccessible(page, testInfo, 'dossiers-found');
  await dossiers.openByKeyboard(later, code);
  await expect(dossiers.code).toHaveText(`Hồ sơ ${code}`);
  await expect(dossiers.status).toHaveText('Đã tiếp nhận');
  // The fee receipt is in the dossier's history, in Vietnamese (not the audit log's action name).
  await expect(dossiers.timeline.filter({ hasText: 'Phát hành biên lai thu phí, lệ phí' })).toHaveCount(1);
  await expect(page.getByTestId('dossier-timeline')).not.toContainText('receipt.');
  // Who did it, by name (it showed the account id `clerk:lan`).
  await expect(dossiers.timeline.first().locator('.timeline__actor')).toHaveText(CLERK.displayName);
  await expect(page.getByTestId('dossier-timeline')).not.toContainText(`clerk:${CLERK.username}`);
  await expectAccessible(page, testInfo, 'dossier-detail');

  await dossiers.openActionByKeyboard(later, 'markResultReady');
  await dossiers.confirmByKeyboard(later);
  await expect(dossiers.status).toHaveText('Đã có kết quả');
  // The focus stays with the work: on "return the result", the only action left.
  await expect(dossiers.actionButton('returnResult')).toBeFocused();
  await saveScreenshot(page, testInfo, '09-dossier-result-ready');
  await expectAccessible(page, testInfo, 'dossier-result-ready');

  // The handover form: to the applicant (chosen already), who received it, a note; Enter confirms.
  const handover = await dossiers.openActionByKeyboard(later, 'returnResult');
  await expect(handover.getByLabel('Người nộp hồ sơ')).toBeFocused();
  await expect(handover.getByLabel('Người nộp hồ sơ')).toBeChecked();
  await later.tabTo(handover.getByLabel('Họ tên người nhận'));
  await later.type(citizen.fullName);
  await later.tabTo(handover.getByLabel('Ghi chú', { exact: true }));
  await later.type('Đã đối chiếu căn cước');
  await saveScreenshot(page, testInfo, '10-dossier-handover-form');
  await expectAccessible(page, testInfo, 'dossier-handover-form');
  await dossiers.confirmByKeyboard(later);
  await expect(dossiers.status).toHaveText('Đã trả kết quả');
  await expect(dossiers.outcome).toContainText('Đã trả kết quả');
  await expect(dossiers.outcome).toBeFocused();
  await saveScreenshot(page, testInfo, '11-dossier-returned');
  await expectAccessible(page, testInfo, 'dossier-returned');
  const returnReport = `Keys to find the dossier, mark the result ready and return it (beyond typing): ${String(later.count)} — ${later.log.join(', ')}`;
  console.log(returnReport);
  testInfo.annotations.push({ type: 'clerk-actions', description: returnReport });
  // Finding the dossier is Alt+3, Enter, ArrowDown, Enter: no Tab walk past the search button and the four list
  // filters (that walk was six Tabs, 22 keys in all).
  expect(later.log.slice(0, 4)).toEqual(['Alt+3', 'Enter', 'ArrowDown', 'Enter']);
  expect(later.count).toBeLessThanOrEqual(17);

  // The central server sees the dossier returned, once, under the printed code.
  await expect
    .poll(() => central.server.sql.query<{ code: string; status: string }>('SELECT code, status FROM dossiers'), { message: 'the server has the dossier returned' })
    .toEqual([{ code, status: 'returned' }]);
  await shell.openByKeyboard('home');
  await expect(home.pendingCount).toHaveAttribute('data-value', '0');
  await expect(home.connectionState).toHaveAttribute('data-state', 'online');
});

test('offline: the line down, a transfer by VietQR gets a PHIẾU THU TẠM and the slip prints; the line back, the official receipt arrives and Home shows 0', async ({ central, desk, page, request }, testInfo) => {
  await prepareCounter(request, desk, central, testInfo);
  const citizen = nextCitizen();
  const signIn = new SignInPage(page);
  const home = new HomePage(page);
  const shell = new AppShellPage(page);
  const intake = new IntakePage(page);
  const payment = new PaymentPage(page, intake.keys);

  await page.goto(desk.url);
  await signIn.signInByKeyboard(new ClerkKeys(page), CLERK.username, CLERK.password);
  await expect(signIn.sessionClerk).toHaveText(`Cán bộ: ${CLERK.displayName}`);
  await expect(home.connectionState).toHaveAttribute('data-state', 'online');
  await expect(home.pendingCount).toHaveAttribute('data-value', '0');

  // The line to the central server goes down; the counter keeps working.
  await central.proxy.down();
  await shell.openByKeyboard('intake', intake.keys);
  const code = await receiveByKeyboard(intake, payment, citizen, testInfo, '01-offline-intake');
  await payment.toggleLine(1);
  await expect(payment.total).toHaveText('15.000 đ');
  // Alt+Q: the VietQR for the payer's phone; the clerk types the bank's reference from the transfer.
  await payment.chooseTransfer();
  await expect(payment.reference).toBeFocused();
  await expect(payment.qr).toBeVisible();
  await expect(payment.qrPurpose).toHaveText(code);
  await intake.keys.type('FT26330000777');
  await saveScreenshot(page, testInfo, '02-offline-transfer');
  await expectAccessible(page, testInfo, 'offline-transfer');
  await payment.pay();

  // The server cannot issue: the counter keeps a provisional receipt and says so.
  await expect(payment.receipt).toHaveAttribute('data-status', 'provisional');
  await expect(payment.receiptProvisional).toHaveText('PHIẾU THU TẠM — chưa phải biên lai chính thức');
  await expect(payment.receiptNumber).toHaveCount(0);
  await expect(payment.receiptAmount).toHaveText('15.000 đ');
  await expect(intake.next).toBeFocused();
  await saveScreenshot(page, testInfo, '03-offline-provisional');
  await expectAccessible(page, testInfo, 'offline-provisional');

  // The slip prints offline, then the provisional receipt: its look-up QR has no series and no number yet.
  const dossierId = (await call<{ dossiers: Summary[] }>(request, desk, 'dossiers.search', { query: code })).dossiers[0]?.id ?? '';
  await expect.poll(() => jobForms(request, desk, dossierId), { message: 'slip and provisional receipt printed' }).toEqual(['appointment:done', 'receipt:done']);
  const [slipJob, receiptJob] = printed();
  const slip = await readPrinted(testInfo, slipJob ?? Buffer.alloc(0), '04-slip-printed-offline');
  expect(slip.heightDots).toBeGreaterThan(1000);
  expect(slip.qr.some((text) => text.includes(code))).toBe(true);
  const [before] = (await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId })).receipts;
  expect(before).toMatchObject({ status: 'provisional', method: 'transfer', number: null, symbol: null });
  const provisional = await readPrinted(testInfo, receiptJob ?? Buffer.alloc(0), '05-provisional-receipt-printed');
  expect(provisional.qr.some((text) => text.includes(before?.lookupCode ?? '?')), provisional.qr.join(' / ')).toBe(true);
  // On paper as on screen: PHIẾU THU TẠM, no series; the look-up code stays the same once it is issued.
  expect(provisional.text).toContain('PHIẾU THU TẠM');
  expect(provisional.text).not.toMatch(/K\d{2}TSV/);
  expect(provisional.text).toContain('Mười lăm nghìn đồng');

  // Home: offline, the dossier waiting.
  await shell.openByKeyboard('home');
  await expect(home.connectionState).toHaveAttribute('data-state', 'offline');
  await expect(home.connectionState).toHaveText('Mất kết nối');
  await expect(home.pendingCount).not.toHaveAttribute('data-value', '0');
  await saveScreenshot(page, testInfo, '06-home-offline');
  await expectAccessible(page, testInfo, 'home-offline');

  // The line comes back: nobody presses anything. The queue drains and the server issues the receipt.
  await central.proxy.up();
  await expect(home.pendingCount).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await expect(home.connectionState).toHaveAttribute('data-state', 'online');
  await expect(home.connectionState).toHaveText('Trực tuyến');
  await expect
    .poll(async () => (await call<{ receipts: Receipt[] }>(request, desk, 'receipts.list', { dossierId })).receipts, { message: 'the official receipt arrived', timeout: 60_000 })
    .toMatchObject([{ id: before?.id, status: 'issued', number: 1, symbol: expect.stringMatching(/^K\d{2}TSV$/) as unknown, lookupCode: before?.lookupCode }]);
  await saveScreenshot(page, testInfo, '07-home-online-drained');
  await expectAccessible(page, testInfo, 'home-online-drained');

  // The server holds the dossier once, with the printed code, and the receipt it issued.
  expect(await central.server.sql.query<{ code: string }>('SELECT code FROM dossiers')).toEqual([{ code }]);
  expect(await central.server.sql.query<{ id: string; status: string; number: number }>('SELECT id, status, number FROM receipts')).toEqual([{ id: before?.id, status: 'issued', number: 1 }]);
});
