import { describe, expect, test } from 'vitest';
import { accessFor, EXPLICIT_ACCESS, PLANNED_METHODS } from './access.ts';
import { methods } from './methods.ts';

describe('method access table', () => {
  test('names only methods of the contract, or ones listed as planned', () => {
    for (const name of Object.keys(EXPLICIT_ACCESS)) expect(Object.hasOwn(methods, name) || PLANNED_METHODS.includes(name), name).toBe(true);
  });

  test('every dossier change and print needs a clerk; reads and the session itself are open', () => {
    for (const name of Object.keys(methods).filter((method) => /^dossiers\.(intake|startProcessing|requestSupplement|supplement|refuse|withdraw|stop|markResultReady|returnResult)$/.test(method))) {
      expect(accessFor(name), name).toBe('clerk');
    }
    expect(accessFor('printing.print')).toBe('clerk');
    expect(accessFor('receipts.issue')).toBe('clerk');
    expect(accessFor('receipts.cancel')).toBe('supervisor');
    // Re-opening a returned dossier undoes a hand-over: a supervisor's, like cancelling a receipt.
    expect(accessFor('dossiers.reopen')).toBe('supervisor');
    expect(PLANNED_METHODS).not.toContain('dossiers.reopen');
    for (const open of ['dossiers.get', 'dossiers.search', 'auth.signIn', 'auth.unlock', 'auth.session', 'settings.setLanguage', 'system.info']) expect(accessFor(open), open).toBe('open');
  });

  test("the counter's identity, server address and idle lock are a supervisor's; the language is anyone's", () => {
    expect(accessFor('settings.update')).toBe('supervisor');
    expect(accessFor('settings.setLanguage')).toBe('open');
    for (const read of ['settings.get', 'counter.get', 'printers.list', 'printers.preview', 'scanning.settings', 'calendar.year']) expect(accessFor(read), read).toBe('open');
  });

  test('money and configuration: a payment needs a clerk, undoing a receipt and changing the setup a supervisor', () => {
    expect(accessFor('payments.record')).toBe('clerk');
    for (const name of ['receipts.replace', 'fees.setSettings', 'receipts.setSettings', 'printers.save']) expect(accessFor(name), name).toBe('supervisor');
    expect(accessFor('documents.findReusable'), 'a citizen\'s digitised papers are personal data').toBe('clerk');
  });

  test('a method nobody listed needs a clerk: new methods start closed', () => {
    expect(accessFor('something.new')).toBe('clerk');
  });
});
