import type { Locator, Page } from '@playwright/test';

export type UiLanguage = 'vi' | 'en';

const LANGUAGE_BUTTON_NAME: Readonly<Record<UiLanguage, string>> = { vi: 'Tiếng Việt', en: 'English' };

/**
 * The counter's home screen. Works on any Playwright Page: a browser page on `desk serve` or an Electron
 * window (`electronApp.firstWindow()`); it never navigates on its own except in `goto`.
 */
export class HomePage {
  readonly page: Page;
  readonly root: Locator;
  readonly title: Locator;
  readonly centreName: Locator;
  readonly counterName: Locator;
  readonly counterCode: Locator;
  /** Its `data-state` attribute is the contract's ConnectionState. */
  readonly connectionState: Locator;
  readonly lastError: Locator;
  /** Text is the formatted count; `data-value` the raw number (empty while unknown). */
  readonly pendingCount: Locator;
  readonly deadLetterCount: Locator;
  readonly storageBanner: Locator;
  readonly storageBannerReason: Locator;
  readonly storageBannerCode: Locator;
  readonly languageSwitch: Locator;
  readonly appVersion: Locator;
  readonly dataFile: Locator;
  /** The default slip printer: `data-state` is printers.status's state, or `not-set-up`. */
  readonly printerState: Locator;
  /** `data-state`: present, unavailable or not-set-up. */
  readonly scannerState: Locator;
  readonly devicesRefresh: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('home-screen');
    this.title = page.getByRole('heading', { level: 1 });
    this.centreName = page.getByTestId('centre-name');
    this.counterName = page.getByTestId('counter-name');
    this.counterCode = page.getByTestId('counter-code');
    this.connectionState = page.getByTestId('connection-state');
    this.lastError = page.getByTestId('sync-last-error');
    this.pendingCount = page.getByTestId('outbox-pending');
    this.deadLetterCount = page.getByTestId('outbox-dead-letters');
    this.storageBanner = page.getByTestId('storage-banner');
    this.storageBannerReason = page.getByTestId('storage-banner-reason');
    this.storageBannerCode = page.getByTestId('storage-banner-code');
    this.languageSwitch = page.getByTestId('language-switch');
    this.appVersion = page.getByTestId('app-version');
    this.dataFile = page.getByTestId('data-file');
    this.printerState = page.getByTestId('printer-state');
    this.scannerState = page.getByTestId('scanner-state');
    this.devicesRefresh = page.getByTestId('devices-refresh');
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.root.waitFor();
  }

  languageButton(language: UiLanguage): Locator {
    return this.languageSwitch.getByRole('button', { name: LANGUAGE_BUTTON_NAME[language], exact: true });
  }

  /** Clicks the language's button and waits until the page says it is in that language. */
  async switchLanguage(language: UiLanguage): Promise<void> {
    await this.languageButton(language).click();
    await this.page.locator(`html[lang="${language}"]`).waitFor();
  }

  /** "Kiểm tra lại" by keyboard: focus the button, Enter (Home polls the printer only every 30 s). */
  async refreshDevices(): Promise<void> {
    await this.devicesRefresh.focus();
    await this.page.keyboard.press('Enter');
  }

  /** The raw pending count, or null while it is unknown (loading, or storage unavailable). */
  async pending(): Promise<number | null> {
    const value = await this.pendingCount.getAttribute('data-value');
    return value === null || value === '' ? null : Number(value);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: true });
  }
}
