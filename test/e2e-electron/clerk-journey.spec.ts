import { expect } from '@playwright/test';
import { findAgencyByCode } from '../../server/features/agencies/repo.ts';
import { hashPassword } from '../../server/features/clerks/password.ts';
import { upsertClerk } from '../../server/features/clerks/repo.ts';
import { createEnrolmentCode } from '../../server/features/counters/service.ts';
import { startCentralFixture, TEST_AGENCY_CODE } from '../harness/central-fixture.ts';
import { createCitizenFaker, toIdQrText } from '../harness/fake-citizens.ts';
import { AppShellPage } from '../e2e/pages/app-shell-page.ts';
import { ClerkKeys } from '../e2e/pages/clerk-keys.ts';
import { IntakePage } from '../e2e/pages/intake-page.ts';
import { PaymentPage } from '../e2e/pages/payment-page.ts';
import { SignInPage } from '../e2e/pages/sign-in-page.ts';
import { electronTest, invokeBridge, skipWithoutElectron } from './electron-app.ts';

// The browser journey (test/e2e/clerk-journey.spec.ts) in the packaged shape: the same page objects on the
// Electron window, the core behind the preload bridge. Sign-in with an account pulled from the reference
// central server, then a keyboard-only intake whose dossier reaches that server. Skipped, with the reason,
// where the Electron binary is missing.

const TAM_TRU = '1.004194';
const CLERK = { username: 'lan', password: 'Lan@2026', displayName: 'Nguyễn Thị Lan' } as const;

electronTest.describe('Electron: the clerk journey with the browser suite page objects', () => {
  skipWithoutElectron();
  electronTest.setTimeout(120_000);

  electronTest('sign in by keyboard, then receive a dossier from a scanned ID card; the server gets it', async ({ launch }, testInfo) => {
    const central = await startCentralFixture();
    try {
      const agency = await findAgencyByCode(central.server.sql, TEST_AGENCY_CODE);
      if (!agency) throw new Error('the central fixture has no agency');
      await upsertClerk(central.server.sql, { agencyId: agency.id, username: CLERK.username, displayName: CLERK.displayName, passwordHash: await hashPassword(CLERK.password), roles: ['clerk'] });
      const { page } = await launch();

      // IT enrols the new counter PC (setup mode: no account on it yet); the accounts come down with the pull.
      const { code } = await createEnrolmentCode(central.server.sql, { agencyCode: TEST_AGENCY_CODE, slot: 1, counterName: 'Quầy số 1', now: new Date() });
      await invokeBridge(page, 'sync.enroll', { serverUrl: central.proxy.url, code, deviceName: 'pc-electron-1' });
      await invokeBridge(page, 'sync.now', {});

      const signIn = new SignInPage(page);
      const shell = new AppShellPage(page);
      const intake = new IntakePage(page);
      const payment = new PaymentPage(page, intake.keys);
      await expect(signIn.form).toBeVisible();
      await signIn.signInByKeyboard(new ClerkKeys(page), CLERK.username, CLERK.password);
      await expect(signIn.sessionClerk).toHaveText(`Cán bộ: ${CLERK.displayName}`);

      const citizen = createCitizenFaker('clerk-journey-electron').next();
      await shell.openByKeyboard('intake', intake.keys);
      await expect(intake.procedureInput).toBeFocused();
      await intake.chooseProcedure('dang ky tam tru', TAM_TRU);
      await intake.keys.scan(toIdQrText(citizen));
      await expect(intake.fullName).toHaveValue(citizen.fullName);
      await intake.openReview();
      await intake.receive();
      await expect(intake.resultCode).toHaveText(/^000\.00\.12\.H12-\d{6}-\d{4}$/);
      // No fees are set up on this counter: Esc, the citizen pays later; "next" then has the focus.
      await payment.ready();
      await payment.later();
      await expect(intake.next).toBeFocused();
      const shot = testInfo.outputPath('electron-intake-result.png');
      await intake.screenshot(shot);
      await testInfo.attach('electron-intake-result', { path: shot, contentType: 'image/png' });

      const received = (await intake.resultCode.textContent()) ?? '';
      await expect
        .poll(() => central.server.sql.query<{ code: string }>('SELECT code FROM dossiers'), { message: 'the central server holds the dossier' })
        .toEqual([{ code: received }]);
    } finally {
      await central.close();
    }
  });
});
