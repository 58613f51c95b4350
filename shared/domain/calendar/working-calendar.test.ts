import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { YearScheduleSchema } from '../../contract/calendar.ts';
import type { TimeLimit } from '../../contract/time-limit.ts';
import { createWorkingCalendar, SATURDAY_MORNING_HOURS } from './working-calendar.ts';

const schedules = [2024, 2025, 2026].map((year) =>
  YearScheduleSchema.parse(JSON.parse(fs.readFileSync(new URL(`../../../resources/calendar/schedule-${year}.json`, import.meta.url), 'utf8'))),
);
const calendar = createWorkingCalendar({ schedules });

const due = (receivedAt: string, limit: TimeLimit, on = calendar) => on.dueDate({ receivedAt, limit });
const days = (value: number): TimeLimit => ({ unit: 'workingDays', value });

describe('when the clock starts', () => {
  test('during working hours: at once', () => {
    expect(due('2026-03-03T09:15:00+07:00', days(1)).clockStartsAt).toBe('2026-03-03T09:15:00+07:00');
  });

  test('after closing: the next working morning (Monday 17:30 → Tuesday 07:00; 1 day → Tuesday 17:00)', () => {
    expect(due('2026-03-02T17:30:00+07:00', days(1))).toEqual({ clockStartsAt: '2026-03-03T07:00:00+07:00', dueAt: '2026-03-03T17:00:00+07:00' });
  });

  test('during lunch: at the afternoon opening (4 working hours from 12:15 → 13:30 + 4 h = next day 07:30)', () => {
    expect(due('2026-03-03T12:15:00+07:00', { unit: 'workingHours', value: 4 })).toEqual({ clockStartsAt: '2026-03-03T13:30:00+07:00', dueAt: '2026-03-04T07:30:00+07:00' });
  });

  test('a limit that ends exactly at a session end is due then (11:30), not at the next opening', () => {
    expect(due('2026-03-03T12:15:00+07:00', days(1)).dueAt).toBe('2026-03-04T11:30:00+07:00');
  });

  test('instants in any offset are read correctly and answered in +07:00', () => {
    expect(due('2026-03-03T02:15:00Z', days(1))).toEqual({ clockStartsAt: '2026-03-03T09:15:00+07:00', dueAt: '2026-03-04T09:15:00+07:00' });
  });
});

describe('working days (same time of the working day, N working days later)', () => {
  test('received Monday 09:00, 1 working day → Tuesday 09:00; 5 → next Monday 09:00', () => {
    expect(due('2026-03-02T09:00:00+07:00', days(1)).dueAt).toBe('2026-03-03T09:00:00+07:00');
    expect(due('2026-03-02T09:00:00+07:00', days(5)).dueAt).toBe('2026-03-09T09:00:00+07:00');
  });

  test('across Tết Bính Ngọ 2026 (14/02–22/02): Friday 13/02 10:00 + 3 days → Wednesday 25/02 10:00', () => {
    expect(due('2026-02-13T10:00:00+07:00', days(3)).dueAt).toBe('2026-02-25T10:00:00+07:00');
  });

  test('across Tết Ất Tỵ 2025 (25/01–02/02) and its eve: Thursday 23/01 15:00 + 2 days → Monday 03/02 15:00', () => {
    expect(due('2025-01-23T15:00:00+07:00', days(2)).dueAt).toBe('2025-02-03T15:00:00+07:00');
  });

  test('across Giỗ Tổ 2026 on a Sunday and its nghỉ bù Monday 27/04: Friday 24/04 09:00 + 2 days → Wednesday 29/04', () => {
    expect(due('2026-04-24T09:00:00+07:00', days(2)).dueAt).toBe('2026-04-29T09:00:00+07:00');
    // …and on across 30/4–1/5 (Thursday, Friday) to Monday 04/05.
    expect(due('2026-04-24T09:00:00+07:00', days(3)).dueAt).toBe('2026-05-04T09:00:00+07:00');
  });

  test('a make-up Saturday counts as a working day: 2026-01-10 (for Friday 02/01)', () => {
    expect(due('2026-01-09T08:00:00+07:00', days(1)).dueAt).toBe('2026-01-10T08:00:00+07:00');
    expect(due('2025-12-31T08:00:00+07:00', days(1)).dueAt).toBe('2026-01-05T08:00:00+07:00');
  });

  test("'endOfDay' convention: closing time of the Nth working day after the clock starts", () => {
    const endOfDay = createWorkingCalendar({ schedules, hours: { ...SATURDAY_MORNING_HOURS, week: { ...SATURDAY_MORNING_HOURS.week, sat: [] }, workingDaysDue: 'endOfDay' } });
    expect(due('2026-03-02T09:00:00+07:00', days(1), endOfDay).dueAt).toBe('2026-03-03T17:00:00+07:00');
    expect(due('2026-02-13T10:00:00+07:00', days(3), endOfDay).dueAt).toBe('2026-02-25T17:00:00+07:00');
  });

  test('0 working days: due when the clock starts', () => {
    expect(due('2026-03-02T18:00:00+07:00', days(0)).dueAt).toBe('2026-03-03T07:00:00+07:00');
  });
});

describe('a centre that works Saturday mornings (configurable)', () => {
  const saturdays = createWorkingCalendar({ schedules, hours: SATURDAY_MORNING_HOURS });

  test('Saturday is a working day with one session; a Saturday inside Tết is not', () => {
    expect(saturdays.day('2026-03-07')).toEqual({ date: '2026-03-07', working: true });
    expect(saturdays.sessions('2026-03-07')).toEqual([{ start: '07:00', end: '11:30' }]);
    expect(saturdays.day('2026-02-14')).toEqual({ date: '2026-02-14', working: false, reason: 'Tết Nguyên Đán' });
    expect(saturdays.day('2026-03-08')).toEqual({ date: '2026-03-08', working: false, reason: 'Chủ nhật' });
  });

  test('1 working day from Friday 09:00 → Saturday 09:00; from Friday 14:00 the short Saturday carries over to Monday 07:30', () => {
    expect(due('2026-03-06T09:00:00+07:00', days(1), saturdays).dueAt).toBe('2026-03-07T09:00:00+07:00');
    expect(due('2026-03-06T14:00:00+07:00', days(1), saturdays).dueAt).toBe('2026-03-09T07:30:00+07:00');
  });
});

describe('calendar days (Bộ luật Dân sự 2015, Art. 147–148)', () => {
  test('the day of receipt is not counted; due at closing time of the last day', () => {
    expect(due('2026-03-02T09:00:00+07:00', { unit: 'calendarDays', value: 3 }).dueAt).toBe('2026-03-05T17:00:00+07:00');
  });

  test('a last day on a weekend moves to the next working day', () => {
    expect(due('2026-03-02T09:00:00+07:00', { unit: 'calendarDays', value: 5 }).dueAt).toBe('2026-03-09T17:00:00+07:00');
  });

  test('a last day inside Tết moves to the first working day after it', () => {
    expect(due('2026-02-10T09:00:00+07:00', { unit: 'calendarDays', value: 5 }).dueAt).toBe('2026-02-23T17:00:00+07:00');
  });
});

describe('same day with a 15:00 cut-off (chứng thực)', () => {
  const sameDay: TimeLimit = { unit: 'sameDay', value: 0, cutoff: '15:00' };

  test('received by 15:00 → closing the same day; after → closing the next working day', () => {
    expect(due('2026-03-03T14:59:00+07:00', sameDay).dueAt).toBe('2026-03-03T17:00:00+07:00');
    expect(due('2026-03-03T15:00:00+07:00', sameDay).dueAt).toBe('2026-03-03T17:00:00+07:00');
    expect(due('2026-03-03T15:00:01+07:00', sameDay).dueAt).toBe('2026-03-04T17:00:00+07:00');
    expect(due('2026-03-03T06:30:00+07:00', sameDay).dueAt).toBe('2026-03-03T17:00:00+07:00');
    expect(due('2026-03-03T12:00:00+07:00', sameDay).dueAt).toBe('2026-03-03T17:00:00+07:00');
  });

  test('Friday after the cut-off → Monday; on a weekend → Monday; before 30/4–1/5/2026 → Monday 04/05', () => {
    expect(due('2026-03-06T16:00:00+07:00', sameDay).dueAt).toBe('2026-03-09T17:00:00+07:00');
    expect(due('2026-03-07T10:00:00+07:00', sameDay).dueAt).toBe('2026-03-09T17:00:00+07:00');
    expect(due('2026-04-29T15:30:00+07:00', sameDay).dueAt).toBe('2026-05-04T17:00:00+07:00');
  });

  test('without a cut-off, closing time is the cut-off', () => {
    expect(due('2026-03-03T16:59:00+07:00', { unit: 'sameDay', value: 0 }).dueAt).toBe('2026-03-03T17:00:00+07:00');
    expect(due('2026-03-03T17:00:00+07:00', { unit: 'sameDay', value: 0 }).dueAt).toBe('2026-03-04T17:00:00+07:00');
  });
});

describe('working hours and the supplement pause', () => {
  test('8 working hours from Monday 09:00 → Tuesday 09:00; 3 hours from Friday 16:00 → Monday 09:00', () => {
    expect(due('2026-03-02T09:00:00+07:00', { unit: 'workingHours', value: 8 }).dueAt).toBe('2026-03-03T09:00:00+07:00');
    expect(due('2026-03-06T16:00:00+07:00', { unit: 'workingHours', value: 3 }).dueAt).toBe('2026-03-09T09:00:00+07:00');
  });

  test('a supplement request moves the due date by exactly the paused working time', () => {
    const { dueAt } = due('2026-03-02T09:00:00+07:00', days(5)); // Monday 09/03 09:00
    // Paused Wednesday 04/03 10:00 → resumed Monday 09/03 14:00: 5 h + 8 h + 8 h + 5 h = 26 h.
    const paused = calendar.workingMinutesBetween('2026-03-04T10:00:00+07:00', '2026-03-09T14:00:00+07:00');
    expect(paused).toBe(26 * 60);
    const moved = calendar.addWorkingMinutes(dueAt, paused);
    // Monday 09:00 + 26 h: Monday 6 h, Tuesday 8 h, Wednesday 8 h, Thursday 07:00–11:00.
    expect(moved).toBe('2026-03-12T11:00:00+07:00');
    expect(calendar.workingMinutesBetween(dueAt, moved)).toBe(paused);
  });

  test('a pause across Tết 2026 counts only working time', () => {
    expect(calendar.workingMinutesBetween('2026-02-13T16:00:00+07:00', '2026-02-23T08:00:00+07:00')).toBe(60 + 60);
    expect(calendar.addWorkingMinutes('2026-02-13T16:00:00+07:00', 120)).toBe('2026-02-23T08:00:00+07:00');
  });

  test('exact to the millisecond, both ways, for instants anywhere (random, seeded)', () => {
    let seed = 20260217;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const base = Date.parse('2024-01-01T00:00:00+07:00');
    const span = Date.parse('2026-12-20T00:00:00+07:00') - base;
    for (let i = 0; i < 300; i++) {
      const a = new Date(base + Math.floor(random() * span)).toISOString();
      const b = new Date(Date.parse(a) + Math.floor(random() * 40 * 86_400_000)).toISOString();
      const minutes = calendar.workingMinutesBetween(a, b);
      expect(calendar.workingMinutesBetween(b, a)).toBe(-minutes);
      const end = calendar.addWorkingMinutes(a, minutes);
      expect(calendar.workingMinutesBetween(a, end)).toBeCloseTo(minutes, 9);
      // The earliest such instant: never after b, and no working time between it and b.
      expect(Date.parse(end)).toBeLessThanOrEqual(Date.parse(b));
      expect(calendar.workingMinutesBetween(end, b)).toBe(0);
    }
  });

  test('adding 0 minutes is the identity, even outside working hours; negative minutes are refused', () => {
    expect(calendar.addWorkingMinutes('2026-03-07T10:00:00+07:00', 0)).toBe('2026-03-07T10:00:00+07:00');
    expect(() => calendar.addWorkingMinutes('2026-03-07T10:00:00+07:00', -5)).toThrow(RangeError);
  });
});

describe('bad input', () => {
  test('impossible or unsupported dates and instants are RangeErrors that say what is wrong', () => {
    expect(() => calendar.day('2026-02-30')).toThrow('Not a calendar date: 2026-02-30');
    expect(() => calendar.day('1899-12-31')).toThrow(/1900-01-01 to 2199-12-31/);
    expect(() => due('2026-13-01T09:00:00+07:00', days(1))).toThrow(/Not a valid date/);
    expect(() => due('yesterday', days(1))).toThrow(/ISO 8601/);
  });

  test('working hours with no session at all are reported, not looped on', () => {
    const closed = createWorkingCalendar({ hours: { week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } } });
    expect(() => due('2026-03-02T09:00:00+07:00', days(1), closed)).toThrow(/check the working hours/);
  });
});
