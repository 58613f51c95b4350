import { hashPassword } from '../../server/features/clerks/password.ts';
import { upsertClerk } from '../../server/features/clerks/repo.ts';
import { findAgencyByCode } from '../../server/features/agencies/repo.ts';
import { createEnrolmentCode } from '../../server/features/counters/service.ts';
import { pgliteBackend, type Backend } from '../../server/testing/backends.ts';
import { startTestServer, type TestServer } from '../../server/testing/harness.ts';
import { startEsclServer } from '../harness/escl-server.ts';
import { decodeEscPos } from '../harness/escpos-decoder.ts';
import { selfSignedCertificate } from '../harness/test-certificates.ts';
import { startFakeThermalPrinter, type FakeThermalPrinter } from '../harness/fake-thermal-printer.ts';
import { call, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { SettingsPage } from './pages/settings-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// The settings screen against a real central server (PGlite) with a clerk and a supervisor, and a network
// receipt printer (the fake thermal printer on 127.0.0.1). IT configures the counter in setup mode and enrols
// it from the screen; afterwards only the supervisor may change anything, and the core says so too.
const AGENCY = '000.00.12.H12';

// A central server (PGlite), two scrypt hashes, an enrolment and a sign-in per test, on machines shared with other suites.
test.describe.configure({ timeout: 120_000 });

let backend: Backend;
let server: TestServer;
let printer: FakeThermalPrinter;

test.beforeEach(async () => {
  backend = pgliteBackend();
  server = await startTestServer(backend);
  await server.addAgency(AGENCY, 'UBND phường Hoàn Kiếm');
  const agency = await findAgencyByCode(server.sql, AGENCY);
  await upsertClerk(server.sql, { agencyId: agency!.id, username: 'lan', displayName: 'Nguyễn Thị Lan', passwordHash: await hashPassword('Lan@2026'), roles: ['clerk'] });
  await upsertClerk(server.sql, { agencyId: agency!.id, username: 'minh', displayName: 'Trần Văn Minh', passwordHash: await hashPassword('Minh@2026'), roles: ['clerk', 'supervisor'] });
  printer = await startFakeThermalPrinter();
});
test.afterEach(async () => {
  await printer.close();
  await server.close();
  await backend.dispose();
});

test('IT sets up and enrols the counter; the supervisor adds the network printer, sees it ready, previews and test-prints', async ({ page, request, desk }, testInfo) => {
  const settings = new SettingsPage(page);
  const signIn = new SignInPage(page);
  await page.goto(desk.url);
  await signIn.setupBanner.waitFor();
  await settings.open();
  await expect(settings.setupNote).toBeVisible();
  await expect(settings.readOnlyNote).toHaveCount(0);
  // Focus lands in the first field after Alt+5.
  await expect(settings.centreName).toBeFocused();

  // Keyboard only: type, Tab, and Enter saves. A wrong agency code is refused in Vietnamese; nothing typed is lost.
  await page.keyboard.type('Trung tâm Phục vụ hành chính công phường Hoàn Kiếm');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Quầy số 2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12.H12');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(settings.fieldError('settings-agencyCode')).toHaveText('Mã cơ quan phải có dạng NNN.NN.NN.XNN (chữ in hoa và số), ví dụ 000.00.12.H12.');
  await expect(settings.agencyCode).toBeFocused();
  await expect(settings.centreName).toHaveValue('Trung tâm Phục vụ hành chính công phường Hoàn Kiếm');
  await saveScreenshot(page, testInfo, 'settings-invalid-agency');
  await settings.retype(settings.agencyCode, AGENCY);
  await page.keyboard.press('Enter');
  await expect(settings.counterSaved).toHaveText('Đã lưu.');
  const stored = await call<{ counter: { centreName: string; counterName: string; agencyCode: string; slot: number } }>(request, desk, 'settings.get', {});
  expect(stored.counter).toEqual({ centreName: 'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm', counterName: 'Quầy số 2', agencyCode: AGENCY, slot: 2 });

  // Enrolment with the one-time code, from the screen.
  await expect(settings.enrolled).toHaveText('Chưa đăng ký');
  const { code } = await createEnrolmentCode(server.sql, { agencyCode: AGENCY, slot: 3, counterName: 'Quầy 3', now: new Date() });
  await settings.retype(settings.enrolServer, server.url);
  await page.keyboard.press('Tab');
  await page.keyboard.type(code);
  await expectAccessible(page, testInfo, 'settings-setup');
  await saveScreenshot(page, testInfo, 'settings-setup');
  await page.keyboard.press('Enter');

  // The clerk accounts come down with the enrolment: setup mode ends and the supervisor signs in.
  await expect(signIn.form).toBeVisible();
  await signIn.signIn('minh', 'Minh@2026');
  await expect(signIn.sessionClerk).toContainText('Trần Văn Minh');
  await settings.open();
  await expect(settings.readOnlyNote).toHaveCount(0);
  await expect(settings.setupNote).toHaveCount(0);
  await expect(settings.enrolled).toHaveAttribute('data-enrolled', 'true');
  await expect(settings.enrolled).toContainText('Đã đăng ký — mã quầy');
  // The server's answer named the counter and its slot.
  await expect(settings.counterName).toHaveValue('Quầy 3');
  await expect(settings.slot).toHaveValue('3');

  // A network printer, keyboard only: the button, the name (the id follows it), Tab to the host and port.
  await settings.pressOn(settings.addPrinter);
  await expect(settings.printerName).toBeFocused();
  await page.keyboard.type('Máy in quầy 3');
  await expect(settings.printerId).toHaveValue('may-in-quay-3');
  await settings.retype(settings.printerHost, printer.host);
  await settings.retype(settings.printerPort, String(printer.port));
  // The counter's first printer is offered as the default one.
  await expect(settings.printerDefault).toBeChecked();
  await settings.pressOn(settings.printerHost);
  await expect(settings.printerForm).toHaveCount(0);
  await expect(settings.printerState('may-in-quay-3')).toHaveAttribute('data-state', 'ready');
  await expect(settings.printerState('may-in-quay-3')).toHaveText('Sẵn sàng');
  await expect(settings.printerRow('may-in-quay-3')).toContainText('Mặc định');
  const listed = await call<{ printers: { id: string; connection: unknown; isDefault: boolean }[] }>(request, desk, 'printers.list', {});
  expect(listed.printers).toEqual([expect.objectContaining({ id: 'may-in-quay-3', connection: { kind: 'tcp', host: printer.host, port: printer.port }, isDefault: true })]);

  // The picture of what will print: a real PNG, 576 dots wide (80 mm), drawn by the core.
  await settings.pressOn(page.getByTestId('printer-preview-may-in-quay-3'));
  await expect(settings.previewImage).toBeVisible();
  const natural = await settings.previewImage.evaluate((image: HTMLImageElement) => ({ width: image.naturalWidth, height: image.naturalHeight, complete: image.complete }));
  expect(natural).toMatchObject({ width: 576, complete: true });
  expect(natural.height).toBeGreaterThan(500);
  await expect(page.getByTestId('printer-preview')).toContainText('Ảnh raster gửi tới máy in nhiệt (576 ×');

  // The test print reaches the printer: a raster the width of the paper.
  await settings.pressOn(page.getByTestId('printer-test-may-in-quay-3'));
  await expect(settings.printersNotice).toContainText('Đã gửi trang in thử tới Máy in quầy 3');
  await expect.poll(() => printer.jobs.filter((job) => job.length > 10_000).length).toBe(1);
  const job = printer.jobs.find((bytes) => bytes.length > 10_000)!;
  expect(decodeEscPos(job).raster?.widthDots).toBe(576);
  expect(decodeEscPos(job).raster?.heightDots).toBe(natural.height);

  // The calendar of this year, read-only.
  await expect(settings.calendarHours).toContainText('07:00–11:30, 13:30–17:00');
  await expect(settings.calendarDays.locator('tbody tr').first()).toBeVisible();

  // Page straightening and cropping: on by default; the supervisor turns cropping off, keyboard only.
  await expect(settings.scanningDeskew).toBeChecked();
  await expect(settings.scanningAutoCrop).toBeChecked();
  await expect(settings.scannersSection).toContainText('Chỉnh thẳng trang bị lệch');
  await settings.scanningAutoCrop.focus();
  await page.keyboard.press('Space');
  await expect(settings.scanningAutoCrop).not.toBeChecked();
  await settings.pressOn(settings.scanningSave);
  await expect(settings.scannersSection.getByRole('status')).toHaveText('Đã lưu.');
  expect(await call(request, desk, 'scanning.settings', {})).toMatchObject({ deskew: true, autoCrop: false });
  await settings.scannersSection.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'settings-scanning');

  // A network scanner that speaks eSCL only over HTTPS with a certificate it made itself: the supervisor sees its
  // fingerprint, compares it with the scanner's page and trusts it; the scanner is then reached over the pinned HTTPS.
  const device = selfSignedCertificate();
  const escl = await startEsclServer({ tls: device });
  try {
    await settings.esclName.fill('Máy quét tầng 2');
    await settings.esclUrl.fill(escl.url);
    await settings.pressOn(settings.esclAdd);
    await expect(settings.esclReview).toBeFocused();
    await expect(settings.esclFingerprint).toHaveText(device.sha256.toUpperCase().match(/.{4}/g)!.join(' '));
    await expect(settings.esclReview).toContainText('Chính máy quét (chứng chỉ tự ký)');
    await expect(settings.esclReview).toContainText('CN=HP LaserJet MFP M428 [A1B2C3], O=Test Scanner Maker');
    expect(escl.requests).toEqual([]); // a handshake only, until the supervisor decides
    await settings.esclReview.scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, 'settings-escl-certificate');
    await settings.pressOn(settings.esclTrust);
    await expect(settings.esclDone).toHaveText('Đã tin cậy chứng chỉ và lưu máy quét Máy quét tầng 2.');
    await expect(settings.esclReview).toHaveCount(0);
    expect(await call(request, desk, 'scanning.settings', {})).toMatchObject({ esclScanners: [{ id: 'may-quet-tang-2', name: 'Máy quét tầng 2', url: escl.url, certSha256: device.sha256 }] });
    await expect(settings.esclTable).toContainText('HTTPS, chứng chỉ đã tin cậy');
    await expect(settings.scannersTable).toContainText('escl:may-quet-tang-2'); // its capabilities, over the pinned connection
    expect(escl.requests).toContain('GET /eSCL/ScannerCapabilities');
    await saveScreenshot(page, testInfo, 'settings-escl-trusted');
  } finally {
    await escl.close();
  }

  await expectAccessible(page, testInfo, 'settings-supervisor');
  await saveScreenshot(page, testInfo, 'settings-supervisor');
});

test('a plain clerk sees the settings read-only with the reason; the core refuses a direct change; the language stays open', async ({ page, request, desk }, testInfo) => {
  const settings = new SettingsPage(page);
  const signIn = new SignInPage(page);
  await call(request, desk, 'printers.save', { id: 'quay-1', name: 'Máy in quầy 1', connection: { kind: 'tcp', host: printer.host, port: printer.port }, isDefault: true });
  const { code } = await createEnrolmentCode(server.sql, { agencyCode: AGENCY, slot: 1, counterName: 'Quầy số 1', now: new Date() });
  await call(request, desk, 'sync.enroll', { serverUrl: server.url, code, deviceName: 'pc-e2e' });
  await call(request, desk, 'sync.now', {});

  await page.goto(desk.url);
  await signIn.signIn('lan', 'Lan@2026');
  await expect(signIn.sessionClerk).toHaveText('Cán bộ: Nguyễn Thị Lan');
  await settings.open();
  await expect(settings.readOnlyNote).toHaveText(
    'Chỉ xem. Chỉ cán bộ có vai trò giám sát mới được thay đổi cài đặt của quầy. Bạn vẫn có thể xem, kiểm tra máy in, máy quét và đổi ngôn ngữ.',
  );
  // Enrolment named the centre after the agency.
  await expect(settings.centreName).toHaveValue('UBND phường Hoàn Kiếm');
  await expect(settings.centreName).toBeDisabled();
  await expect(settings.scanningRetention).toBeDisabled();
  await expect(settings.scanningDeskew).toBeDisabled();
  await expect(settings.counterSave).toHaveCount(0);
  await expect(settings.addPrinter).toHaveCount(0);
  await expect(settings.enrolCode).toHaveCount(0);
  // Looking is allowed: the printer's state and its preview.
  await expect(settings.printerState('quay-1')).toHaveAttribute('data-state', 'ready');
  await settings.pressOn(page.getByTestId('printer-preview-quay-1'));
  await expect(settings.previewImage).toBeVisible();
  await expectAccessible(page, testInfo, 'settings-read-only');
  await saveScreenshot(page, testInfo, 'settings-read-only');

  // The core enforces it whatever the screen shows: the session is Lan's.
  for (const [method, input] of [
    ['settings.update', { serverUrl: 'https://may-chu-khac.example' }],
    ['printers.save', { id: 'quay-1', name: 'Đổi tên', connection: { kind: 'tcp', host: '10.0.0.9' } }],
    ['scanning.updateSettings', { retentionDays: 1 }],
    ['scanning.updateSettings', { deskew: false }],
  ] as const) {
    const answer = await request.post(`${desk.url}/rpc/${method}`, { data: input });
    expect(await answer.json(), method).toMatchObject({ ok: false, error: { code: 'forbidden-role' } });
  }
  const after = await call<{ serverUrl: string; counter: { centreName: string } }>(request, desk, 'settings.get', {});
  expect(after.serverUrl).toBe(server.url);
  expect(after.counter.centreName).toBe('UBND phường Hoàn Kiếm');

  // The language is every clerk's: the switch on this screen, keyboard only.
  await page.getByTestId('settings-language').getByRole('button', { name: 'English', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(settings.readOnlyNote).toContainText('Only a clerk with the supervisor role may change the counter settings.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Counter settings');
  await saveScreenshot(page, testInfo, 'settings-read-only-en');
});
