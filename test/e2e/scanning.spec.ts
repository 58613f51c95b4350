import fs from 'node:fs';
import { createCitizenFaker, toIdQrText } from '../harness/fake-citizens.ts';
import { makeTempDataDir, startDeskServe, type DeskServe } from '../harness/desk-serve.ts';
import { makeSaneTestConfig } from '../harness/sane-test-device.ts';
import { call, configureCounter, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { createCanvas } from '@napi-rs/canvas';
import { IntakePage } from './pages/intake-page.ts';
import { PaperScansPage } from './pages/paper-scans-page.ts';
import { PaymentPage } from './pages/payment-page.ts';

type Dossier = { id: string; papers: { name: string; scanSha256?: string }[] };
type Summary = { id: string };

// A clerk receives a dossier, then digitises its first paper from SANE's test scanner (the real scanimage,
// Debian sane-utils, in a private SANE_CONFIG_DIR given to `desk serve`), in Chromium.
const configDir = makeTempDataDir();
const env = makeSaneTestConfig(configDir, 'Grid');
const citizens = createCitizenFaker('scanning-e2e');
let desk: DeskServe;

test.skip(env === null, 'scanimage is not installed (Debian sane-utils)');
test.use({ viewport: { width: 1366, height: 900 } });
test.beforeEach(async () => {
  desk = await startDeskServe({ env: env ?? {} });
});
test.afterEach(async ({ page }) => {
  await page.close();
  await desk.stop();
});
test.afterAll(() => fs.rmSync(configDir, { recursive: true, force: true }));

type Citizen = ReturnType<typeof citizens.next>;

async function receiveFor(intake: IntakePage, citizen: Citizen): Promise<void> {
  await intake.procedureInput.focus();
  await intake.chooseProcedure('dang ky tam tru', '1.004194');
  await intake.keys.scan(toIdQrText(citizen));
  await expect(intake.fullName).toHaveValue(citizen.fullName);
  await intake.openReview();
  await intake.receive();
  await expect(intake.result).toBeVisible();
  // Tạm trú has a fee: the citizen pays later (Esc), so the clerk can go on to the next dossier.
  const fees = new PaymentPage(intake.page);
  await fees.ready();
  await fees.later();
}

/** A photographed paper: lines of "text", the top band darker, so a turned page is easy to see. */
function paperPhoto(): Buffer {
  const canvas = createCanvas(900, 1270);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 900, 1270);
  context.fillStyle = '#222';
  context.fillRect(60, 60, 780, 90);
  for (let line = 0; line < 22; line += 1) context.fillRect(80, 220 + line * 44, 700 - (line % 4) * 90, 14);
  return canvas.encodeSync('jpeg', 90);
}

test('after receiving, the first paper is scanned from the feeder: pages counted, linked to the dossier', async ({ page, request }, testInfo) => {
  await configureCounter(request, desk);
  const citizen = citizens.next();
  const intake = new IntakePage(page);
  await intake.goto(desk.url);
  await receiveFor(intake, citizen);

  const scans = page.getByTestId('paper-scans');
  await expect(scans.getByRole('combobox')).toHaveValue('sane:test:0');
  const first = page.getByTestId('paper-scan-0');
  await first.getByRole('button', { name: 'Quét' }).click();
  await expect(first).toContainText('Đã số hóa: 10 trang', { timeout: 20_000 });
  await expect(first.getByRole('button', { name: 'Quét lại' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'scan-vi-done');
  await expectAccessible(page, testInfo, 'scan-done');

  const found = await call<{ dossiers: Summary[] }>(request, desk, 'dossiers.search', { query: citizen.idNumber });
  const dossier = await call<Dossier>(request, desk, 'dossiers.get', { id: found.dossiers[0]?.id });
  expect(dossier.papers[0]?.scanSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(dossier.papers[1]?.scanSha256).toBeUndefined();
});

test('scanned pages as thumbnails: turn one, delete one, reorder by keyboard; the count follows', async ({ page, request }, testInfo) => {
  await configureCounter(request, desk);
  const intake = new IntakePage(page);
  const scans = new PaperScansPage(page);
  await intake.goto(desk.url);
  const citizen = citizens.next();
  await receiveFor(intake, citizen);
  await scans.scan(0);
  await expect(scans.pageCount(0)).toHaveText('10 trang', { timeout: 20_000 });
  await expect(scans.thumbnails(0)).toHaveCount(10);
  await expect(scans.thumbnails(0).first().locator('img')).toBeVisible();
  await saveScreenshot(page, testInfo, 'pages-vi-scanned');

  // Page 2 turned a quarter (R), then page 3 removed (Delete), then the new page 2 moved to the end (Alt+→…).
  await scans.selectPage(0, 2);
  await page.keyboard.press('r');
  await expect(scans.pagesStatus(0)).toHaveText('Đã lưu: 10 trang');
  await expect(scans.thumbnails(0).nth(1)).toHaveAttribute('data-rotate', '90');
  await expect(scans.thumbnails(0).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  await expect(scans.pageCount(0)).toHaveText('9 trang');
  await expect(scans.thumbnails(0)).toHaveCount(9);
  await scans.selectPage(0, 2);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(scans.pagesStatus(0)).toHaveText('Đã lưu: 9 trang');
  await expect(scans.thumbnails(0).nth(0)).toHaveAttribute('data-rotate', '90');
  await expect(scans.thumbnails(0).nth(0)).toBeFocused();
  await expect(scans.strip(0).getByRole('option', { name: 'Trang 1/9, xoay 90°' })).toBeFocused();
  await saveScreenshot(page, testInfo, 'pages-vi-edited');
  await expectAccessible(page, testInfo, 'pages-edited');

  // The dossier's paper holds the edited document: 9 pages.
  const found = await call<{ dossiers: Summary[] }>(request, desk, 'dossiers.search', { query: citizen.idNumber });
  const dossier = await call<Dossier>(request, desk, 'dossiers.get', { id: found.dossiers[0]?.id });
  const document = await call<{ pages: number }>(request, desk, 'documents.get', { sha256: dossier.papers[0]?.scanSha256 });
  expect(document.pages).toBe(9);
});

test('files imported by picker and by drag and drop; a renamed program is refused in Vietnamese with its code', async ({ page, request }, testInfo) => {
  await configureCounter(request, desk);
  const intake = new IntakePage(page);
  const scans = new PaperScansPage(page);
  await intake.goto(desk.url);
  await receiveFor(intake, citizens.next());

  await scans.chooseFiles(1, [{ name: 'giay-to.jpg', mimeType: 'image/jpeg', buffer: paperPhoto() }]);
  await expect(scans.status(1)).toHaveText('Đã nhập tệp: 1 trang');
  await expect(scans.pageCount(1)).toHaveText('1 trang');
  await expect(scans.thumbnails(1)).toHaveCount(1);

  await scans.chooseFiles(0, [{ name: 'ban-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(3000, 9)]) }]);
  await expect(scans.status(0)).toContainText('Chỉ nhập được tệp PDF, JPEG, PNG hoặc TIFF');
  await expect(scans.status(0)).toContainText('mã lỗi: file-type-unsupported');
  await expect(scans.pageCount(0)).toHaveCount(0);
  await saveScreenshot(page, testInfo, 'import-vi-refused');

  await scans.dropFile(0, { name: 'trang.jpg', mimeType: 'image/jpeg', buffer: paperPhoto() });
  await expect(scans.status(0)).toHaveText('Đã nhập tệp: 1 trang');
  await expect(scans.pageCount(0)).toHaveText('1 trang');
  await saveScreenshot(page, testInfo, 'import-vi-done');
  await expectAccessible(page, testInfo, 'import-done');
});

test('a paper digitised for one dossier is reused for the same citizen’s next dossier', async ({ page, request }, testInfo) => {
  await configureCounter(request, desk);
  const citizen = citizens.next();
  const intake = new IntakePage(page);
  const scans = new PaperScansPage(page);
  await intake.goto(desk.url);
  await receiveFor(intake, citizen);
  await scans.chooseFiles(0, [{ name: 'cccd.jpg', mimeType: 'image/jpeg', buffer: paperPhoto() }]);
  await expect(scans.pageCount(0)).toHaveText('1 trang');
  const firstCode = await intake.resultCode.textContent();

  await intake.next.focus();
  await page.keyboard.press('Enter');
  await receiveFor(intake, citizen);
  await expect(scans.reuseSelect(0)).toBeVisible();
  const option = scans.reuseSelect(0).locator('option').nth(1);
  await expect(option).toContainText('Dùng lại bản số hóa ngày');
  await expect(option).toContainText(firstCode ?? '');
  await scans.reuseSelect(0).selectOption({ index: 1 });
  await saveScreenshot(page, testInfo, 'reuse-vi-offered');
  await scans.paper(0).getByRole('button', { name: 'Dùng lại' }).click();
  await expect(scans.status(0)).toContainText('Đã dùng lại bản số hóa ngày');
  await expect(scans.pageCount(0)).toHaveText('1 trang');
  await expect(scans.thumbnails(0)).toHaveCount(1);
  await expectAccessible(page, testInfo, 'reuse-done');

  const found = await call<{ dossiers: Summary[] }>(request, desk, 'dossiers.search', { query: citizen.idNumber });
  const dossiers = await Promise.all(found.dossiers.map((summary) => call<Dossier>(request, desk, 'dossiers.get', { id: summary.id })));
  expect(dossiers).toHaveLength(2);
  expect(dossiers[0]!.papers[0]!.scanSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(dossiers[0]!.papers[0]!.scanSha256).toBe(dossiers[1]!.papers[0]!.scanSha256);
});
