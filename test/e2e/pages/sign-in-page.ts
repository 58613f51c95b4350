import type { Locator, Page } from '@playwright/test';
import type { ClerkKeys } from './clerk-keys.ts';

/** The sign-in screen, the lock screen and the session bar (any Page: browser or Electron window). */
export class SignInPage {
  readonly page: Page;
  readonly form: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly passwordError: Locator;
  readonly lockScreen: Locator;
  readonly lockClerk: Locator;
  readonly lockPassword: Locator;
  readonly lockError: Locator;
  readonly sessionBar: Locator;
  readonly sessionClerk: Locator;
  readonly setupBanner: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.getByTestId('sign-in');
    this.username = page.locator('#sign-in-username');
    this.password = page.locator('#sign-in-password');
    this.passwordError = page.getByTestId('sign-in-password-error');
    this.lockScreen = page.getByTestId('lock-screen');
    this.lockClerk = page.getByTestId('lock-clerk');
    this.lockPassword = page.locator('#lock-password');
    this.lockError = page.getByTestId('lock-password-error');
    this.sessionBar = page.getByTestId('session-bar');
    this.sessionClerk = page.getByTestId('session-clerk');
    this.setupBanner = page.getByTestId('setup-banner');
  }

  /** Types as a clerk does (keyboard only) and presses Enter. */
  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.password.press('Enter');
  }

  /**
   * Without the mouse: the username field has the focus when the screen opens; type it, Tab, the password,
   * Enter. `keys` counts Tab and Enter (typing is data).
   */
  async signInByKeyboard(keys: ClerkKeys, username: string, password: string): Promise<void> {
    await this.username.and(this.page.locator(':focus')).waitFor();
    await keys.type(username);
    await keys.press('Tab');
    await keys.type(password);
    await keys.press('Enter');
  }

  async unlock(password: string): Promise<void> {
    await this.lockPassword.fill(password);
    await this.lockPassword.press('Enter');
  }

  /** Alt+L, the lock shortcut. */
  async lockByKeyboard(): Promise<void> {
    await this.page.keyboard.press('Alt+KeyL');
    await this.lockScreen.waitFor();
  }

  async switchUser(): Promise<void> {
    await this.page.getByTestId('switch-user').click();
    await this.form.waitFor();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('session-sign-out').click();
    await this.form.waitFor();
  }
}
