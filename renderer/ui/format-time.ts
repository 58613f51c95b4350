import { dayFromParts, formatLocalDate } from '../../shared/domain/calendar/civil.ts';

/** Vietnam has one time zone and no daylight saving; dates are shown as Vietnamese paperwork writes them. */
const VIETNAM_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const found: Record<string, string> = {};
  for (const part of VIETNAM_PARTS.formatToParts(date)) found[part.type] = part.value;
  return found;
}

/** `dd/MM/yyyy HH:mm` in Vietnam time, whatever the PC's zone; the input itself if it is not a date. */
export function formatVietnamDateTime(iso: string): string {
  const p = parts(iso);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : iso;
}

/** `dd/MM/yyyy` in Vietnam time. */
export function formatVietnamDate(iso: string): string {
  const p = parts(iso);
  return p ? `${p.day}/${p.month}/${p.year}` : iso;
}

/** A calendar date `YYYY-MM-DD` as `dd/MM/yyyy` (no time zone involved). */
export function localDateToDisplay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}

/** `dd/MM/yyyy` (also d/M/yyyy, dots or dashes) → `YYYY-MM-DD`; null when it is not a real date. */
export function displayToLocalDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const day = dayFromParts(Number(match[3]), Number(match[2]), Number(match[1]));
  return day === undefined ? null : formatLocalDate(day);
}
