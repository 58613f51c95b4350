import { newMoonJd, lunationNear, sunLongitudeAtJd, JD_UNIX_EPOCH } from './astronomy.ts';
import { dateParts, dayFromParts, formatLocalDate, parseLocalDate, VIETNAM_OFFSET_MINUTES, type DayNumber } from './civil.ts';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from astronomy for Vietnam's meridian, UTC+7.
 *
 * The rules are those of the Chinese-style calendar in use since the 17th century (time-zone aside), as
 * described in the literature (e.g. Helmer Aslaksen, "The Mathematics of the Chinese Calendar"; the
 * Vietnamese rules are the same with UTC+7 in place of UTC+8):
 *  1. A month begins on the (local) day of a new moon.
 *  2. The month that contains the December solstice (Sun at 270°) is month 11.
 *  3. If there are 13 months from one month 11 to the next (exclusive), the first of them, after month 11,
 *     that contains no major solar term (zhōngqì / trung khí: the Sun at a multiple of 30°) is a leap month
 *     and takes the number of the month before it.
 * "Contains" is judged in whole local days: a month runs from 00:00 of its first day to 00:00 of the next
 * month's first day, UTC+7. This is where Vietnam and China part: Tết 1985 (Vietnam 21/01, China 20/02) and
 * 2007 (17/02 vs 18/02) differ only because of the hour between UTC+7 and UTC+8.
 *
 * Before 1968 (North) and 1975 (South) Vietnam actually used calendars computed for UTC+8; this module
 * always uses the offset it is given (UTC+7 by default), which is what a working calendar needs.
 *
 * Supported: lunar years 1900–2199 (Gregorian 1900-01-31 to 2200-01-?); the astronomy holds further, the
 * forecast of ΔT does not.
 */

export type LunarDate = Readonly<{ year: number; month: number; day: number; leap: boolean }>;

export type LunarMonth = Readonly<{
  /** 1–12; a leap month carries the number of the month before it. */
  month: number;
  leap: boolean;
  /** The lunar year the month belongs to (months 11 and 12 before Tết belong to the previous one). */
  lunarYear: number;
  /** First day (day number, local). */
  start: DayNumber;
  /** 29 or 30. */
  length: number;
}>;

export type CalendarOptions = Readonly<{
  /** Minutes east of UTC of the meridian the calendar is computed for: 420 (Vietnam) unless said. */
  offsetMinutes?: number;
}>;

export const FIRST_LUNAR_YEAR = 1900;
export const LAST_LUNAR_YEAR = 2199;

/** Local day number on which an instant (JD, UT) falls. */
function localDayOfJd(jd: number, offsetMinutes: number): DayNumber {
  return Math.floor(jd + offsetMinutes / 1440 - JD_UNIX_EPOCH);
}

/** The instant (JD, UT) at which a local day begins. */
function jdOfLocalMidnight(day: DayNumber, offsetMinutes: number): number {
  return day + JD_UNIX_EPOCH - offsetMinutes / 1440;
}

/** Signed angle a − b folded into (−180, 180]. */
function angleDiff(a: number, b: number): number {
  let d = (a - b) % 360;
  if (d <= -180) d += 360;
  if (d > 180) d -= 360;
  return d;
}

type Sui = Readonly<{ gregorianYear: number; months: readonly LunarMonth[]; end: DayNumber }>;

class Computer {
  private readonly offset: number;
  private readonly newMoonDays = new Map<number, DayNumber>();
  private readonly longitudes = new Map<DayNumber, number>();
  private readonly suis = new Map<number, Sui>();

  constructor(offsetMinutes: number) {
    this.offset = offsetMinutes;
  }

  newMoonDay(k: number): DayNumber {
    let day = this.newMoonDays.get(k);
    if (day === undefined) {
      day = localDayOfJd(newMoonJd(k), this.offset);
      this.newMoonDays.set(k, day);
    }
    return day;
  }

  /** The Sun's apparent longitude at local midnight starting `day`. */
  longitudeAtMidnight(day: DayNumber): number {
    let longitude = this.longitudes.get(day);
    if (longitude === undefined) {
      longitude = sunLongitudeAtJd(jdOfLocalMidnight(day, this.offset));
      this.longitudes.set(day, longitude);
    }
    return longitude;
  }

  /** Does the month running from local day `start` to `end` (exclusive) contain a major solar term? */
  hasMajorTerm(start: DayNumber, end: DayNumber): boolean {
    return Math.floor(this.longitudeAtMidnight(start) / 30) !== Math.floor(this.longitudeAtMidnight(end) / 30);
  }

  /** Lunation number of the month 11 of a Gregorian year: the month containing that December's solstice. */
  month11(gregorianYear: number): number {
    const december21 = dayFromParts(gregorianYear, 12, 21);
    if (december21 === undefined) throw new RangeError(`Bad year ${gregorianYear}`);
    let k = lunationNear(december21 + JD_UNIX_EPOCH);
    for (let guard = 0; guard < 4; guard++) {
      const startsBefore = angleDiff(this.longitudeAtMidnight(this.newMoonDay(k)), 270) <= 0;
      const endsAfter = angleDiff(this.longitudeAtMidnight(this.newMoonDay(k + 1)), 270) > 0;
      if (startsBefore && endsAfter) return k;
      k += startsBefore ? 1 : -1;
    }
    throw new Error(`No month 11 found for ${gregorianYear}`);
  }

  /** The months from month 11 of `gregorianYear − 1` up to (not including) month 11 of `gregorianYear`. */
  sui(gregorianYear: number): Sui {
    const cached = this.suis.get(gregorianYear);
    if (cached) return cached;
    if (gregorianYear < FIRST_LUNAR_YEAR - 10 || gregorianYear > LAST_LUNAR_YEAR + 11) {
      throw new RangeError(`The lunar calendar is supported for the years ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}`);
    }
    const k1 = this.month11(gregorianYear - 1);
    const k2 = this.month11(gregorianYear);
    const count = k2 - k1;
    if (count !== 12 && count !== 13) throw new Error(`A year of ${count} months in ${gregorianYear}`);
    let leapIndex = -1;
    if (count === 13) {
      for (let i = 1; i < count; i++) {
        if (!this.hasMajorTerm(this.newMoonDay(k1 + i), this.newMoonDay(k1 + i + 1))) {
          leapIndex = i;
          break;
        }
      }
      if (leapIndex < 0) throw new Error(`A 13-month year without a month lacking a major term: ${gregorianYear}`);
    }
    const months: LunarMonth[] = [];
    let number = 10;
    let newYearSeen = false;
    for (let i = 0; i < count; i++) {
      const leap = i === leapIndex;
      if (!leap) number = (number % 12) + 1;
      if (number === 1 && !leap) newYearSeen = true;
      const start = this.newMoonDay(k1 + i);
      months.push({ month: number, leap, lunarYear: newYearSeen ? gregorianYear : gregorianYear - 1, start, length: this.newMoonDay(k1 + i + 1) - start });
    }
    const sui: Sui = { gregorianYear, months, end: this.newMoonDay(k2) };
    this.suis.set(gregorianYear, sui);
    return sui;
  }
}

const computers = new Map<number, Computer>();

function computer(options?: CalendarOptions): Computer {
  const offset = options?.offsetMinutes ?? VIETNAM_OFFSET_MINUTES;
  let found = computers.get(offset);
  if (!found) {
    found = new Computer(offset);
    computers.set(offset, found);
  }
  return found;
}

function checkLunarYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) {
    throw new RangeError(`The lunar calendar is supported for the years ${FIRST_LUNAR_YEAR}–${LAST_LUNAR_YEAR}`);
  }
}

/** The months of a lunar year, from month 1 (Tết) to month 12 (or a leap 12), in order. */
export function lunarYearMonths(lunarYear: number, options?: CalendarOptions): LunarMonth[] {
  checkLunarYear(lunarYear);
  const c = computer(options);
  return [...c.sui(lunarYear).months, ...c.sui(lunarYear + 1).months].filter((month) => month.lunarYear === lunarYear);
}

/** The leap month of a lunar year (its number), or 0 when the year has none. */
export function leapMonthOf(lunarYear: number, options?: CalendarOptions): number {
  return lunarYearMonths(lunarYear, options).find((month) => month.leap)?.month ?? 0;
}

/** Tết Nguyên Đán: the day number of lunar 1/1 of `lunarYear` (which begins in that Gregorian year). */
export function lunarNewYearDay(lunarYear: number, options?: CalendarOptions): DayNumber {
  checkLunarYear(lunarYear);
  const month1 = computer(options).sui(lunarYear).months.find((month) => month.month === 1 && !month.leap);
  if (!month1) throw new Error(`No month 1 in ${lunarYear}`);
  return month1.start;
}

/** Lunar date of a local day number. */
export function lunarFromDay(day: DayNumber, options?: CalendarOptions): LunarDate {
  const c = computer(options);
  const year = dateParts(day).year;
  let sui = c.sui(year);
  if (day >= sui.end) sui = c.sui(year + 1);
  else if (day < (sui.months[0]?.start ?? day)) sui = c.sui(year - 1);
  let found: LunarMonth | undefined;
  for (const month of sui.months) if (month.start <= day) found = month;
  if (!found) throw new Error(`No lunar month for day ${day}`);
  checkLunarYear(found.lunarYear);
  return { year: found.lunarYear, month: found.month, day: day - found.start + 1, leap: found.leap };
}

/** Local day number of a lunar date; RangeError when the date does not exist (no such leap month, day 30 of a 29-day month). */
export function dayFromLunar(date: LunarDate, options?: CalendarOptions): DayNumber {
  checkLunarYear(date.year);
  if (!Number.isInteger(date.month) || date.month < 1 || date.month > 12) throw new RangeError(`Lunar month must be 1–12: ${date.month}`);
  const month = lunarYearMonths(date.year, options).find((m) => m.month === date.month && m.leap === date.leap);
  if (!month) throw new RangeError(`Lunar year ${date.year} has no ${date.leap ? 'leap ' : ''}month ${date.month}`);
  if (!Number.isInteger(date.day) || date.day < 1 || date.day > month.length) {
    throw new RangeError(`Lunar month ${date.month}${date.leap ? ' (leap)' : ''} of ${date.year} has ${month.length} days`);
  }
  return month.start + date.day - 1;
}

/** 'YYYY-MM-DD' (solar) → lunar date, Vietnam's calendar unless another offset is given. */
export function solarToLunar(date: string, options?: CalendarOptions): LunarDate {
  return lunarFromDay(parseLocalDate(date), options);
}

/** Lunar date → 'YYYY-MM-DD' (solar). */
export function lunarToSolar(date: LunarDate, options?: CalendarOptions): string {
  return formatLocalDate(dayFromLunar(date, options));
}

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** The sexagenary name of a lunar year: 2024 → 'Giáp Thìn', 2026 → 'Bính Ngọ'. */
export function lunarYearName(lunarYear: number): string {
  return `${STEMS[(((lunarYear + 6) % 10) + 10) % 10]} ${BRANCHES[(((lunarYear + 8) % 12) + 12) % 12]}`;
}
