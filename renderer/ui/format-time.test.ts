import { describe, expect, it } from 'vitest';
import { displayToLocalDate, formatVietnamDate, formatVietnamDateTime, localDateToDisplay } from './format-time.ts';

describe('Vietnam time formatting', () => {
  it('shows instants in Vietnam time as dd/MM/yyyy HH:mm, whatever their offset', () => {
    expect(formatVietnamDateTime('2026-11-25T17:00:00+07:00')).toBe('25/11/2026 17:00');
    expect(formatVietnamDateTime('2026-11-25T20:30:00Z')).toBe('26/11/2026 03:30');
    expect(formatVietnamDate('2026-01-01T00:10:00+07:00')).toBe('01/01/2026');
    expect(formatVietnamDateTime('not a date')).toBe('not a date');
  });

  it('converts calendar dates both ways and refuses impossible ones', () => {
    expect(localDateToDisplay('1990-03-07')).toBe('07/03/1990');
    expect(displayToLocalDate('07/03/1990')).toBe('1990-03-07');
    expect(displayToLocalDate('7.3.1990')).toBe('1990-03-07');
    expect(displayToLocalDate('31/02/1990')).toBeNull();
    expect(displayToLocalDate('1990-03-07')).toBeNull();
  });
});
