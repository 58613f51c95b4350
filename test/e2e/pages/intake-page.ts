import type { Locator, Page } from '@playwright/test';
import { ClerkKeys } from './clerk-keys.ts';

/**
 * Tiếp nhận hồ sơ. Drives the screen the way a clerk does, by keyboard; `keys` counts the clerk's actions.
 * Never navigates by URL except in `goto`, so the Electron suite can reuse it on its window.
 */
export class IntakePage {
  readonly page: Page;
  readonly keys: ClerkKeys;
  readonly root: Locator;
  readonly heading: Locator;
  readonly procedureInput: Locator;
  readonly procedureOptions: Locator;
  readonly chosenProcedure: Locator;
  readonly idNumber: Locator;
  readonly fullName: Locator;
  readonly birthDate: Locator;
  readonly gender: Locator;
  readonly address: Locator;
  readonly phone: Locator;
  readonly notes: Locator;
  readonly scanNotice: Locator;
  readonly papers: Locator;
  readonly review: Locator;
  readonly confirm: Locator;
  readonly failure: Locator;
  readonly result: Locator;
  /** Focused on receipt, until the fee step takes the focus (or "next" once the fees are settled). */
  readonly resultHeading: Locator;
  readonly resultCode: Locator;
  readonly resultDue: Locator;
  readonly resultPin: Locator;
  readonly next: Locator;
  /** The header's key hint: what the keys do at the step on screen. */
  readonly keyHint: Locator;

  constructor(page: Page, keys: ClerkKeys = new ClerkKeys(page)) {
    this.page = page;
    this.keys = keys;
    this.root = page.getByTestId('intake-screen');
    this.heading = this.root.getByRole('heading', { level: 1 });
    this.keyHint = page.getByTestId('intake-keys');
    this.procedureInput = page.locator('#intake-procedure');
    this.procedureOptions = page.getByRole('listbox').getByRole('option');
    this.chosenProcedure = page.getByTestId('intake-procedure-chosen');
    this.idNumber = page.locator('#intake-applicant-idNumber');
    this.fullName = page.locator('#intake-applicant-fullName');
    this.birthDate = page.locator('#intake-applicant-birthDate');
    this.gender = page.locator('#intake-applicant-gender');
    this.address = page.locator('#intake-applicant-address');
    this.phone = page.locator('#intake-applicant-phone');
    this.notes = page.locator('#intake-notes');
    this.scanNotice = page.getByTestId('intake-scan-notice');
    this.papers = page.getByTestId('intake-papers').getByRole('checkbox');
    this.review = page.getByTestId('intake-review');
    this.confirm = page.locator('#intake-confirm');
    this.failure = page.getByTestId('intake-failure');
    this.result = page.getByTestId('intake-result');
    this.resultHeading = page.locator('#intake-result-heading');
    this.resultCode = page.getByTestId('result-code');
    this.resultDue = page.getByTestId('result-due');
    this.resultPin = page.getByTestId('result-pin');
    this.next = page.locator('#intake-next');
  }

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/intake`);
    await this.root.waitFor();
  }

  fieldError(fieldId: string): Locator {
    return this.page.getByTestId(`${fieldId}-error`);
  }

  /** Types the query into the focused procedure field, waits for `code` to be the highlighted option, Enter. */
  async chooseProcedure(query: string, code: string): Promise<void> {
    await this.keys.type(query);
    await this.page.locator(`[role="option"][data-code="${code}"][aria-selected="true"]`).waitFor();
    await this.keys.press('Enter');
    await this.chosenProcedure.filter({ hasText: code }).waitFor();
  }

  /** Ctrl+Enter on the form: to the review. */
  async openReview(): Promise<void> {
    await this.keys.press('Control+Enter');
    await this.review.waitFor();
  }

  /** Ctrl+Enter on the review: receive. */
  async receive(): Promise<void> {
    await this.keys.press('Control+Enter');
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: true });
  }
}
