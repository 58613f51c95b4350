import { describe, expect, test } from 'vitest';
import { YearScheduleSchema, type YearSchedule } from '../../contract/calendar.ts';
import { formatLocalDate, parseLocalDate, weekdayOf } from './civil.ts';
import { describePlan, planYear, statutoryDays } from './holidays.ts';

/** Every day off of a year (holidays, nghỉ bù, swapped days, and the weekends), as 'YYYY-MM-DD'. */
function daysOff(year: number, schedule?: YearSchedule): Set<string> {
  const plan = planYear(year, schedule ? { schedule } : {});
  const result = new Set<string>();
  for (let day = parseLocalDate(`${year}-01-01`); day <= parseLocalDate(`${year}-12-31`); day++) {
    const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
    if ((plan.off.has(day) || weekend) && !plan.makeUp.has(day)) result.add(formatLocalDate(day));
  }
  return result;
}

function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = parseLocalDate(from); day <= parseLocalDate(to); day++) days.push(formatLocalDate(day));
  return days;
}

describe('statutory holidays computed by the rules', () => {
  test('2026 by the rules alone: 1/1, Tết (28 Chạp – mùng 3), Giỗ Tổ, 30/4, 1/5, 2/9 with 1/9, 24/11', () => {
    expect(statutoryDays(2026).map((entry) => `${formatLocalDate(entry.day)} ${entry.holiday}`)).toEqual([
      '2026-01-01 newYear',
      '2026-02-15 tet',
      '2026-02-16 tet',
      '2026-02-17 tet',
      '2026-02-18 tet',
      '2026-02-19 tet',
      '2026-04-26 hungKings',
      '2026-04-30 victory',
      '2026-05-01 labour',
      '2026-09-01 nationalDay',
      '2026-09-02 nationalDay',
      '2026-11-24 cultureDay',
    ]);
  });

  test('Ngày Văn hóa Việt Nam (24/11) only from 01/7/2026; the day next to 2/9 only from 2021 (Labour Code 2019)', () => {
    expect(statutoryDays(2025).some((entry) => entry.holiday === 'cultureDay')).toBe(false);
    expect(statutoryDays(2027).some((entry) => formatLocalDate(entry.day) === '2027-11-24')).toBe(true);
    expect(statutoryDays(2020).filter((entry) => entry.holiday === 'nationalDay')).toHaveLength(1);
    expect(statutoryDays(2021).filter((entry) => entry.holiday === 'nationalDay')).toHaveLength(2);
  });

  test('the day next to 2/9 follows the government\'s recent choices', () => {
    const neighbour = (year: number) => statutoryDays(year).filter((entry) => entry.holiday === 'nationalDay').map((entry) => formatLocalDate(entry.day));
    expect(neighbour(2021)).toEqual(['2021-09-02', '2021-09-03']); // Thu → Fri
    expect(neighbour(2022)).toEqual(['2022-09-01', '2022-09-02']); // Fri → Thu
    expect(neighbour(2024)).toEqual(['2024-09-02', '2024-09-03']); // Mon → Tue
    expect(neighbour(2025)).toEqual(['2025-09-01', '2025-09-02']); // Tue → Mon
    expect(neighbour(2026)).toEqual(['2026-09-01', '2026-09-02']); // Wed → Tue
  });

  test('a holiday on a weekend gives nghỉ bù on the next working day: Giỗ Tổ 2026 (Sunday) → Monday 27/04', () => {
    const plan = planYear(2026);
    expect(plan.off.get(parseLocalDate('2026-04-27'))).toMatchObject({ holiday: 'hungKings', kind: 'compensatory' });
  });

  test('nghỉ bù skips days already off: 30/4/2022 (Sat) and 1/5 (Sun) → Monday 2/5 and Tuesday 3/5', () => {
    const plan = planYear(2022);
    expect(describePlan(plan).filter((line) => line.startsWith('2022-04') || line.startsWith('2022-05'))).toEqual([
      '2022-04-10 Giỗ Tổ Hùng Vương',
      '2022-04-11 Nghỉ bù Giỗ Tổ Hùng Vương',
      '2022-04-30 Ngày Chiến thắng',
      '2022-05-01 Ngày Quốc tế Lao động',
      '2022-05-02 Nghỉ bù Ngày Chiến thắng',
      '2022-05-03 Nghỉ bù Ngày Quốc tế Lao động',
    ]);
  });

  test.each([
    // The computed Tết default gives exactly the days off the government decided (with the weekends).
    [2022, '2022-01-29', '2022-02-06'],
    [2023, '2023-01-20', '2023-01-26'],
    [2024, '2024-02-08', '2024-02-14'],
    [2025, '2025-01-25', '2025-02-02'],
    [2026, '2026-02-14', '2026-02-22'],
  ])('the default Tết rule reproduces the official break of %i: %s to %s', (year, from, to) => {
    const off = daysOff(year);
    const january = [...off].filter((date) => date >= `${year}-01-10` && date <= `${year}-02-28`);
    const weekendsAround = january.filter((date) => date < from || date > to).filter((date) => weekdayOf(parseLocalDate(date)) !== 0 && weekdayOf(parseLocalDate(date)) !== 6);
    expect(weekendsAround).toEqual([]);
    for (const date of range(from, to)) expect(off.has(date), date).toBe(true);
    expect(off.has(formatLocalDate(parseLocalDate(from) - 1))).toBe(weekdayOf(parseLocalDate(from) - 1) === 0 || weekdayOf(parseLocalDate(from) - 1) === 6);
  });
});

describe('yearly schedules override the rules', () => {
  const schedule = YearScheduleSchema.parse({
    year: 2027,
    sources: [{ document: 'Thông báo thử nghiệm', issuer: 'Bộ Nội vụ', covers: 'test' }],
    occasions: [
      { holiday: 'cultureDay', days: [] },
      { holiday: 'special', name: 'Ngày nghỉ đặc biệt', days: [{ date: '2027-06-15', kind: 'holiday' }] },
      {
        holiday: 'nationalDay',
        days: [
          { date: '2027-09-02', kind: 'holiday' },
          { date: '2027-09-03', kind: 'holiday' },
          { date: '2027-09-01', kind: 'swapped' },
        ],
        makeUp: [{ date: '2027-09-11', for: '2027-09-01' }],
      },
    ],
  });

  test('an empty occasion cancels the rule, a special day is added, a swap adds a make-up day', () => {
    const plan = planYear(2027, { schedule });
    expect(plan.off.has(parseLocalDate('2027-11-24'))).toBe(false);
    expect(plan.off.get(parseLocalDate('2027-06-15'))).toMatchObject({ name: 'Ngày nghỉ đặc biệt' });
    expect(plan.off.get(parseLocalDate('2027-09-01'))).toMatchObject({ kind: 'swapped' });
    expect(plan.makeUp.get(parseLocalDate('2027-09-11'))).toMatchObject({ replaces: parseLocalDate('2027-09-01') });
    // Occasions the schedule does not list still come from the rules.
    expect(plan.off.get(parseLocalDate('2027-01-01'))).toMatchObject({ holiday: 'newYear' });
  });

  test('the schema refuses inconsistent schedules and says why', () => {
    const bad = (patch: object) => YearScheduleSchema.safeParse({ year: 2027, sources: [{ document: 'X 1/TB', issuer: 'Bộ Nội vụ', covers: 'test' }], occasions: [], ...patch });
    const messages = (result: ReturnType<typeof bad>) => (result.success ? [] : result.error.issues.map((issue) => issue.message));
    expect(messages(bad({ occasions: [{ holiday: 'tet', days: [{ date: '2026-02-17', kind: 'holiday' }] }] }))).toContain('Not in 2027');
    expect(messages(bad({ occasions: [{ holiday: 'tet', days: [{ date: '2027-02-30', kind: 'holiday' }] }] }))).toContain('Not a calendar date (YYYY-MM-DD)');
    expect(messages(bad({ occasions: [{ holiday: 'labour', days: [{ date: '2027-05-03', kind: 'swapped' }] }] }))).toContain('Swapped day 2027-05-03 has no make-up day');
    expect(messages(bad({ occasions: [{ holiday: 'special', days: [{ date: '2027-05-03', kind: 'holiday' }] }] }))).toContain('A special day off needs a name');
    expect(
      messages(bad({ occasions: [{ holiday: 'labour', days: [{ date: '2027-05-03', kind: 'swapped' }], makeUp: [{ date: '2027-05-03', for: '2027-05-03' }] }] })),
    ).toContain('2027-05-03 is both a day off and a make-up day');
    expect(messages(bad({ sources: [] }))).not.toEqual([]);
  });
});
