import { formatVietnameseDate, parseLocalDate } from '../../../shared/domain/calendar/civil.ts';
import { displayToLocalDate } from '../../ui/format-time.ts';

/*
 * The report's day as a clerk types it: DD/MM/YYYY, whatever the language of Windows (format-time.ts reads
 * and writes it). A browser's `<input type="date">` shows the operating system's order (MM/DD/YYYY on an
 * English Windows), which a Vietnamese clerk reads as another day.
 */

/** The day `days` after (before, when negative) the typed one, as text; the text unchanged when it is not a date. */
export function shiftDayText(text: string, days: number): string {
  const localDate = displayToLocalDate(text);
  return localDate === null ? text : formatVietnameseDate(parseLocalDate(localDate) + days);
}
