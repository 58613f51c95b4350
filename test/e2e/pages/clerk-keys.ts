import type { Page } from '@playwright/test';

/**
 * The clerk's keyboard, counting the presses that are not data: navigation, choosing, confirming
 * (Tab, Enter, Escape, shortcuts). Typing data (`type`) and what a scanner sends are not counted.
 */
export class ClerkKeys {
  readonly page: Page;
  readonly log: string[] = [];

  constructor(page: Page) {
    this.page = page;
  }

  /** One counted action: a key or shortcut such as 'Alt+2', 'Enter', 'Control+Enter'. */
  async press(key: string): Promise<void> {
    this.log.push(key);
    await this.page.keyboard.press(key);
  }

  /** Data typed by the clerk (not counted). */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 20 });
  }

  /** A USB scanner in keyboard mode: the QR text at ~5 ms per character, then Enter (not counted). */
  async scan(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  get count(): number {
    return this.log.length;
  }
}
