import { hashPassword } from '../../server/features/clerks/password.ts';
import { upsertClerk } from '../../server/features/clerks/repo.ts';
import { findAgencyByCode } from '../../server/features/agencies/repo.ts';
import { createEnrolmentCode } from '../../server/features/counters/service.ts';
import { pgliteBackend, type Backend } from '../../server/testing/backends.ts';
import { startTestServer, type TestServer } from '../../server/testing/harness.ts';
import { call, expect, expectAccessible, saveScreenshot, test } from './fixtures.ts';
import { SignInPage } from './pages/sign-in-page.ts';

// The counter (desk serve) enrols with a real central server (PGlite) holding two clerk accounts, pulls
// them, and from then on asks for sign-in; everything after the pull is verified offline on the counter.
const AGENCY = '000.00.12.H12';

let backend: Backend;
let server: TestServer;

test.beforeEach(async () => {
  backend = pgliteBackend();
  server = await startTestServer(backend);
  await server.addAgency(AGENCY, 'UBND phường Hoàn Kiếm');
  const agency = await findAgencyByCode(server.sql, AGENCY);
  await upsertClerk(server.sql, { agencyId: agency!.id, username: 'lan', displayName: 'Nguyễn Thị Lan', passwordHash: await hashPassword('Lan@2026'), roles: ['clerk'] });
  await upsertClerk(server.sql, { agencyId: agency!.id, username: 'minh', displayName: 'Trần Văn Minh', passwordHash: await hashPassword('Minh@2026'), roles: ['clerk', 'supervisor'] });
});
test.afterEach(async () => {
  await server.close();
  await backend.dispose();
});

test('setup mode, then sign-in after the accounts arrive: wrong password, lock by Alt+L, unlock, sign out', async ({ page, request, desk }, testInfo) => {
  const signIn = new SignInPage(page);
  await page.goto(desk.url);
  await expect(signIn.setupBanner).toContainText('Chế độ thiết lập');
  await saveScreenshot(page, testInfo, 'setup-mode');

  const { code } = await createEnrolmentCode(server.sql, { agencyCode: AGENCY, slot: 1, counterName: 'Quầy 1', now: new Date() });
  await call(request, desk, 'sync.enroll', { serverUrl: server.url, code, deviceName: 'pc-e2e' });
  await call(request, desk, 'sync.now', {});
  // auth.changed reaches the page: the app gives way to the sign-in screen.
  await expect(signIn.form).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đăng nhập');
  await expectAccessible(page, testInfo, 'sign-in');

  await signIn.signIn('lan', 'sai-mat-khau');
  await expect(signIn.passwordError).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(signIn.passwordError).toContainText('Còn 4 lần thử');
  await saveScreenshot(page, testInfo, 'sign-in-wrong-password');

  await signIn.signIn('lan', 'Lan@2026');
  await expect(signIn.sessionClerk).toHaveText('Cán bộ: Nguyễn Thị Lan');
  await expect(signIn.setupBanner).toHaveCount(0);
  await expectAccessible(page, testInfo, 'signed-in');

  await signIn.lockByKeyboard();
  await expect(signIn.lockClerk).toHaveText('Đang đăng nhập: Nguyễn Thị Lan');
  await expect(page.getByRole('navigation')).toBeHidden();
  await expectAccessible(page, testInfo, 'lock-screen');
  await saveScreenshot(page, testInfo, 'lock-screen');
  await signIn.unlock('sai');
  await expect(signIn.lockError).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await signIn.unlock('Lan@2026');
  await expect(signIn.sessionClerk).toBeVisible();

  await signIn.signOut();
  await expect(signIn.username).toBeFocused();
});

test('idle minutes lock the session; "Đăng nhập người khác" lets another clerk in; English errors', async ({ page, request, desk }, testInfo) => {
  const signIn = new SignInPage(page);
  const { code } = await createEnrolmentCode(server.sql, { agencyCode: AGENCY, slot: 1, counterName: 'Quầy 1', now: new Date() });
  await call(request, desk, 'sync.enroll', { serverUrl: server.url, code, deviceName: 'pc-e2e' });
  await call(request, desk, 'sync.now', {});
  // 0.05 minutes = 3 s without keyboard or mouse: a supervisor's setting once the accounts are here.
  await call(request, desk, 'auth.signIn', { username: 'minh', password: 'Minh@2026' });
  await call(request, desk, 'settings.update', { idleLockMinutes: 0.05 });
  await call(request, desk, 'auth.signOut', {});
  await page.goto(desk.url);

  await signIn.signIn('lan', 'Lan@2026');
  await expect(signIn.sessionClerk).toBeVisible();
  await expect(signIn.lockScreen).toBeVisible({ timeout: 10_000 });
  await expect(signIn.lockClerk).toContainText('Nguyễn Thị Lan');
  await saveScreenshot(page, testInfo, 'idle-lock');

  await signIn.switchUser();
  await page.getByTestId('language-switch').getByRole('button', { name: 'English', exact: true }).click();
  await signIn.signIn('minh', 'wrong');
  await expect(signIn.passwordError).toContainText('The username or password is wrong.');
  await signIn.signIn('minh', 'Minh@2026');
  await expect(signIn.sessionClerk).toHaveText('Clerk: Trần Văn Minh (supervisor)');
});
