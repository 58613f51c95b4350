import type { Locator, Page } from '@playwright/test';
import type { ClerkKeys } from './clerk-keys.ts';

export type DossierActionName = 'requestSupplement' | 'supplement' | 'refuse' | 'markResultReady' | 'returnResult' | 'reopen';

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
  readonly prints: Locator;
  readonly printOutcome: Locator;
  readonly printFailure: Locator;
  readonly printJobs: Locator;
  readonly apologyForm: Locator;

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
    this.prints = page.getByTestId('dossier-prints');
    this.printOutcome = page.getByTestId('print-outcome');
    this.printFailure = page.getByTestId('print-failure');
    this.printJobs = page.getByTestId('print-job');
    this.apologyForm = page.getByTestId('apology-form');
  }

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/dossiers`);
    await this.page.getByTestId('dossier-finder').waitFor();
  }

  /** Types the query in the search field and presses Enter. */
  async searchFor(query: string): Promise<void> {
    await this.search.fill(query);
    await this.search.press('Enter');
    await this.resultsFor(query);
  }

  /**
   * Waits for the results of `query`. The list shown before the search is "ready" too: wait for the caption
   * naming this query, or a row of the old list may be pressed (or arrowed to) just as the results replace it.
   */
  async resultsFor(query: string): Promise<void> {
    await this.page.getByText(`“${query}”`).first().waitFor();
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
    await this.resultsFor(query);
  }

  /**
   * Keyboard only, from the search field: ArrowDown to the list's first dossier, ArrowDown (each counted) down to
   * the dossier's row, Enter; waits for the detail. Fails after `max` presses, like a Tab walk that wanders.
   */
  async openByKeyboard(keys: ClerkKeys, code: string, max = 12): Promise<void> {
    const link = this.rows.filter({ hasText: code }).getByRole('link');
    for (let presses = 0; ; presses += 1) {
      if (await link.evaluate((element) => element === document.activeElement)) break;
      if (presses === max) throw new Error(`${String(max)} ArrowDown presses did not reach ${code}`);
      await keys.press('ArrowDown');
    }
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

  /** "In phiếu": the print button of a form that applies to the dossier (apology: "Soạn và in"). */
  printButton(form: string): Locator {
    return this.page.getByTestId(`print-${form}`);
  }

  /** The dossier's print jobs of one form (newest first); `reprint` narrows to the reprints or the first prints. */
  jobsOf(form: string, reprint?: boolean): Locator {
    const jobs = this.printJobs.and(this.page.locator(`[data-form="${form}"]`));
    return reprint === undefined ? jobs : jobs.and(this.page.locator(`[data-reprint="${String(reprint)}"]`));
  }

  /**
   * Keyboard only: Alt+I to the first form, Tab to the apology letter's "Soạn và in", Enter; type the reason,
   * Tab, the new date (dd/mm/yyyy), Enter in the date field prints; waits for the announced outcome.
   */
  async printApologyByKeyboard(keys: ClerkKeys, reason: string, date: string): Promise<void> {
    await keys.press('Alt+I');
    await keys.tabTo(this.printButton('apology'));
    await keys.press('Enter');
    await this.page.getByLabel('Lý do chậm trễ').and(this.page.locator(':focus')).waitFor();
    await keys.type(reason);
    await keys.press('Tab');
    await keys.type(date);
    await keys.press('Enter');
    await this.printOutcome.getByText(/./).waitFor();
  }

  /** Keyboard only: Tab to "In lại" of the newest first print of `form`, Enter; waits for the announced outcome. */
  async reprintByKeyboard(keys: ClerkKeys, form: string): Promise<void> {
    await keys.tabTo(this.jobsOf(form, false).first().getByTestId('print-job-reprint'));
    await keys.press('Enter');
    await this.printOutcome.getByText(/lại/).waitFor();
  }
}
