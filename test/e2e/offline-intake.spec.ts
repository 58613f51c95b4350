import fs from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { decodedToPng, decodeEscPos } from '../harness/escpos-decoder.ts';
import { createCitizenFaker, toIdQrText, type FakeCitizen } from '../harness/fake-citizens.ts';
import { startFakeThermalPrinter, type FakeThermalPrinter } from '../harness/fake-thermal-printer.ts';
import { call, enrolDesk, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { HomePage } from './pages/home-page.ts';
import { IntakePage } from './pages/intake-page.ts';

// Issue 8, end to end in a real browser: a counter enrolled against the reference central server (through the
// fault proxy) keeps receiving dossiers and printing slips while the line is down, Home says so, and once the
// line is back the queue drains and the server holds every dossier exactly once.

const TAM_TRU = '1.004194';
const citizens = createCitizenFaker('offline-intake-e2e');

test.use({ viewport: { width: 1366, height: 768 } });
// Three intakes, an outage and a drain against a real server: more than the default 30 s.
test.setTimeout(120_000);

/** Slips the fake printer received: status checks (Home's, the queue's) open connections that print nothing. */
function slips(printer: FakeThermalPrinter): Buffer[] {
  return printer.jobs.filter((job) => job.length > 0);
}

/** A whole intake by keyboard, from the intake screen's empty form to the result; answers the dossier code. */
async function receiveByKeyboard(intake: IntakePage, citizen: FakeCitizen): Promise<string> {
  await expect(intake.procedureInput).toBeFocused();
  await intake.chooseProcedure('dang ky tam tru', TAM_TRU);
  await intake.keys.scan(toIdQrText(citizen));
  await expect(intake.fullName).toHaveValue(citizen.fullName);
  await intake.openReview();
  await intake.receive();
  // A procedure with fees may first ask for payment: Esc, "thu sau" (the citizen pays later); the dossier
  // is received either way and its slip printed.
  const feeStep = intake.page.getByTestId('fee-step');
  await expect(intake.result.or(feeStep).first()).toBeVisible();
  if (await feeStep.isVisible()) {
    await expect(feeStep).not.toHaveAttribute('data-state', 'loading');
    await intake.keys.press('Escape');
  }
  await expect(intake.resultCode).toHaveText(/^000\.00\.12\.H12-\d{6}-\d{4}$/);
  return (await intake.resultCode.textContent()) ?? '';
}

async function attachSlip(testInfo: TestInfo, slip: Buffer, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  fs.writeFileSync(file, decodedToPng(decodeEscPos(slip)));
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

async function nextIntake(page: Page, intake: IntakePage): Promise<void> {
  // Enter on the result: a fresh form, the focus in the procedure search.
  await expect(intake.next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(intake.procedureInput).toBeFocused();
}

test('offline intake: slips still print, Home shows the queue, and the server gets every dossier once', async ({ central, desk, page, request }, testInfo) => {
  const printer = await startFakeThermalPrinter();
  try {
    await enrolDesk(request, desk, central);
    await call(request, desk, 'printers.save', {
      id: 'quay-1-bien-nhan',
      name: 'Máy in biên nhận quầy 1',
      connection: { kind: 'tcp', host: printer.host, port: printer.port },
      isDefault: true,
    });
    const home = new HomePage(page);
    const shell = new AppShellPage(page);
    const intake = new IntakePage(page);

    // Enrolled and online, nothing waiting; the slip printer answers "ready".
    await home.goto(desk.url);
    await expect(home.connectionState).toHaveAttribute('data-state', 'online');
    await expect(home.pendingCount).toHaveAttribute('data-value', '0');
    await expect(home.printerState).toHaveAttribute('data-state', 'ready');
    await expect(home.printerState).toHaveText('Sẵn sàng');
    await saveScreenshot(page, testInfo, '1-home-online');
    await expectAccessible(page, testInfo, 'home-online');

    // 1. Online: one dossier; the slip prints; the queue drains.
    await shell.openByKeyboard('intake', intake.keys);
    const codes = [await receiveByKeyboard(intake, citizens.next())];
    await expect.poll(() => slips(printer).length, { message: 'the first slip reached the printer' }).toBe(1);
    await saveScreenshot(page, testInfo, '2-intake-online-result');
    await shell.openByKeyboard('home');
    await expect(home.pendingCount).toHaveAttribute('data-value', '0');
    await expect(home.connectionState).toHaveAttribute('data-state', 'online');
    await expect.poll(async () => (await central.server.sql.query('SELECT id FROM dossiers')).length, { message: 'the server has the first dossier' }).toBe(1);

    // 2. The line to the central server goes down; two more dossiers by keyboard, each slip still prints.
    await central.proxy.down();
    // Back on the intake screen, the last result is still shown: Enter for the next one.
    await shell.openByKeyboard('intake', intake.keys);
    await nextIntake(page, intake);
    codes.push(await receiveByKeyboard(intake, citizens.next()));
    await expect.poll(() => slips(printer).length, { message: 'the second slip printed offline' }).toBe(2);
    await nextIntake(page, intake);
    codes.push(await receiveByKeyboard(intake, citizens.next()));
    await expect.poll(() => slips(printer).length, { message: 'the third slip printed offline' }).toBe(3);
    await saveScreenshot(page, testInfo, '3-intake-offline-result');
    await attachSlip(testInfo, slips(printer)[2] ?? Buffer.alloc(0), '3-slip-printed-offline');
    expect(new Set(codes).size, 'three distinct dossier codes').toBe(3);
    // Each slip is a picture (Vietnamese drawn with the bundled font), cut at the end: a whole slip, not a stub.
    for (const slip of slips(printer)) {
      const decoded = decodeEscPos(slip);
      expect(decoded.raster?.heightDots ?? 0, 'a slip long enough to hold form 01').toBeGreaterThan(1000);
      expect(decoded.commands.some((command) => command.kind === 'cut')).toBe(true);
    }

    // Home: offline, two waiting.
    await shell.openByKeyboard('home');
    await expect(home.connectionState).toHaveAttribute('data-state', 'offline');
    await expect(home.connectionState).toHaveText('Mất kết nối');
    await expect(home.pendingCount).toHaveAttribute('data-value', '2');
    await expect(home.printerState).toHaveAttribute('data-state', 'ready');
    await saveScreenshot(page, testInfo, '4-home-offline-two-waiting');
    await expectAccessible(page, testInfo, 'home-offline');

    // 3. The line comes back: the worker's backoff (at most ~10 s after so few attempts, and its 30 s timer
    // in any case) finds the server and drains; nobody presses anything.
    await central.proxy.up();
    await expect(home.pendingCount).toHaveAttribute('data-value', '0', { timeout: 40_000 });
    await expect(home.connectionState).toHaveAttribute('data-state', 'online');
    await expect(home.connectionState).toHaveText('Trực tuyến');
    await saveScreenshot(page, testInfo, '5-home-online-drained');

    // The server holds the three dossiers, each exactly once, with the codes printed on the slips.
    const held = await central.server.sql.query<{ code: string }>('SELECT code FROM dossiers ORDER BY code');
    expect(held.map((row) => row.code)).toEqual([...codes].sort());

    // The roll runs out: "Check again" (Home itself asks only every 30 s) shows it with what to do.
    printer.setBehaviour({ paperOut: true });
    await home.refreshDevices();
    await expect(home.printerState).toHaveAttribute('data-state', 'paper-out');
    await expect(home.printerState).toHaveText('Hết giấy');
    await expect(page.getByTestId('printer-hint')).toContainText('Lắp cuộn giấy mới');
    await saveScreenshot(page, testInfo, '6-home-printer-paper-out');

    // The slip printer is switched off: Home says it cannot be reached, in either language.
    await printer.close();
    await home.refreshDevices();
    await expect(home.printerState).toHaveAttribute('data-state', 'unreachable');
    await expect(home.printerState).toHaveText('Không kết nối được');
    await saveScreenshot(page, testInfo, '7-home-printer-unreachable');
    await expectAccessible(page, testInfo, 'home-printer-unreachable');
    await home.switchLanguage('en');
    await expect(home.printerState).toHaveText('Cannot be reached');
    await expect(page.getByTestId('printer-hint')).toContainText('power and network cable');
    await saveScreenshot(page, testInfo, '8-home-en-printer-unreachable');
  } finally {
    await printer.close();
  }
});
