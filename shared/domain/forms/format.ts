import type { TimeLimit } from '../../contract/time-limit.ts';
import { formatVietnamInstant, parseInstant } from '../calendar/civil.ts';

/** What an official form prints where a value is unknown: a dotted blank the clerk can fill by hand. */
export const BLANK = '……………';

type Parts = { y: string; mo: string; d: string; h: string; mi: string };

/** Any ISO instant → its wall-clock parts in Vietnam (records are +07:00 already; '…Z' is converted). */
function parts(iso: string): Parts {
  const local = formatVietnamInstant(parseInstant(iso));
  return { y: local.slice(0, 4), mo: local.slice(5, 7), d: local.slice(8, 10), h: local.slice(11, 13), mi: local.slice(14, 16) };
}

/** "09 giờ 00 phút, ngày 23 tháng 11 năm 2026", as form 01 items 4 and 5 print times. */
export function longTime(iso: string): string {
  const p = parts(iso);
  return `${p.h} giờ ${p.mi} phút, ngày ${p.d} tháng ${p.mo} năm ${p.y}`;
}

/** "ngày 23 tháng 11 năm 2026". */
export function longDate(iso: string): string {
  const p = parts(iso);
  return `ngày ${p.d} tháng ${p.mo} năm ${p.y}`;
}

/** "23/11/2026". */
export function shortDate(iso: string): string {
  const p = parts(iso);
  return `${p.d}/${p.mo}/${p.y}`;
}

/** "14:05 ngày 23/11/2026", for the reprint banner. */
export function shortTime(iso: string): string {
  const p = parts(iso);
  return `${p.h}:${p.mi} ngày ${p.d}/${p.mo}/${p.y}`;
}

/** "yyyyMMddHHmmss" in Vietnam's time, as national exchanges carry dates (DOMAIN.md). */
export function compactTime(iso: string): string {
  const local = formatVietnamInstant(parseInstant(iso));
  return local.slice(0, 19).replace(/[-T:]/g, '');
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A procedure's time limit as the form's item 3 says it. */
export function timeLimitText(limit: TimeLimit): string {
  switch (limit.unit) {
    case 'workingDays':
      return `${two(limit.value)} ngày làm việc`;
    case 'workingHours':
      return `${two(limit.value)} giờ làm việc`;
    case 'calendarDays':
      return `${two(limit.value)} ngày`;
    case 'sameDay':
      return limit.cutoff === undefined ? 'Trong ngày' : `Trong ngày (nhận sau ${limit.cutoff} trả trong ngày làm việc tiếp theo)`;
    default:
      throw new RangeError(`unknown time-limit unit ${String((limit as { unit: unknown }).unit)}`);
  }
}

/** "150.000 đồng": Vietnamese thousands separator. */
export function vnd(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

/** Fills `{name}` placeholders; an unknown or empty value becomes the dotted blank. */
export function fill(text: string, vars: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    const value = vars[name];
    return value === undefined || value.trim() === '' ? BLANK : value;
  });
}
