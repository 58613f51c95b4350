import type { Locator, Page } from '@playwright/test';
import type { ClerkKeys } from './clerk-keys.ts';

export type ScreenKey = 'home' | 'intake' | 'dossiers' | 'reports';
const SHORTCUT: Readonly<Record<ScreenKey, string>> = { home: 'Alt+1', intake: 'Alt+2', dossiers: 'Alt+3', reports: 'Alt+4' };

/** The header and navigation around every screen (any Page: browser or Electron window). */
export class AppShellPage {
  readonly page: Page;
  readonly nav: Locator;
  readonly languageSwitch: Locator;

  constructor(page: Page) {
    this.page = page;
    this.nav = page.getByRole('navigation');
    this.languageSwitch = page.getByTestId('language-switch');
  }

  navLink(screen: ScreenKey): Locator {
    return this.page.getByTestId(`nav-${screen}`);
  }

  /** Goes to a screen with its keyboard shortcut (counted when `keys` is given). */
  async openByKeyboard(screen: ScreenKey, keys?: ClerkKeys): Promise<void> {
    if (keys) await keys.press(SHORTCUT[screen]);
    else await this.page.keyboard.press(SHORTCUT[screen]);
    await this.navLink(screen).and(this.page.locator('[aria-current="page"]')).waitFor();
  }

  async switchLanguage(language: 'vi' | 'en'): Promise<void> {
    await this.languageSwitch.getByRole('button', { name: language === 'vi' ? 'Tiếng Việt' : 'English', exact: true }).click();
    await this.page.locator(`html[lang="${language}"]`).waitFor();
  }
}
