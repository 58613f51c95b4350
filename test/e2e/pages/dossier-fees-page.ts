import type { Locator, Page } from '@playwright/test';
import { ClerkKeys } from './clerk-keys.ts';

export type ReceiptActionName = 'reprint' | 'cancel' | 'replace';

/**
 * The fees panel of the dossier screen: state, "Thu phí" (Alt+P, which opens the intake's fee step — drive that
 * with PaymentPage), payments, receipts and their actions. `keys` counts the clerk's presses.
 */
export class DossierFeesPage {
  readonly page: Page;
  readonly keys: ClerkKeys;
  readonly panel: Locator;
  readonly state: Locator;
  readonly dueTotal: Locator;
  readonly collect: Locator;
  readonly outcome: Locator;
  readonly failure: Locator;
  readonly payments: Locator;
  readonly receipts: Locator;
  readonly reissue: Locator;

  constructor(page: Page, keys: ClerkKeys = new ClerkKeys(page)) {
    this.page = page;
    this.keys = keys;
    this.panel = page.getByTestId('dossier-fees');
    this.state = page.getByTestId('fee-state');
    this.dueTotal = page.getByTestId('fee-due-total');
    this.collect = page.getByTestId('fee-collect');
    this.outcome = page.getByTestId('fee-outcome');
    this.failure = page.getByTestId('fee-action-failure');
    this.payments = page.getByTestId('fee-payment');
    this.receipts = page.getByTestId('receipt-item');
    this.reissue = page.getByTestId('receipt-reissue');
  }

  /** Waits until the panel has read the dossier's fees. */
  async ready(): Promise<void> {
    await this.state.waitFor();
  }

  /** The receipt whose number is `number`, or (null) the first unnumbered one. */
  receipt(number: number | null): Locator {
    return number === null ? this.receipts.and(this.page.locator('[data-number=""]')).first() : this.receipts.and(this.page.locator(`[data-number="${number}"]`));
  }

  /** "Người thu" of the `index`-th payment, newest first (0): the collector's name, as the core gives it. */
  paymentCollector(index = 0): Locator {
    return this.payments.nth(index).getByTestId('fee-payment-by');
  }

  action(receipt: Locator, action: ReceiptActionName): Locator {
    return receipt.getByTestId(`receipt-${action}`);
  }

  form(action: 'cancel' | 'replace'): Locator {
    return this.page.getByTestId(`receipt-form-${action}`);
  }

  /** Alt+P: the fee step opens under the panel. */
  async openFeeStep(): Promise<void> {
    await this.keys.press('Alt+KeyP');
    await this.page.getByTestId('fee-step').waitFor();
  }

  /** Tab (counted) until `target` has the focus, as a clerk walks the screen without the mouse. */
  async tabTo(target: Locator, max = 20): Promise<void> {
    for (let presses = 0; ; presses += 1) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      if (presses === max) throw new Error(`${String(max)} Tab presses did not reach ${target.toString()}`);
      await this.keys.press('Tab');
    }
  }

  /** Keyboard only: Tab to the receipt's action, Enter; for cancel and replace waits for the form. */
  async startAction(receipt: Locator, action: ReceiptActionName): Promise<void> {
    await this.tabTo(this.action(receipt, action));
    await this.keys.press('Enter');
    if (action !== 'reprint') await this.form(action).waitFor();
  }
}
