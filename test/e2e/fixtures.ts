import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { createEnrolmentCode } from '../../server/features/counters/service.ts';
import { startCentralFixture, TEST_AGENCY_CODE, type CentralFixture } from '../harness/central-fixture.ts';
import { startDeskServe, type DeskServe } from '../harness/desk-serve.ts';

type Fixtures = { desk: DeskServe; central: CentralFixture; consoleErrors: string[] };

/** A fresh `desk serve` per test, and any console error (CSP, React warning, exception) fails the test. */
export const test = base.extend<Fixtures>({
  // The page closes first: a socket dropped by the stopping host would otherwise log a console error.
  desk: async ({ page }, use) => {
    const desk = await startDeskServe();
    await use(desk);
    await page.close();
    await desk.stop();
  },
  // The reference central server (PGlite, in the test process) behind the fault proxy; started only by the
  // tests that ask for it. Name it before `desk` in the test's arguments: fixtures stop in reverse order, so
  // the desk then stops before the server it talks to.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none.
  central: async ({}, use) => {
    const central = await startCentralFixture();
    await use(central);
    await central.close();
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Calls the contract as another client would; fails the test on `ok: false`. */
export async function call<T = unknown>(request: APIRequestContext, desk: DeskServe, method: string, input: unknown): Promise<T> {
  // maxRetries: Playwright retries only ECONNRESET — a keep-alive socket the host closed after Node's 5 s
  // idle timeout just as the next call went out (seen after a few seconds of OCR between two calls).
  const answer = await request.post(`${desk.url}/rpc/${method}`, { data: input, maxRetries: 1 });
  const body = (await answer.json()) as { ok: boolean; value?: T; error?: unknown };
  expect(body, `${method} answered`).toMatchObject({ ok: true });
  return body.value as T;
}

/**
 * What IT does with a new counter PC: a one-time code from the central server's admin, typed into `sync.enroll`
 * with the server address — here the fault proxy's, so the test can cut the line. The counter takes its agency
 * code, names and slot from the server's answer.
 */
export async function enrolDesk(request: APIRequestContext, desk: DeskServe, central: CentralFixture, slot = 1): Promise<void> {
  const { code } = await createEnrolmentCode(central.server.sql, { agencyCode: TEST_AGENCY_CODE, slot, counterName: `Quầy số ${slot}`, now: new Date() });
  await call(request, desk, 'sync.enroll', { serverUrl: central.proxy.url, code, deviceName: `pc-e2e-${slot}` });
}

/** What IT sets before a counter can issue dossier codes. */
export async function configureCounter(request: APIRequestContext, desk: DeskServe): Promise<void> {
  await call(request, desk, 'settings.update', {
    counter: { centreName: 'Trung tâm Phục vụ hành chính công phường Hoàn Kiếm', counterName: 'Quầy số 2', agencyCode: '000.00.12.H12', slot: 1 },
  });
}

export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** axe-core on the page as it is now: no serious or critical WCAG 2.1 A/AA violation; the report is attached. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  await testInfo.attach(`axe-${name}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${name}`).toEqual([]);
}
