import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';
import { startDeskServe, type DeskServe } from '../harness/desk-serve.ts';

type Fixtures = { desk: DeskServe; consoleErrors: string[] };

/** A fresh `desk serve` per test, and any console error (CSP, React warning, exception) fails the test. */
export const test = base.extend<Fixtures>({
  // The page closes first: a socket dropped by the stopping host would otherwise log a console error.
  desk: async ({ page }, use) => {
    const desk = await startDeskServe();
    await use(desk);
    await page.close();
    await desk.stop();
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
  const answer = await request.post(`${desk.url}/rpc/${method}`, { data: input });
  const body = (await answer.json()) as { ok: boolean; value?: T; error?: unknown };
  expect(body, `${method} answered`).toMatchObject({ ok: true });
  return body.value as T;
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
