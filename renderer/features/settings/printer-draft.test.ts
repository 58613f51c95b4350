import { describe, expect, test } from 'vitest';
import { checkPrinterDraft, draftFromProfile, EMPTY_PRINTER_DRAFT, idFromName } from './printer-draft.ts';

describe('printer draft', () => {
  test('a network printer becomes the profile the contract expects', () => {
    const result = checkPrinterDraft({ ...EMPTY_PRINTER_DRAFT, id: 'may-in-quay-2', name: 'Máy in quầy 2', host: '192.168.1.50', port: '9100', paper: '58mm', cashDrawer: 'pin2', isDefault: true });
    expect(result.problems).toEqual([]);
    expect(result.profile).toEqual({
      id: 'may-in-quay-2',
      name: 'Máy in quầy 2',
      connection: { kind: 'tcp', host: '192.168.1.50', port: 9100 },
      paper: '58mm',
      mode: 'raster',
      cut: true,
      cashDrawer: 'pin2',
      statusCheck: true,
      isDefault: true,
    });
    expect(draftFromProfile(result.profile!)).toMatchObject({ id: 'may-in-quay-2', kind: 'tcp', host: '192.168.1.50', port: '9100', paper: '58mm' });
  });

  test('each bad field is named: id, name, host with a space, a port that is not a number', () => {
    expect(checkPrinterDraft({ ...EMPTY_PRINTER_DRAFT, id: 'Máy 1', name: ' ', host: 'printer one', port: '91a' }).problems).toEqual(['id', 'name', 'host', 'port']);
    expect(checkPrinterDraft({ ...EMPTY_PRINTER_DRAFT, id: 'p', name: 'P', kind: 'os', queue: 'văn phòng' }).problems).toEqual(['queue']);
    expect(checkPrinterDraft({ ...EMPTY_PRINTER_DRAFT, id: 'p', name: 'P', kind: 'device', path: '' }).problems).toEqual(['path']);
  });

  test('an id from a Vietnamese name', () => {
    expect(idFromName('Máy in Quầy số 2 (Đông)')).toBe('may-in-quay-so-2-dong');
  });
});
