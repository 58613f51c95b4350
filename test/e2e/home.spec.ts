import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import Database from 'better-sqlite3';
import { insertOutboxJob } from '../../core/features/sync/outbox-repo.ts';
import { describeError } from '../../shared/contract/errors.ts';
import { makeTempDataDir, startDeskServe, type DeskServe } from '../harness/desk-serve.ts';
import { expect, test as base } from './fixtures.ts';
import { HomePage } from './pages/home-page.ts';

/** The shared per-test host and console-error check (fixtures.ts), plus the home page object. */
const test = base.extend<{ home: HomePage }>({
  home: async ({ page }, use) => {
    await use(new HomePage(page));
  },
});

async function saveScreenshot(home: HomePage, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await home.screenshot(file);
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Resolves once the page has asked the host for `event` over the /events socket. */
async function subscribedTo(page: Page, event: string): Promise<void> {
  const socket = await page.waitForEvent('websocket', (ws) => ws.url().endsWith('/events'));
  await socket.waitForEvent('framesent', (frame) => String(frame.payload).includes(`"${event}"`));
}

/** Writes outbox jobs as another process would (`desk call`, a second window): the host sees the commit. */
function addOutboxJobs(databaseFile: string, count: number): void {
  const db = new Database(databaseFile);
  try {
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      for (let index = 0; index < count; index += 1) {
        insertOutboxJob(db, {
          id: crypto.randomUUID(),
          kind: 'e2e.probe',
          aggregateId: `e2e-${index}`,
          payload: { note: 'added by home.spec.ts' },
          createdAt: new Date().toISOString(),
        });
      }
    })();
  } finally {
    db.close();
  }
}

/** Dead-letters the oldest job, as the sync worker does after a 400/422 (no repository function for it yet). */
function markOneJobDead(databaseFile: string): void {
  const db = new Database(databaseFile);
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `UPDATE outbox SET dead_at = ?, last_error = 'HTTP 422 from e2e'
       WHERE id = (SELECT id FROM outbox WHERE dead_at IS NULL ORDER BY created_at LIMIT 1)`,
    ).run(new Date().toISOString());
  } finally {
    db.close();
  }
}

type FakeCentralServer = { url: string; answer: number; close(): Promise<void> };

/** Answers the host's health probe (`GET /api/v1/health`) with `answer`. */
async function startFakeCentralServer(): Promise<FakeCentralServer> {
  const central: FakeCentralServer = { url: '', answer: 200, close: () => Promise.resolve() };
  const server = http.createServer((_request, response) => {
    response.writeHead(central.answer, { 'Content-Type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  central.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  central.close = () => new Promise((resolve) => server.close(() => resolve()));
  return central;
}

/** An address where nothing listens (connection refused), like a central server that is down. */
async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

async function setServerUrl(request: APIRequestContext, desk: DeskServe, serverUrl: string): Promise<void> {
  const answer = await request.post(`${desk.url}/rpc/settings.update`, { data: { serverUrl } });
  expect(await answer.json()).toMatchObject({ ok: true });
}

test('the home screen renders in Vietnamese', async ({ desk, home, page }, testInfo) => {
  await home.goto(desk.url);

  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(home.title).toHaveText('Quầy tiếp nhận');
  await expect(page).toHaveTitle(/Quầy tiếp nhận/);
  await expect(home.languageButton('vi')).toHaveAttribute('aria-pressed', 'true');
  await expect(home.centreName).toHaveText('Chưa đặt');
  await expect(home.counterName).toHaveText('Chưa đặt');
  await expect(home.counterCode).toHaveText('Chưa đăng ký với máy chủ trung tâm');
  await expect(home.connectionState).toHaveAttribute('data-state', 'not-configured');
  await expect(home.connectionState).toHaveText('Chưa cấu hình máy chủ');
  await expect(home.pendingCount).toHaveAttribute('data-value', '0');
  await expect(home.deadLetterCount).toHaveAttribute('data-value', '0');
  await expect(home.storageBanner).toHaveCount(0);
  await expect(home.appVersion).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(home.dataFile).toHaveText(desk.databaseFile);
  await saveScreenshot(home, testInfo, 'home-vi-new-counter');
});

test('the centre and counter names appear as soon as they are set', async ({ desk, home, request }, testInfo) => {
  await home.goto(desk.url);
  await expect(home.centreName).toHaveText('Chưa đặt');

  // Another client (IT's `desk call`) sets the names; settings.changed brings them to the screen.
  const answer = await request.post(`${desk.url}/rpc/settings.update`, {
    data: { counter: { centreName: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh', counterName: 'Quầy số 3 – Lĩnh vực Tư pháp' } },
  });
  expect(await answer.json()).toMatchObject({ ok: true });
  await expect(home.centreName).toHaveText('Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh');
  await expect(home.counterName).toHaveText('Quầy số 3 – Lĩnh vực Tư pháp');
  await saveScreenshot(home, testInfo, 'home-vi-named-counter');
});

test('the outbox depth follows jobs added by another process, live', async ({ desk, home, page }, testInfo) => {
  const subscribed = subscribedTo(page, 'sync.stateChanged');
  await home.goto(desk.url);
  await subscribed;
  await expect(home.pendingCount).toHaveAttribute('data-value', '0');

  addOutboxJobs(desk.databaseFile, 1);
  await expect(home.pendingCount).toHaveAttribute('data-value', '1');
  await expect(home.pendingCount).toHaveText('1');

  addOutboxJobs(desk.databaseFile, 2);
  await expect(home.pendingCount).toHaveAttribute('data-value', '3');
  expect(await home.pending()).toBe(3);

  markOneJobDead(desk.databaseFile);
  await expect(home.pendingCount).toHaveAttribute('data-value', '2');
  await expect(home.deadLetterCount).toHaveAttribute('data-value', '1');
  await expect(page.getByText('Cần bộ phận CNTT kiểm tra.')).toBeVisible();
  await saveScreenshot(home, testInfo, 'home-vi-outbox-dead-letter');
});

test('the connection state and its last error follow the central server', async ({ desk, home, request }, testInfo) => {
  const central = await startFakeCentralServer();
  try {
    await home.goto(desk.url);
    await expect(home.connectionState).toHaveAttribute('data-state', 'not-configured');

    // Setting an address makes the host probe it at once (settings.changed), then sync.stateChanged follows.
    await setServerUrl(request, desk, central.url);
    await expect(home.connectionState).toHaveAttribute('data-state', 'online');
    await expect(home.connectionState).toHaveText('Trực tuyến');
    await expect(home.lastError).toHaveCount(0);

    central.answer = 401;
    await setServerUrl(request, desk, `${central.url}/other`);
    await expect(home.connectionState).toHaveAttribute('data-state', 'paused');
    await expect(home.connectionState).toHaveText('Tạm dừng đồng bộ');
    await expect(home.lastError).toContainText('Máy chủ trung tâm từ chối chứng thực của quầy.');
    await expect(home.lastError).toContainText('401');

    await setServerUrl(request, desk, await closedPortUrl());
    await expect(home.connectionState).toHaveAttribute('data-state', 'offline');
    await expect(home.connectionState).toHaveText('Mất kết nối');
    await expect(home.lastError).toContainText('Lỗi gần nhất: Không kết nối được tới máy chủ trung tâm.');
    await saveScreenshot(home, testInfo, 'home-vi-offline');
  } finally {
    await central.close();
  }
});

test('the language switch works by keyboard and persists across reload', async ({ desk, home, page, request }, testInfo) => {
  await home.goto(desk.url);
  await expect(home.title).toHaveText('Quầy tiếp nhận');

  // The switch is the first thing Tab reaches: Tiếng Việt, then English.
  await page.keyboard.press('Tab');
  await expect(home.languageButton('vi')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(home.languageButton('en')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(home.title).toHaveText('Reception counter');
  await expect(home.languageButton('en')).toHaveAttribute('aria-pressed', 'true');
  await expect(home.centreName).toHaveText('Not set yet');
  await expect(home.connectionState).toHaveText('No server configured');
  await saveScreenshot(home, testInfo, 'home-en');

  await page.reload();
  await expect(home.title).toHaveText('Reception counter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // A change made elsewhere arrives through settings.changed.
  const answer = await request.post(`${desk.url}/rpc/settings.update`, { data: { language: 'vi' } });
  expect(await answer.json()).toMatchObject({ ok: true, value: { language: 'vi' } });
  await expect(home.title).toHaveText('Quầy tiếp nhận');

  await home.switchLanguage('en');
  await home.switchLanguage('vi');
  await expect(home.title).toHaveText('Quầy tiếp nhận');
});

test('a damaged data file: the Vietnamese banner shows and the file is left byte-identical', async ({ home, page }, testInfo) => {
  const dataDir = makeTempDataDir();
  const databaseFile = path.join(dataDir, 'profiles', 'default.sqlite');
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const garbage = Buffer.concat([Buffer.from('Đây không phải tệp SQLite / not an SQLite file\n'), crypto.randomBytes(8 * 1024)]);
  fs.writeFileSync(databaseFile, garbage);

  const desk = await startDeskServe({ dataDir });
  try {
    await home.goto(desk.url);
    await expect(home.storageBanner).toBeVisible();
    await expect(home.storageBanner).toHaveAttribute('role', 'alert');
    await expect(home.storageBannerReason).toHaveText(describeError('db-corrupt', 'vi'));
    await expect(home.storageBanner).toContainText('không bị mất');
    await expect(home.storageBanner).toContainText('gọi ngay bộ phận CNTT');
    await expect(home.storageBannerCode).toHaveText('db-corrupt');
    // Counts are unknown, not zero.
    await expect(home.pendingCount).toHaveAttribute('data-value', '');
    await expect(home.dataFile).toHaveText(databaseFile);
    await saveScreenshot(home, testInfo, 'home-vi-storage-unavailable');

    await home.switchLanguage('en');
    await expect(home.storageBannerReason).toHaveText(describeError('db-corrupt', 'en'));
    await saveScreenshot(home, testInfo, 'home-en-storage-unavailable');
    // Close the page first: a socket dropped by the stopping host would log a console error.
    await page.close();
  } finally {
    await desk.stop();
  }
  try {
    expect(fs.readFileSync(databaseFile).equals(garbage), 'the damaged file is untouched').toBe(true);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
