import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/messages.ts';
import { printerLine, scannerLine, type PrinterReading, type PrinterState, type ScannersList } from './device-state.ts';

const STATES: readonly PrinterState[] = ['ready', 'paper-out', 'cover-open', 'offline', 'error', 'no-answer', 'unreachable'];
const checked = (state: PrinterState, paperNearEnd = false): PrinterReading => ({
  kind: 'checked',
  name: 'Máy in biên nhận quầy 1',
  status: { state, paperNearEnd, checkedAt: '2026-11-23T09:15:00+07:00' },
});
const scanner = (name: string): ScannersList['scanners'][number] => ({ id: `sane:${name}`, backend: 'sane', name, sources: ['flatbed'], duplex: false, modes: ['grey'], resolutions: [300] });

describe('printerLine', () => {
  it('says what each printer state means, in Vietnamese and in English', () => {
    const said = STATES.map((state) => {
      const line = printerLine(checked(state));
      return [state, line.state, translate('vi', line.label), translate('en', line.label), line.tone];
    });
    expect(said).toEqual([
      ['ready', 'ready', 'Sẵn sàng', 'Ready', 'ok'],
      ['paper-out', 'paper-out', 'Hết giấy', 'Out of paper', 'danger'],
      ['cover-open', 'cover-open', 'Nắp máy đang mở', 'Cover open', 'danger'],
      ['offline', 'offline', 'Máy in tạm ngừng', 'Printer paused', 'danger'],
      ['error', 'error', 'Máy in báo lỗi', 'Printer error', 'danger'],
      ['no-answer', 'no-answer', 'Không rõ trạng thái', 'State unknown', 'neutral'],
      ['unreachable', 'unreachable', 'Không kết nối được', 'Cannot be reached', 'danger'],
    ]);
  });

  it('tells the clerk what to do for every state but ready', () => {
    expect(printerLine(checked('ready')).hint).toBeNull();
    for (const state of STATES.filter((candidate) => candidate !== 'ready')) {
      const hint = printerLine(checked(state)).hint;
      expect(hint, state).toBe(`devices.printer.hint.${state}`);
    }
    expect(translate('vi', 'devices.printer.hint.paper-out')).toContain('Lắp cuộn giấy mới');
    expect(translate('en', 'devices.printer.hint.unreachable')).toContain('power and network cable');
  });

  it('warns of paper near its end on a ready printer, which still prints', () => {
    const line = printerLine(checked('ready', true));
    expect(line).toMatchObject({ state: 'ready', tone: 'warn', label: 'devices.printer.state.ready', hint: 'devices.printer.hint.paperNearEnd' });
    expect(translate('vi', line.hint ?? 'devices.heading')).toContain('Cuộn giấy sắp hết');
    // Paper out wins over near end.
    expect(printerLine(checked('paper-out', true)).label).toBe('devices.printer.state.paper-out');
  });

  it('says "not set up" when the counter has no default printer', () => {
    const line = printerLine({ kind: 'not-set-up' });
    expect(line).toMatchObject({ state: 'not-set-up', tone: 'neutral' });
    expect(translate('vi', line.label)).toBe('Chưa cài đặt');
    expect(translate('en', line.label)).toBe('Not set up');
  });
});

describe('scannerLine', () => {
  it('lists the scanners found', () => {
    const line = scannerLine({ scanners: [scanner('Canon DR-C225'), scanner('Epson DS-530')], problems: [{ backend: 'escl', message: 'no answer' }] });
    expect(line).toMatchObject({ state: 'present', tone: 'ok', hint: null, names: ['Canon DR-C225', 'Epson DS-530'] });
    expect(translate('vi', line.label)).toBe('Đã kết nối');
  });

  it('says "not found" with the reason when none answered and a backend could not be asked', () => {
    const line = scannerLine({ scanners: [], problems: [{ backend: 'sane', message: 'scanimage: not found' }] });
    expect(line).toMatchObject({ state: 'unavailable', tone: 'warn', problems: ['sane: scanimage: not found'] });
    expect(translate('vi', line.label)).toBe('Không tìm thấy');
    expect(translate('en', line.label)).toBe('Not found');
  });

  it('says "not set up" when there is none and nothing failed', () => {
    const line = scannerLine({ scanners: [], problems: [] });
    expect(line).toMatchObject({ state: 'not-set-up', tone: 'neutral', names: [] });
    expect(translate('vi', line.label)).toBe('Chưa cài đặt');
    expect(translate('en', line.label)).toBe('Not set up');
  });
});
