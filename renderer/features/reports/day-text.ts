import { dayFromParts, formatLocalDate, formatVietnameseDate, parseLocalDate } from '../../../shared/domain/calendar/civil.ts';

/*
 * The report's day as a clerk types it: DD/MM/YYYY, whatever the language of Windows. A browser's
 * `<input type="date">` shows the operating system's order (MM/DD/YYYY on an English Windows), which a
 * Vietnamese clerk reads as another day.
 */

const DAY_TEXT = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;

/** 'YYYY-MM-DD' → 'DD/MM/YYYY'. */
export function dayText(localDate: string): string {
  return formatVietnameseDate(parseLocalDate(localDate));
}

/** 'D/M/YYYY' (also with '.' or '-') → 'YYYY-MM-DD', or null when it is not a calendar date. */
export function parseDayText(text: string): string | null {
  const match = DAY_TEXT.exec(text);
  if (!match) return null;
  const day = dayFromParts(Number(match[3]), Number(match[2]), Number(match[1]));
  return day === undefined ? null : formatLocalDate(day);
}

/** The day `days` after (before, when negative) the typed one, as text; the text unchanged when it is not a date. */
export function shiftDayText(text: string, days: number): string {
  const localDate = parseDayText(text);
  return localDate === null ? text : formatVietnameseDate(parseLocalDate(localDate) + days);
}
