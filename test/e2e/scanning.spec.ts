import fs from 'node:fs';
import { createCitizenFaker, toIdQrText } from '../harness/fake-citizens.ts';
import { makeTempDataDir, startDeskServe, type DeskServe } from '../harness/desk-serve.ts';
import { makeSaneTestConfig } from '../harness/sane-test-device.ts';
import { call, configureCounter, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { IntakePage } from './pages/intake-page.ts';

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

test('after receiving, the first paper is scanned from the feeder: pages counted, linked to the dossier', async ({ page, request }, testInfo) => {
  await configureCounter(request, desk);
  const citizen = citizens.next();
  const intake = new IntakePage(page);
  await intake.goto(desk.url);
  await intake.procedureInput.focus();
  await intake.chooseProcedure('dang ky tam tru', '1.004194');
  await intake.keys.scan(toIdQrText(citizen));
  await expect(intake.fullName).toHaveValue(citizen.fullName);
  await intake.openReview();
  await intake.receive();
  await expect(intake.result).toBeVisible();

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
