import type { Locator, Page } from '@playwright/test';

export type ReportAction = 'print' | 'csv' | 'pdf';
const SHORTCUT: Readonly<Record<ReportAction, string>> = { print: 'Control+P', csv: 'Control+E', pdf: 'Control+S' };

/** Báo cáo: date, report kind, the register / receipts tables, print and export. Any Page (browser or Electron). */
export class ReportsPage {
  readonly page: Page;
  readonly screen: Locator;
  readonly date: Locator;
  readonly kinds: Locator;
  readonly content: Locator;
  readonly received: Locator;
  readonly finished: Locator;
  readonly registerRows: Locator;
  readonly emptyReceived: Locator;
  readonly receipts: Locator;
  readonly receiptsEmpty: Locator;
  readonly outcome: Locator;
  readonly path: Locator;
  readonly failure: Locator;

  constructor(page: Page) {
    this.page = page;
    this.screen = page.getByTestId('reports-screen');
    this.date = page.locator('#report-date');
    this.kinds = page.getByTestId('report-kind');
    this.content = page.getByTestId('report-content');
    this.received = page.getByTestId('register-received');
    this.finished = page.getByTestId('register-finished');
    this.registerRows = this.received.getByTestId('register-row');
    this.emptyReceived = page.getByTestId('register-empty-received');
    this.receipts = page.getByTestId('report-receipts');
    this.receiptsEmpty = page.getByTestId('receipts-empty');
    this.outcome = page.getByTestId('report-outcome');
    this.path = page.getByTestId('report-path');
    this.failure = page.getByTestId('report-failure');
  }

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/reports`);
    await this.ready();
  }

  async ready(): Promise<void> {
    await this.content.and(this.page.locator('[data-status="ready"]')).waitFor();
  }

  /** Picks the day by typing it as a clerk does, DD/MM/YYYY (`date` given as YYYY-MM-DD). */
  async showDay(date: string): Promise<void> {
    const [year, month, day] = date.split('-');
    await this.date.fill(`${day}/${month}/${year}`);
    await this.ready();
  }

  /** Chooses the report with the keyboard: focus its button, press Enter. */
  async choose(label: string): Promise<void> {
    const button = this.kinds.getByRole('button', { name: label, exact: true });
    await button.focus();
    await button.press('Enter');
    await this.ready();
  }

  /** Runs print or an export by its shortcut; resolves to the saved path (exports) once the outcome shows. */
  async byKeyboard(action: ReportAction): Promise<string | null> {
    await this.page.keyboard.press(SHORTCUT[action]);
    if (action === 'print') return null;
    await this.path.filter({ hasText: `.${action}` }).waitFor();
    return this.path.textContent();
  }
}
