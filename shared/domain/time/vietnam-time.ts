import { formatLocalDate, formatVietnamInstant, parseLocalDate, vietnamDayOf, vietnamMidnight } from '../calendar/civil.ts';

// Date-facing helpers for records; the UTC+7 arithmetic itself lives in calendar/civil.ts.

/** An instant as records keep it, to the whole second: 2026-11-23T08:15:00+07:00. */
export function toVietnamIso(instant: Date): string {
  return formatVietnamInstant(Math.floor(instant.getTime() / 1000) * 1000);
}

/** The local calendar date (YYYY-MM-DD) of an instant in Vietnam. */
export function vietnamDate(instant: Date): string {
  return formatLocalDate(vietnamDayOf(instant.getTime()));
}

/** The instant at which a Vietnamese local date begins. */
export function startOfVietnamDay(date: string): Date {
  return new Date(vietnamMidnight(parseLocalDate(date)));
}
