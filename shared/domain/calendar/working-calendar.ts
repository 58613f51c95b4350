import type { CalendarDay, WorkingHours, YearSchedule } from '../../contract/calendar.ts';
import type { TimeLimit } from '../../contract/time-limit.ts';
import {
  dateParts,
  formatLocalDate,
  formatVietnamInstant,
  MS_PER_MINUTE,
  parseClockTime,
  parseInstant,
  parseLocalDate,
  vietnamDayOf,
  vietnamMidnight,
  vietnamTimeOfDayMs,
  WEEKDAY_NAMES_VI,
  weekdayOf,
  type DayNumber,
} from './civil.ts';
import { offDayReason, planYear, type HolidayRule, type YearPlan } from './holidays.ts';

/**
 * The centre's working calendar: which days it works, its sessions, and due dates of time limits.
 *
 * Conventions (docs/CALENDAR.md gives the sources):
 * - The clock starts when the dossier is received, moved forward into working time: after closing → the next
 *   working day's opening; during the lunch break → the afternoon opening (DOMAIN.md).
 * - workingHours N: N × 60 working minutes after the clock starts.
 * - workingDays N ('sameTime', default): the same point of the working day, N working days later — received
 *   Monday 09:00, 1 day → Tuesday 09:00; received at opening → closing of the (N−1)th following working day, the
 *   same instant of working time. This is how one-stop software prints "Thời gian trả kết quả: HH giờ mm phút,
 *   ngày …" [S]. 'endOfDay': closing time of the Nth working day after the clock starts (Bộ luật Dân sự 2015,
 *   Art. 147: the first day is not counted; Art. 148: the period ends at the end of its last day).
 * - calendarDays N: Bộ luật Dân sự 2015, Art. 147–148: the day of receipt is not counted; the period ends with
 *   day N, and when that is a weekend or holiday, with the next working day. "The end of the day" is taken as
 *   the centre's closing time, when results can actually be handed over.
 * - sameDay (with cutoff, e.g. chứng thực, NĐ 23/2015 Art. 7 [S]): received on a working day up to the cutoff
 *   (inclusive) → closing time that day; later, or on a day the centre does not work → closing time of the
 *   next working day. Without a cutoff the closing time is the cutoff. `value` is not used.
 * - Between two instants, working time is counted to the millisecond, so a supplement pause moves a due date
 *   exactly: addWorkingMinutes(dueAt, workingMinutesBetween(pausedAt, resumedAt)).
 * - Results are the earliest instant that satisfies the count: a limit ending exactly at a session's end is due
 *   at that end (11:30, 17:00), not at the next opening.
 */

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  week: {
    mon: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
    tue: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
    wed: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
    thu: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
    fri: [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }],
    sat: [],
    sun: [],
  },
};

/** DEFAULT_WORKING_HOURS with Saturday morning worked, for centres that receive dossiers then. */
export const SATURDAY_MORNING_HOURS: WorkingHours = {
  ...DEFAULT_WORKING_HOURS,
  week: { ...DEFAULT_WORKING_HOURS.week, sat: [{ start: '07:00', end: '11:30' }] },
};

export type WorkingCalendarOptions = Readonly<{
  hours?: WorkingHours;
  /** Official yearly schedules; one per year at most (the last one given for a year wins). */
  schedules?: readonly YearSchedule[];
  rules?: readonly HolidayRule[];
}>;

export type DueDateInput = Readonly<{ receivedAt: string; limit: TimeLimit }>;
export type DueDate = Readonly<{ dueAt: string; clockStartsAt: string }>;

export interface WorkingCalendar {
  /** 'YYYY-MM-DD' → whether the centre works and, when it does not (or works a make-up day), why. */
  day(date: string): CalendarDay;
  dueDate(input: DueDateInput): DueDate;
  /** The earliest instant after `fromIso` by which `minutes` of working time have passed (0 → `fromIso`). */
  addWorkingMinutes(fromIso: string, minutes: number): string;
  /** Working minutes in [fromIso, toIso) (negative when toIso is earlier); fractional to the millisecond. */
  workingMinutesBetween(fromIso: string, toIso: string): number;
  /** A day's sessions as 'HH:mm' pairs; empty when the centre does not work. */
  sessions(date: string): readonly { start: string; end: string }[];
  readonly hours: WorkingHours;
}

const WEEK_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** How far to look for working time before deciding the configuration has none. */
const SEARCH_DAYS = 400;
/** Dates this calendar answers for: the lunar calendar's range. */
const FIRST_DAY = parseLocalDate('1900-01-01');
const LAST_DAY = parseLocalDate('2199-12-31');

type Window = readonly [start: number, end: number];

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const hours = options.hours ?? DEFAULT_WORKING_HOURS;
  const convention = hours.workingDaysDue ?? 'sameTime';
  const toMinutes = (sessions: readonly { start: string; end: string }[]): Window[] =>
    sessions.map((session) => [parseClockTime(session.start), parseClockTime(session.end)] as const);
  const weekly = WEEK_KEYS.map((key) => toMinutes(hours.week[key]));
  const makeUpSessions = toMinutes(hours.makeUpDay ?? hours.week.mon);
  const schedules = new Map<number, YearSchedule>();
  for (const schedule of options.schedules ?? []) schedules.set(schedule.year, schedule);
  const plans = new Map<number, YearPlan>();

  function checkDay(day: DayNumber): void {
    if (day < FIRST_DAY || day > LAST_DAY) throw new RangeError(`Dates from 1900-01-01 to 2199-12-31 only: ${formatLocalDate(day)}`);
  }

  function planOf(day: DayNumber): YearPlan {
    checkDay(day);
    const year = dateParts(day).year;
    let plan = plans.get(year);
    if (!plan) {
      const schedule = schedules.get(year);
      plan = planYear(year, { ...(options.rules ? { rules: options.rules } : {}), ...(schedule ? { schedule } : {}) });
      plans.set(year, plan);
    }
    return plan;
  }

  /** Working windows of a day in minutes after local midnight. */
  function minuteWindows(day: DayNumber): readonly Window[] {
    const plan = planOf(day);
    if (plan.makeUp.has(day)) return makeUpSessions;
    if (plan.off.has(day)) return [];
    return weekly[weekdayOf(day)]!;
  }

  /** Working windows of a day as absolute instants (ms). */
  function windows(day: DayNumber): Window[] {
    const midnight = vietnamMidnight(day);
    return minuteWindows(day).map(([start, end]) => [midnight + start * MS_PER_MINUTE, midnight + end * MS_PER_MINUTE] as const);
  }

  const isWorking = (day: DayNumber): boolean => minuteWindows(day).length > 0;
  const dayLength = (day: DayNumber): number => windows(day).reduce((sum, [start, end]) => sum + end - start, 0);
  const closingOf = (day: DayNumber): number => windows(day).at(-1)![1];

  function nextWorkingDay(day: DayNumber): DayNumber {
    for (let d = day + 1; d <= day + SEARCH_DAYS; d++) if (isWorking(d)) return d;
    throw new RangeError(`No working day within ${SEARCH_DAYS} days after ${formatLocalDate(day)}: check the working hours`);
  }

  function previousWorkingDay(day: DayNumber): DayNumber {
    for (let d = day - 1; d >= day - SEARCH_DAYS; d--) if (isWorking(d)) return d;
    throw new RangeError(`No working day within ${SEARCH_DAYS} days before ${formatLocalDate(day)}`);
  }

  /** The instant itself when it is working time, else the next opening. */
  function clockStart(ms: number): number {
    const first = vietnamDayOf(ms);
    for (let day = first; day <= first + SEARCH_DAYS; day++) {
      for (const [start, end] of windows(day)) if (ms < end) return Math.max(ms, start);
    }
    throw new RangeError(`No working time within ${SEARCH_DAYS} days: check the working hours`);
  }

  function addWorking(fromMs: number, amountMs: number): number {
    if (!(amountMs >= 0) || !Number.isFinite(amountMs)) throw new RangeError('Working time to add must be a finite number ≥ 0');
    if (amountMs === 0) return fromMs;
    let remaining = amountMs;
    let idle = 0;
    for (let day = vietnamDayOf(fromMs); ; day++) {
      const dayWindows = windows(day);
      idle = dayWindows.length === 0 ? idle + 1 : 0;
      if (idle > SEARCH_DAYS) throw new RangeError(`No working time within ${SEARCH_DAYS} days: check the working hours`);
      for (const [start, end] of dayWindows) {
        if (end <= fromMs) continue;
        const from = Math.max(fromMs, start);
        if (remaining <= end - from) return from + remaining;
        remaining -= end - from;
      }
    }
  }

  function workingBetween(fromMs: number, toMs: number): number {
    if (toMs < fromMs) return -workingBetween(toMs, fromMs);
    let total = 0;
    for (let day = vietnamDayOf(fromMs); day <= vietnamDayOf(toMs); day++) {
      for (const [start, end] of windows(day)) total += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
    }
    return total;
  }

  /** The earliest instant of `day` after `offsetMs` of its working time (offset within (0, length]). */
  function instantAtOffset(day: DayNumber, offsetMs: number): number {
    let remaining = offsetMs;
    for (const [start, end] of windows(day)) {
      if (remaining <= end - start) return start + remaining;
      remaining -= end - start;
    }
    throw new RangeError('Offset beyond the working day');
  }

  function workingDaysDue(start: number, count: number): number {
    if (count === 0) return start;
    const startDay = vietnamDayOf(start);
    let target = startDay;
    for (let i = 0; i < count; i++) target = nextWorkingDay(target);
    if (convention === 'endOfDay') return closingOf(target);
    const offset = workingBetween(windows(startDay)[0]![0], start);
    if (offset === 0) return closingOf(previousWorkingDay(target));
    const length = dayLength(target);
    return offset <= length ? instantAtOffset(target, offset) : addWorking(closingOf(target), offset - length);
  }

  function calendarDaysDue(start: number, count: number): number {
    let day = vietnamDayOf(start) + count;
    while (!isWorking(day)) day++;
    return closingOf(day);
  }

  function sameDayDue(receivedMs: number, cutoff: string | undefined): number {
    const day = vietnamDayOf(receivedMs);
    if (isWorking(day)) {
      const closing = closingOf(day);
      const limit = cutoff === undefined ? closing - vietnamMidnight(day) : parseClockTime(cutoff) * MS_PER_MINUTE;
      if (receivedMs < closing && vietnamTimeOfDayMs(receivedMs) <= limit) return closing;
    }
    return closingOf(nextWorkingDay(day));
  }

  function checkInstant(ms: number): void {
    checkDay(vietnamDayOf(ms));
  }

  return {
    hours,
    day(date) {
      const day = parseLocalDate(date);
      const plan = planOf(day);
      const makeUp = plan.makeUp.get(day);
      if (makeUp) return { date, working: makeUpSessions.length > 0, reason: 'Làm bù' };
      const off = plan.off.get(day);
      if (off) return { date, working: false, reason: offDayReason(off) };
      if (weekly[weekdayOf(day)]!.length === 0) return { date, working: false, reason: WEEKDAY_NAMES_VI[weekdayOf(day)]! };
      return { date, working: true };
    },

    dueDate({ receivedAt, limit }) {
      const received = parseInstant(receivedAt);
      checkInstant(received);
      if (!Number.isInteger(limit.value) || limit.value < 0) throw new RangeError('A time limit is a whole number ≥ 0');
      const start = clockStart(received);
      let due: number;
      switch (limit.unit) {
        case 'workingHours':
          due = addWorking(start, limit.value * 60 * MS_PER_MINUTE);
          break;
        case 'workingDays':
          due = workingDaysDue(start, limit.value);
          break;
        case 'calendarDays':
          due = calendarDaysDue(start, limit.value);
          break;
        case 'sameDay':
          due = sameDayDue(received, limit.cutoff);
          break;
      }
      return { dueAt: formatVietnamInstant(due), clockStartsAt: formatVietnamInstant(start) };
    },

    addWorkingMinutes(fromIso, minutes) {
      const from = parseInstant(fromIso);
      checkInstant(from);
      return formatVietnamInstant(addWorking(from, Math.round(minutes * MS_PER_MINUTE)));
    },

    workingMinutesBetween(fromIso, toIso) {
      const from = parseInstant(fromIso);
      const to = parseInstant(toIso);
      checkInstant(from);
      checkInstant(to);
      return workingBetween(from, to) / MS_PER_MINUTE;
    },

    sessions(date) {
      const day = parseLocalDate(date);
      const pad = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return minuteWindows(day).map(([start, end]) => ({ start: pad(start), end: pad(end) }));
    },
  };
}
