/**
 * Civil dates and instants in Vietnam's time. Vietnam keeps UTC+7 all year (no daylight saving), so a local
 * date is just a day number and a local time is UTC + 7 h: no `Date` local-time getter is ever used, so the
 * result never depends on the time zone of the PC running the code.
 *
 * A `DayNumber` is the count of days since 1970-01-01 (that date is 0), in whatever zone the caller means
 * (Vietnam's unless said otherwise).
 */

export type DayNumber = number;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
/** Vietnam: UTC+7 (Indochina Time) all year. */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;
const VIETNAM_OFFSET_MS = VIETNAM_OFFSET_MINUTES * MS_PER_MINUTE;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a proleptic-Gregorian date, or undefined when the date does not exist (2026-02-30). */
export function dayFromParts(year: number, month: number, day: number): DayNumber | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999; the round trip rejects those and any rolled-over day.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  return match !== null && dayFromParts(Number(match[1]), Number(match[2]), Number(match[3])) !== undefined;
}

/** 'YYYY-MM-DD' → day number; a RangeError names what is wrong. */
export function parseLocalDate(text: string): DayNumber {
  const match = LOCAL_DATE.exec(text);
  if (!match) throw new RangeError(`Not a date in the form YYYY-MM-DD: ${text.slice(0, 40)}`);
  const day = dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  if (day === undefined) throw new RangeError(`Not a calendar date: ${text}`);
  return day;
}

export function dateParts(day: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

export function formatLocalDate(day: DayNumber): string {
  const parts = dateParts(day);
  return `${String(parts.year).padStart(4, '0')}-${pad2(parts.month)}-${pad2(parts.day)}`;
}

/** 'DD/MM/YYYY', as dates are written in Vietnamese documents. */
export function formatVietnameseDate(day: DayNumber): string {
  const parts = dateParts(day);
  return `${pad2(parts.day)}/${pad2(parts.month)}/${parts.year}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

export const WEEKDAY_NAMES_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/i;

/**
 * An ISO 8601 instant with an explicit offset ('2026-11-23T08:15:00+07:00', '…Z') → milliseconds since the
 * Unix epoch. Sub-millisecond digits are dropped. A RangeError names what is wrong.
 */
export function parseInstant(text: string): number {
  const match = INSTANT.exec(text);
  if (!match) throw new RangeError(`Not an ISO 8601 instant with an offset: ${text.slice(0, 40)}`);
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const day = dayFromParts(Number(y), Number(mo), Number(d));
  if (day === undefined || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) throw new RangeError(`Not a valid date and time: ${text.slice(0, 40)}`);
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (offset !== undefined && offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) throw new RangeError(`Not a valid offset: ${offset}`);
    offsetMinutes = sign * (oh * 60 + om);
  }
  return day * MS_PER_DAY + ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + millis - offsetMinutes * MS_PER_MINUTE;
}

/** Milliseconds since the epoch → '2026-11-23T08:15:00+07:00' (with '.sss' only when not whole seconds). */
export function formatVietnamInstant(ms: number): string {
  const local = ms + VIETNAM_OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  const within = local - day * MS_PER_DAY;
  const hours = Math.floor(within / 3_600_000);
  const minutes = Math.floor((within % 3_600_000) / MS_PER_MINUTE);
  const seconds = Math.floor((within % MS_PER_MINUTE) / 1000);
  const millis = Math.round(within % 1000);
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${formatLocalDate(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}${fraction}+07:00`;
}

/** The Vietnamese calendar day an instant falls on. */
export function vietnamDayOf(ms: number): DayNumber {
  return Math.floor((ms + VIETNAM_OFFSET_MS) / MS_PER_DAY);
}

/** The instant at which a Vietnamese day begins (00:00 +07:00). */
export function vietnamMidnight(day: DayNumber): number {
  return day * MS_PER_DAY - VIETNAM_OFFSET_MS;
}

/** Milliseconds since local midnight of the instant's Vietnamese day. */
export function vietnamTimeOfDayMs(ms: number): number {
  return ms - vietnamMidnight(vietnamDayOf(ms));
}

/** 'HH:mm' → minutes after midnight. */
export function parseClockTime(text: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match || (match[1] === '24' && match[2] !== '00')) throw new RangeError(`Not a time in the form HH:mm: ${text.slice(0, 20)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
