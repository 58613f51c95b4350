import type { Locator, Page } from '@playwright/test';

/** The settings screen (Alt+5): identity, enrolment, printers, scanners, calendar, language (any Page: browser or Electron window). */
export class SettingsPage {
  readonly page: Page;
  readonly screen: Locator;
  readonly readOnlyNote: Locator;
  readonly setupNote: Locator;
  readonly centreName: Locator;
  readonly counterName: Locator;
  readonly agencyCode: Locator;
  readonly slot: Locator;
  readonly serverUrl: Locator;
  readonly counterSave: Locator;
  readonly counterSaved: Locator;
  readonly counterError: Locator;
  readonly enrolServer: Locator;
  readonly enrolCode: Locator;
  readonly enrolDone: Locator;
  readonly enrolled: Locator;
  readonly addPrinter: Locator;
  readonly printerForm: Locator;
  readonly printerName: Locator;
  readonly printerId: Locator;
  readonly printerHost: Locator;
  readonly printerPort: Locator;
  readonly printerDefault: Locator;
  readonly printersNotice: Locator;
  readonly previewImage: Locator;
  readonly calendarDays: Locator;
  readonly calendarHours: Locator;
  readonly scanningRetention: Locator;
  readonly scanningDeskew: Locator;
  readonly scanningAutoCrop: Locator;
  readonly scanningSave: Locator;
  readonly scannersSection: Locator;
  readonly scannersTable: Locator;
  readonly esclName: Locator;
  readonly esclUrl: Locator;
  readonly esclAdd: Locator;
  readonly esclReview: Locator;
  readonly esclFingerprint: Locator;
  readonly esclTrust: Locator;
  readonly esclDone: Locator;
  readonly esclTable: Locator;

  constructor(page: Page) {
    this.page = page;
    this.screen = page.getByTestId('settings-screen');
    this.readOnlyNote = page.getByTestId('settings-read-only');
    this.setupNote = page.getByTestId('settings-setup-note');
    this.centreName = page.locator('#settings-centreName');
    this.counterName = page.locator('#settings-counterName');
    this.agencyCode = page.locator('#settings-agencyCode');
    this.slot = page.locator('#settings-slot');
    this.serverUrl = page.locator('#settings-serverUrl');
    this.counterSave = page.getByTestId('settings-counter-save');
    this.counterSaved = page.getByTestId('settings-counter-saved');
    this.counterError = page.getByTestId('settings-counter-error');
    this.enrolServer = page.locator('#settings-enrol-server');
    this.enrolCode = page.locator('#settings-enrol-code');
    this.enrolDone = page.getByTestId('settings-enrol-done');
    this.enrolled = page.getByTestId('settings-enrolled');
    this.addPrinter = page.getByTestId('printer-add');
    this.printerForm = page.getByTestId('printer-form');
    this.printerName = page.locator('#printer-name');
    this.printerId = page.locator('#printer-id');
    this.printerHost = page.locator('#printer-host');
    this.printerPort = page.locator('#printer-port');
    this.printerDefault = page.getByTestId('printer-default');
    this.printersNotice = page.getByTestId('printers-notice');
    this.previewImage = page.getByTestId('printer-preview-image');
    this.calendarDays = page.getByTestId('calendar-days');
    this.calendarHours = page.getByTestId('calendar-hours');
    this.scanningRetention = page.locator('#scanning-retentionDays');
    this.scanningDeskew = page.locator('#scanning-deskew');
    this.scanningAutoCrop = page.locator('#scanning-autoCrop');
    this.scanningSave = page.getByTestId('scanning-save');
    this.scannersSection = page.getByTestId('settings-scanners');
    this.scannersTable = page.getByTestId('scanners-table');
    this.esclName = page.locator('#escl-name');
    this.esclUrl = page.locator('#escl-url');
    this.esclAdd = page.getByTestId('escl-add');
    this.esclReview = page.getByTestId('escl-review');
    this.esclFingerprint = page.getByTestId('escl-fingerprint');
    this.esclTrust = page.getByTestId('escl-trust');
    this.esclDone = page.getByTestId('escl-done');
    this.esclTable = page.getByTestId('escl-table');
  }

  /** Alt+5, the settings shortcut. */
  async open(): Promise<void> {
    await this.page.keyboard.press('Alt+5');
    await this.screen.waitFor();
  }

  fieldError(id: string): Locator {
    return this.page.getByTestId(`${id}-error`);
  }

  printerState(id: string): Locator {
    return this.page.getByTestId(`printer-state-${id}`);
  }

  printerRow(id: string): Locator {
    return this.page.getByTestId(`printer-row-${id}`);
  }

  /** Replaces a field's text as a clerk does: focus, select all, type. */
  async retype(field: Locator, text: string): Promise<void> {
    await field.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    if (text === '') await this.page.keyboard.press('Delete');
    else await this.page.keyboard.type(text);
  }

  /** Focuses a control and presses Enter (buttons and forms alike), keyboard only. */
  async pressOn(control: Locator): Promise<void> {
    await control.focus();
    await this.page.keyboard.press('Enter');
  }
}
