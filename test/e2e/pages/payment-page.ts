import type { Locator, Page } from '@playwright/test';
import { ClerkKeys } from './clerk-keys.ts';

/**
 * The fee step on the intake result screen and the receipt shown after it, by keyboard: Ctrl+Enter pays,
 * Esc leaves it for later, Alt+M exempts, Alt+T cash, Alt+Q transfer. Share `keys` with the IntakePage so the
 * clerk's actions of the whole intake are counted together.
 */
export class PaymentPage {
  readonly page: Page;
  readonly keys: ClerkKeys;
  readonly step: Locator;
  readonly lines: Locator;
  readonly omittedLines: Locator;
  readonly total: Locator;
  readonly received: Locator;
  readonly change: Locator;
  readonly method: Locator;
  readonly reference: Locator;
  readonly qr: Locator;
  readonly qrPurpose: Locator;
  readonly exempt: Locator;
  readonly exemptReason: Locator;
  readonly failure: Locator;
  readonly receipt: Locator;
  readonly receiptNumber: Locator;
  readonly receiptProvisional: Locator;
  readonly receiptAmount: Locator;
  readonly receiptChange: Locator;
  readonly receiptExempt: Locator;

  constructor(page: Page, keys: ClerkKeys = new ClerkKeys(page)) {
    this.page = page;
    this.keys = keys;
    this.step = page.getByTestId('fee-step');
    this.lines = page.getByTestId('fee-lines');
    this.omittedLines = this.lines.locator('tr[data-omitted="true"]');
    this.total = page.getByTestId('fee-total');
    this.received = page.locator('#payment-received');
    this.change = page.getByTestId('payment-change');
    this.method = page.getByTestId('payment-method');
    this.reference = page.locator('#payment-reference');
    this.qr = page.getByTestId('payment-qr');
    this.qrPurpose = page.getByTestId('payment-qr-purpose');
    this.exempt = page.locator('#payment-exempt');
    this.exemptReason = page.locator('#payment-exempt-reason');
    this.failure = page.getByTestId('fee-failure');
    this.receipt = page.getByTestId('receipt-summary');
    this.receiptNumber = page.getByTestId('receipt-number');
    this.receiptProvisional = page.getByTestId('receipt-provisional');
    this.receiptAmount = page.getByTestId('receipt-amount');
    this.receiptChange = page.getByTestId('receipt-change');
    this.receiptExempt = page.getByTestId('receipt-exempt');
  }

  /** Waits for the quote on screen. */
  async ready(): Promise<void> {
    await this.page.locator('[data-testid="fee-step"][data-state="ready"]').waitFor();
  }

  /**
   * Ctrl+Enter: record the payment (and print the receipt). Waits until the amount has been on screen long enough
   * for a press to count (`data-armed`, confirm-guard.ts), as a clerk who reads it first always does.
   */
  async pay(): Promise<void> {
    await this.armed.waitFor();
    await this.keys.press('Control+Enter');
  }

  /** The quote on screen long enough that a confirm counts (an earlier one is refused with `early`). */
  get armed(): Locator {
    return this.page.locator('[data-testid="fee-step"][data-armed="true"]');
  }

  /** The note shown when a confirm came too early (a double press, a held key). */
  get early(): Locator {
    return this.page.getByTestId('payment-early');
  }

  /** Esc: leave the fees for later. */
  async later(): Promise<void> {
    await this.keys.press('Escape');
  }

  /** Alt+Q: transfer by VietQR; the focus goes to the bank reference. */
  async chooseTransfer(): Promise<void> {
    await this.keys.press('Alt+KeyQ');
  }

  /** Alt+K to the fee lines, Tab to the `index`-th (0-based), Space: that line is left out (or back in). */
  async toggleLine(index: number): Promise<void> {
    await this.keys.press('Alt+KeyK');
    for (let i = 0; i < index; i += 1) await this.keys.press('Tab');
    await this.keys.press('Space');
  }

  /** Alt+T: cash; the focus goes to the amount received. */
  async chooseCash(): Promise<void> {
    await this.keys.press('Alt+KeyT');
  }

  /** Alt+M: exempt from the fees; the focus goes to the reason. */
  async toggleExempt(): Promise<void> {
    await this.keys.press('Alt+KeyM');
  }
}
