import { expect, test } from 'vitest';
import { displayToLocalDate as parseDayText, localDateToDisplay as dayText } from '../../ui/format-time.ts';
import { shiftDayText } from './day-text.ts';

test('a day is shown and read as DD/MM/YYYY, never the month first', () => {
  expect(dayText('2026-01-05')).toBe('05/01/2026');
  expect(parseDayText('05/01/2026')).toBe('2026-01-05');
  expect(parseDayText('5/1/2026')).toBe('2026-01-05');
  expect(parseDayText(' 5.1.2026 ')).toBe('2026-01-05');
  expect(parseDayText('05-01-2026')).toBe('2026-01-05');
});

test('what is not a calendar day is refused', () => {
  for (const text of ['', '2026-01-05', '31/02/2026', '13/13/2026', '05/01/26', '00/01/2026', 'hôm nay']) expect(parseDayText(text), text).toBeNull();
});

test('arrow keys move by a day across months and years; text that is not a day stays as typed', () => {
  expect(shiftDayText('31/12/2026', 1)).toBe('01/01/2027');
  expect(shiftDayText('01/03/2028', -1)).toBe('29/02/2028');
  expect(shiftDayText('31/02/2026', 1)).toBe('31/02/2026');
});
