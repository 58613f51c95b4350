import type { CalendarYear } from '../../../shared/contract/calendar.ts';
import { dayFromParts, formatLocalDate, WEEKDAY_NAMES_VI, weekdayOf } from '../../../shared/domain/calendar/civil.ts';
import type { CalendarService } from './service.ts';

const PLAIN_REST_DAY: ReadonlySet<string> = new Set(WEEKDAY_NAMES_VI);

/**
 * The days of a year that are not ordinary: asked of the calendar itself (`day`), date by date, so the view
 * shows exactly what due dates use — holidays, nghỉ bù, swapped days, make-up days — and never a second
 * reading of the schedules. An ordinary working day has no reason; an ordinary weekly rest day's reason is
 * only its weekday's name, and both are left out.
 */
export function calendarYear(calendar: CalendarService, year: number): CalendarYear {
  const first = dayFromParts(year, 1, 1);
  const last = dayFromParts(year, 12, 31);
  if (first === undefined || last === undefined) throw new RangeError(`No such year: ${year}`);
  const days: CalendarYear['days'] = [];
  for (let day = first; day <= last; day++) {
    const date = formatLocalDate(day);
    const answer = calendar.day(date);
    if (answer.reason === undefined || PLAIN_REST_DAY.has(answer.reason)) continue;
    days.push({ date, weekday: weekdayOf(day), working: answer.working, reason: answer.reason });
  }
  return { year, hours: calendar.hours, officialSchedule: calendar.schedules.some((entry) => entry.year === year), days };
}
