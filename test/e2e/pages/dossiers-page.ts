import type { Locator, Page } from '@playwright/test';
import type { ClerkKeys } from './clerk-keys.ts';

export type DossierActionName = 'requestSupplement' | 'supplement' | 'refuse' | 'markResultReady' | 'returnResult';

/** Tra cứu hồ sơ: search, lists, one dossier's detail and actions. Any Page; navigates by URL only in goto. */
export class DossiersPage {
  readonly page: Page;
  readonly search: Locator;
  readonly filters: Locator;
  readonly results: Locator;
  readonly rows: Locator;
  readonly detail: Locator;
  readonly code: Locator;
  readonly status: Locator;
  readonly lateness: Locator;
  readonly timeline: Locator;
  readonly outcome: Locator;
  readonly failure: Locator;

  constructor(page: Page) {
    this.page = page;
    this.search = page.locator('#dossier-search');
    this.filters = page.getByTestId('dossier-filters');
    this.results = page.getByTestId('dossier-results');
    this.rows = page.getByTestId('dossier-row');
    this.detail = page.getByTestId('dossier-detail');
    this.code = page.getByTestId('dossier-code');
    this.status = page.getByTestId('dossier-status');
    this.lateness = page.getByTestId('dossier-lateness');
    this.timeline = page.getByTestId('dossier-timeline').getByRole('listitem');
    this.outcome = page.getByTestId('action-outcome');
    this.failure = page.getByTestId('action-failure');
  }

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/dossiers`);
    await this.page.getByTestId('dossier-finder').waitFor();
  }

  /** Types the query in the search field and presses Enter. */
  async searchFor(query: string): Promise<void> {
    await this.search.fill(query);
    await this.search.press('Enter');
    await this.results.and(this.page.locator('[data-status="ready"]')).waitFor();
  }

  async showList(label: string): Promise<void> {
    await this.filters.getByRole('button', { name: label, exact: true }).click();
    await this.results.and(this.page.locator('[data-status="ready"]')).waitFor();
  }

  /** Focuses the dossier's link and presses Enter, as a clerk does after Tab. */
  async open(code: string): Promise<void> {
    await this.rows.filter({ hasText: code }).getByRole('link').press('Enter');
    await this.code.waitFor();
  }

  /** Keyboard only, the search field focused (Alt+3 puts it there): type the query, Enter, wait for the list. */
  async searchByKeyboard(keys: ClerkKeys, query: string): Promise<void> {
    await this.search.and(this.page.locator(':focus')).waitFor();
    await keys.type(query);
    await keys.press('Enter');
    await this.results.and(this.page.locator('[data-status="ready"]')).waitFor();
  }

  /** Keyboard only: Tab to the dossier's link in the list, Enter; waits for the detail. */
  async openByKeyboard(keys: ClerkKeys, code: string): Promise<void> {
    await keys.tabTo(this.rows.filter({ hasText: code }).getByRole('link'));
    await keys.press('Enter');
    await this.code.waitFor();
  }

  /** Keyboard only: Tab to the action's button (unless the focus is already there), Enter; answers its form. */
  async openActionByKeyboard(keys: ClerkKeys, action: DossierActionName): Promise<Locator> {
    await keys.tabTo(this.actionButton(action));
    await keys.press('Enter');
    const form = this.form(action);
    await form.waitFor();
    return form;
  }

  /** Enter in the open form (on a field or on its confirm button) and wait for the announced outcome. */
  async confirmByKeyboard(keys: ClerkKeys): Promise<void> {
    await keys.press('Enter');
    await this.outcome.getByText(/./).waitFor();
  }

  actionButton(action: DossierActionName): Locator {
    return this.page.getByTestId(`action-${action}`);
  }

  form(action: DossierActionName): Locator {
    return this.page.getByTestId(`action-form-${action}`);
  }

  /** Opens the action's form, lets `fill` type into it, confirms, waits for the announced outcome. */
  async perform(action: DossierActionName, fill: (form: Locator) => Promise<void> = () => Promise.resolve()): Promise<void> {
    await this.actionButton(action).press('Enter');
    const form = this.form(action);
    await form.waitFor();
    await fill(form);
    await form.getByTestId('action-confirm').press('Enter');
    await this.outcome.getByText(/./).waitFor();
  }
}
