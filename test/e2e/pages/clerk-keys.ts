import type { Locator, Page } from '@playwright/test';

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

  /**
   * Tab (each press counted) until `target` has the focus, as a clerk walks a screen without the mouse; fails
   * after `max` presses, so a screen that makes the keyboard wander shows up as a failure, not a slow test.
   */
  async tabTo(target: Locator, max = 12): Promise<void> {
    for (let presses = 0; ; presses += 1) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      if (presses === max) throw new Error(`${String(max)} Tab presses did not reach ${target.toString()}`);
      await this.press('Tab');
    }
  }

  get count(): number {
    return this.log.length;
  }
}
