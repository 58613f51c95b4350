import { defineConfig } from '@playwright/test';

/** Chromium from Debian; never `npx playwright install` (no downloads on our machines). */
const CHROMIUM_PATH = '/usr/bin/chromium';
/** Without the network flags Chromium floods a closed network with update and sync requests. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Default export: Playwright loads this file by convention (eslint.config.js allows it for config files).
export default defineConfig({
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    {
      // The UI served by the Node host (`desk serve`), each test with its own data folder.
      name: 'web',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
    {
      // The packaged shape: Electron launched by the specs themselves (_electron.launch), same page objects.
      name: 'electron',
      testDir: 'test/e2e-electron',
    },
  ],
});
