import type { HolidayKey, ScheduleDayKind, YearSchedule } from '../../contract/calendar.ts';
import { dayFromParts, formatLocalDate, parseLocalDate, weekdayOf, type DayNumber } from './civil.ts';
import { dayFromLunar, lunarNewYearDay } from './lunar.ts';

/**
 * Public holidays of Vietnam, computed for any year, and overridden by each year's official schedule.
 *
 * The law (Bộ luật Lao động 2019, Art. 112 [S]): Tết Dương lịch 1 day (1/1); Tết Âm lịch 5 days (the
 * government fixes which); Ngày Chiến thắng 1 day (30/4); Ngày Quốc tế lao động 1 day (1/5); Quốc khánh 2 days
 * (2/9 and one day before or after it, fixed each year); Giỗ Tổ Hùng Vương 1 day (10/3 lunar). From 01/7/2026
 * Ngày Văn hóa Việt Nam (24/11) is added [S/U: DOMAIN.md cites NQ 28/2026/QH16; not confirmed here].
 * Art. 111(3): a holiday that falls on the weekly rest day gives a compensatory day (nghỉ bù) on the next
 * working day.
 *
 * Where the law leaves the choice to the government each year (the five Tết days, the day next to 2/9), the
 * computed default is a documented rule — the shape of most recent decisions — and the shipped yearly data
 * replaces it. Everything here is overridable per year by data, never only by code.
 */

export const HOLIDAY_NAMES: Readonly<Record<HolidayKey, string>> = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên Đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victory: 'Ngày Chiến thắng',
  labour: 'Ngày Quốc tế Lao động',
  nationalDay: 'Quốc khánh',
  cultureDay: 'Ngày Văn hóa Việt Nam',
  special: 'Ngày nghỉ',
};

/** A rule producing statutory days for a year. `from`/`until` ('YYYY-MM-DD') bound the days it yields. */
export type HolidayRule = Readonly<
  (
    | { kind: 'solar'; holiday: HolidayKey; month: number; day: number }
    | { kind: 'lunar'; holiday: HolidayKey; month: number; day: number }
    /** Tết: from `daysBefore` days before lunar 1/1 to `daysAfter` days after it. */
    | { kind: 'tet'; holiday: HolidayKey; daysBefore: number; daysAfter: number }
    /** The day next to 2/9, chosen by the weekday of 2/9 (see NATIONAL_DAY_NEIGHBOUR). */
    | { kind: 'nationalDayNeighbour'; holiday: HolidayKey }
  ) & { from?: string; until?: string; basis: string }
>;

/**
 * The day next to 2/9 the default picks, by the weekday of 2/9 (0 = Sunday): the neighbour that is a
 * weekday and, where both are, the one that joins the weekend. 2024 (Mon) → 3/9, 2025 (Tue) → 1/9,
 * 2021 (Thu) → 3/9, 2022 (Fri) → 1/9 and 2026 (Wed) → 1/9 are what the government chose.
 */
export const NATIONAL_DAY_NEIGHBOUR: readonly number[] = [+1, +1, -1, -1, +1, -1, -1];

export const STATUTORY_RULES: readonly HolidayRule[] = [
  { kind: 'solar', holiday: 'newYear', month: 1, day: 1, basis: 'BLLĐ 2019 Điều 112 khoản 1 điểm a' },
  // Default Tết: the last two days of the old lunar year and the first three of the new one ("2 ngày trước
  // Tết và 3 ngày sau Tết"), with nghỉ bù after for those on a weekend. With the weekends this gives exactly
  // the days off decided for 2022, 2023, 2024, 2025 and 2026 (2026 named its statutory days differently:
  // 29 Chạp – mùng 4). Each year's schedule replaces it.
  { kind: 'tet', holiday: 'tet', daysBefore: 2, daysAfter: 2, basis: 'BLLĐ 2019 Điều 112 khoản 1 điểm b (ngày cụ thể do Thủ tướng quyết định)' },
  { kind: 'lunar', holiday: 'hungKings', month: 3, day: 10, basis: 'BLLĐ 2019 Điều 112 khoản 1 điểm đ' },
  { kind: 'solar', holiday: 'victory', month: 4, day: 30, basis: 'BLLĐ 2019 Điều 112 khoản 1 điểm c' },
  { kind: 'solar', holiday: 'labour', month: 5, day: 1, basis: 'BLLĐ 2019 Điều 112 khoản 1 điểm d' },
  { kind: 'solar', holiday: 'nationalDay', month: 9, day: 2, basis: 'BLLĐ 2019 Điều 112 khoản 1 điểm đ' },
  { kind: 'nationalDayNeighbour', holiday: 'nationalDay', from: '2021-01-01', basis: 'BLLĐ 2019 Điều 112 khoản 1 điểm đ (ngày liền kề do Thủ tướng quyết định)' },
  { kind: 'solar', holiday: 'cultureDay', month: 11, day: 24, from: '2026-07-01', basis: 'Ngày Văn hóa Việt Nam, nghỉ hưởng lương từ 01/7/2026 (NQ 80-NQ/TW; DOMAIN.md: NQ 28/2026/QH16) [S/U]' },
];

/** The weekly rest days of the civil service (Saturday, Sunday), against which nghỉ bù is counted. */
export const NATIONAL_REST_DAYS: readonly number[] = [6, 0];

export type OffDay = Readonly<{ day: DayNumber; holiday: HolidayKey; name: string; kind: ScheduleDayKind }>;
export type MakeUpDay = Readonly<{ day: DayNumber; holiday: HolidayKey; name: string; replaces: DayNumber }>;

export type YearPlan = Readonly<{
  year: number;
  off: ReadonlyMap<DayNumber, OffDay>;
  makeUp: ReadonlyMap<DayNumber, MakeUpDay>;
  /** Occasions that came from the year's official schedule rather than the rules. */
  fromSchedule: readonly HolidayKey[];
}>;

function ruleDays(rule: HolidayRule, year: number): DayNumber[] {
  switch (rule.kind) {
    case 'solar': {
      const day = dayFromParts(year, rule.month, rule.day);
      return day === undefined ? [] : [day];
    }
    case 'lunar':
      return [dayFromLunar({ year, month: rule.month, day: rule.day, leap: false })];
    case 'tet': {
      const newYear = lunarNewYearDay(year);
      const days: DayNumber[] = [];
      for (let offset = -rule.daysBefore; offset <= rule.daysAfter; offset++) days.push(newYear + offset);
      return days;
    }
    case 'nationalDayNeighbour': {
      const second = dayFromParts(year, 9, 2)!;
      return [second + NATIONAL_DAY_NEIGHBOUR[weekdayOf(second)]!];
    }
  }
}

/** The statutory days of a year by the rules alone (no nghỉ bù, no yearly data), in date order. */
export function statutoryDays(year: number, rules: readonly HolidayRule[] = STATUTORY_RULES): { day: DayNumber; holiday: HolidayKey }[] {
  const result: { day: DayNumber; holiday: HolidayKey }[] = [];
  for (const rule of rules) {
    const from = rule.from === undefined ? -Infinity : parseLocalDate(rule.from);
    const until = rule.until === undefined ? Infinity : parseLocalDate(rule.until);
    for (const day of ruleDays(rule, year)) {
      if (day >= from && day <= until && !result.some((entry) => entry.day === day)) result.push({ day, holiday: rule.holiday });
    }
  }
  return result.sort((a, b) => a.day - b.day);
}

export type PlanOptions = Readonly<{
  rules?: readonly HolidayRule[];
  /** The year's official schedule, if one is known. */
  schedule?: YearSchedule;
  restDays?: readonly number[];
}>;

/**
 * Every day off and make-up day of a year: the official schedule's occasions as listed, the other occasions
 * computed by the rules, and nghỉ bù for each computed holiday on a rest day — placed on the first following
 * day that is neither a rest day nor already off (Art. 111(3)), in date order.
 */
export function planYear(year: number, options: PlanOptions = {}): YearPlan {
  const rules = options.rules ?? STATUTORY_RULES;
  const restDays = options.restDays ?? NATIONAL_REST_DAYS;
  const schedule = options.schedule;
  if (schedule !== undefined && schedule.year !== year) throw new RangeError(`Schedule for ${schedule.year} given for ${year}`);
  const off = new Map<DayNumber, OffDay>();
  const makeUp = new Map<DayNumber, MakeUpDay>();
  const fromSchedule = new Set<HolidayKey>();

  for (const occasion of schedule?.occasions ?? []) {
    fromSchedule.add(occasion.holiday);
    const name = occasion.name ?? HOLIDAY_NAMES[occasion.holiday];
    for (const entry of occasion.days) {
      const day = parseLocalDate(entry.date);
      off.set(day, { day, holiday: occasion.holiday, name, kind: entry.kind });
    }
    for (const entry of occasion.makeUp ?? []) {
      const day = parseLocalDate(entry.date);
      makeUp.set(day, { day, holiday: occasion.holiday, name, replaces: parseLocalDate(entry.for) });
    }
  }

  const computed = statutoryDays(year, rules).filter((entry) => !fromSchedule.has(entry.holiday) && !off.has(entry.day));
  for (const entry of computed) off.set(entry.day, { ...entry, name: HOLIDAY_NAMES[entry.holiday], kind: 'holiday' });
  for (const entry of computed) {
    if (!restDays.includes(weekdayOf(entry.day))) continue;
    let day = entry.day + 1;
    while (restDays.includes(weekdayOf(day)) || off.has(day) || makeUp.has(day)) day++;
    off.set(day, { day, holiday: entry.holiday, name: HOLIDAY_NAMES[entry.holiday], kind: 'compensatory' });
  }
  return { year, off, makeUp, fromSchedule: [...fromSchedule] };
}

/** The reason text a clerk sees for a day off. */
export function offDayReason(entry: OffDay): string {
  switch (entry.kind) {
    case 'holiday':
    case 'weekend':
      return entry.name;
    case 'compensatory':
      return `Nghỉ bù ${entry.name}`;
    case 'swapped':
      return `Nghỉ hoán đổi dịp ${entry.name}`;
  }
}

/** For logs and docs: the plan as sorted 'YYYY-MM-DD reason' lines. */
export function describePlan(plan: YearPlan): string[] {
  const lines = [...plan.off.values()].map((entry) => ({ day: entry.day, text: `${formatLocalDate(entry.day)} ${offDayReason(entry)}` }));
  for (const entry of plan.makeUp.values()) lines.push({ day: entry.day, text: `${formatLocalDate(entry.day)} Làm bù (${entry.name})` });
  return lines.sort((a, b) => a.day - b.day).map((line) => line.text);
}
