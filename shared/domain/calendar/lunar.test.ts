import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { JD_UNIX_EPOCH, lunationNear, newMoonJd, solarLongitudeCrossing } from './astronomy.ts';
import { formatLocalDate, parseLocalDate } from './civil.ts';
import {
  dayFromLunar,
  FIRST_LUNAR_YEAR,
  LAST_LUNAR_YEAR,
  leapMonthOf,
  lunarFromDay,
  lunarNewYearDay,
  lunarToSolar,
  lunarYearMonths,
  lunarYearName,
  solarToLunar,
} from './lunar.ts';

type OracleYear = { tet: string; leap: number; lengths: string };
type Oracle = { vietnam: Record<string, OracleYear>; china: Record<string, OracleYear> };

/**
 * The INDEPENDENT check: testdata/lunar-oracle.json was computed by testdata/generate-lunar-oracle.py with
 * PyEphem (libastro: full VSOP87 for the Sun, ELP2000-82 for the Moon, its own ΔT) — a different theory of the
 * Moon, a different solar series and different code from astronomy.ts / lunar.ts. Only the calendar's
 * definition (new-moon day, month 11 holds the solstice, first month without a major term is leap) is shared.
 */
const oracle = JSON.parse(fs.readFileSync(new URL('./testdata/lunar-oracle.json', import.meta.url), 'utf8')) as Oracle;

const VIETNAM = { offsetMinutes: 420 };
const CHINA = { offsetMinutes: 480 };

function mine(year: number, options: { offsetMinutes: number }): OracleYear {
  const months = lunarYearMonths(year, options);
  return {
    tet: formatLocalDate(months[0]!.start),
    leap: months.find((month) => month.leap)?.month ?? 0,
    lengths: months.map((month) => (month.length === 30 ? '1' : '0')).join(''),
  };
}

/** Minutes between an instant (JD, UT) and the nearest local midnight. */
function minutesFromMidnight(jd: number, offsetMinutes: number): number {
  const local = jd + offsetMinutes / 1440 - JD_UNIX_EPOCH;
  return Math.abs(local - Math.round(local)) * 1440;
}

/**
 * The closest any new moon or major solar term of a lunar year comes to a local midnight, in minutes: where
 * two good ephemerides may legitimately disagree about the day.
 */
function closestCallMinutes(year: number, offsetMinutes: number): number {
  const months = lunarYearMonths(year, { offsetMinutes });
  let closest = Infinity;
  for (const month of [...months, { start: months.at(-1)!.start + months.at(-1)!.length }]) {
    const k = lunationNear(month.start + JD_UNIX_EPOCH + 0.5);
    closest = Math.min(closest, minutesFromMidnight(newMoonJd(k), offsetMinutes));
  }
  const first = months[0]!.start + JD_UNIX_EPOCH - 40;
  for (let approx = first; approx < first + 440; approx += 30.4) {
    for (let term = 0; term < 360; term += 30) {
      const crossing = solarLongitudeCrossing(term, approx);
      if (Math.abs(crossing - approx) < 16) closest = Math.min(closest, minutesFromMidnight(crossing, offsetMinutes));
    }
  }
  return closest;
}

describe('Vietnamese lunar calendar against an independent ephemeris (PyEphem), 1900–2199', () => {
  test.each([
    ['vietnam', VIETNAM],
    ['china', CHINA],
  ] as const)('%s: every lunar year has the same Tết, leap month and month lengths, except where an event is within a minute of midnight', (zone, options) => {
    const borderline: number[] = [];
    for (let year = FIRST_LUNAR_YEAR; year <= LAST_LUNAR_YEAR; year++) {
      const expected = oracle[zone][String(year)];
      expect(expected, `oracle has ${year}`).toBeDefined();
      const actual = mine(year, options);
      if (JSON.stringify(actual) === JSON.stringify(expected)) continue;
      // Meeus' new moons agree with ELP2000 to seconds; a difference is only legitimate at a midnight.
      expect(closestCallMinutes(year, options.offsetMinutes), `${zone} ${year}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`).toBeLessThan(1);
      borderline.push(year);
    }
    // Known: 1967-07-08 00:00 (UTC+7), a new moon 2 s before midnight by Meeus, 3 s after by ELP2000.
    expect(borderline).toEqual(zone === 'vietnam' ? [1967] : []);
  });
});

describe('Vietnamese lunar calendar against published dates', () => {
  // Tết dates from public sources: government announcements (2020, 2023–2026 give lunar and solar dates side by
  // side), the Tết Mậu Thân 1968 (Vietnam moved to UTC+7 that year), and the Vietnam/China differences reported
  // by Vietnamese officials (viet-jo.com 2006-07: 1968, 1969, 2007, 2030, 2053) and the press (1985).
  test.each([
    [1968, '1968-01-29', '1968-01-30'],
    [1969, '1969-02-16', '1969-02-17'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2020, '2020-01-25', '2020-01-25'],
    [2023, '2023-01-22', '2023-01-22'],
    [2024, '2024-02-10', '2024-02-10'],
    [2025, '2025-01-29', '2025-01-29'],
    [2026, '2026-02-17', '2026-02-17'],
    [2030, '2030-02-02', '2030-02-03'],
    [2053, '2053-02-18', '2053-02-19'],
  ])('Tết %i: Vietnam %s, China %s', (year, vietnam, china) => {
    expect(formatLocalDate(lunarNewYearDay(year))).toBe(vietnam);
    expect(formatLocalDate(lunarNewYearDay(year, CHINA))).toBe(china);
  });

  test('from 1968 to 2060 Vietnam and China differ exactly in 1968, 1969, 1985, 2007, 2030 and 2053', () => {
    const differ: number[] = [];
    for (let year = 1968; year <= 2060; year++) if (lunarNewYearDay(year) !== lunarNewYearDay(year, CHINA)) differ.push(year);
    expect(differ).toEqual([1968, 1969, 1985, 2007, 2030, 2053]);
  });

  test('1985: Vietnam has no leap month in Giáp Tý 1984 but a leap month 2 in Ất Sửu; China a leap 10 in 1984', () => {
    expect(leapMonthOf(1984)).toBe(0);
    expect(leapMonthOf(1985)).toBe(2);
    expect(leapMonthOf(1984, CHINA)).toBe(10);
    expect(leapMonthOf(1985, CHINA)).toBe(0);
  });

  test.each([
    // Thông báo 5015/TB-LĐTBXH (2024), 6150/TB-BLĐTBXH (2025), 9441/TB-BNV (2026), and the 2020 announcement.
    ['2020-01-23', 2019, 12, 29],
    ['2020-01-29', 2020, 1, 5],
    ['2024-02-08', 2023, 12, 29],
    ['2024-02-14', 2024, 1, 5],
    ['2025-01-25', 2024, 12, 26],
    ['2025-02-02', 2025, 1, 5],
    ['2026-02-14', 2025, 12, 27],
    ['2026-02-16', 2025, 12, 29],
    ['2026-02-20', 2026, 1, 4],
    ['2026-02-22', 2026, 1, 6],
    // Giỗ Tổ Hùng Vương (10/3) as announced: 29/04/2023, 18/04/2024, 26/04/2026.
    ['2023-04-29', 2023, 3, 10],
    ['2024-04-18', 2024, 3, 10],
    ['2026-04-26', 2026, 3, 10],
  ])('%s is %i-%i-%i (lunar) as the official documents say', (solar, year, month, day) => {
    expect(solarToLunar(solar)).toEqual({ year, month, day, leap: false });
    expect(lunarToSolar({ year, month, day, leap: false })).toBe(solar);
  });
});

describe('conversions', () => {
  test('solar → lunar → solar is the identity for every day of lunar years 1900–2199', () => {
    const first = lunarNewYearDay(FIRST_LUNAR_YEAR);
    const last = lunarNewYearDay(LAST_LUNAR_YEAR) + 350;
    let previous = lunarFromDay(first);
    for (let day = first; day <= last; day++) {
      const lunar = lunarFromDay(day);
      expect(dayFromLunar(lunar)).toBe(day);
      if (day > first) {
        // Each day is the next lunar day, or day 1 of the next month.
        if (lunar.day !== 1) expect(lunar).toEqual({ ...previous, day: previous.day + 1 });
      }
      previous = lunar;
    }
  });

  test('leap months: 2023 has a leap 2nd month; 2025 a leap 6th', () => {
    expect(leapMonthOf(2023)).toBe(2);
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: false })).toBe('2023-02-20');
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(leapMonthOf(2025)).toBe(6);
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
  });

  test('impossible lunar dates are refused with a reason', () => {
    expect(() => lunarToSolar({ year: 2024, month: 4, day: 1, leap: true })).toThrow(/no leap month 4/);
    const shortMonth = lunarYearMonths(2026).find((month) => month.length === 29)!;
    expect(() => lunarToSolar({ year: 2026, month: shortMonth.month, day: 30, leap: false })).toThrow(/has 29 days/);
    expect(() => lunarToSolar({ year: 1899, month: 1, day: 1, leap: false })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2200, month: 1, day: 1, leap: false })).toThrow(RangeError);
  });

  test('the years around the ends of the supported range convert', () => {
    expect(solarToLunar('1900-01-31')).toEqual({ year: 1900, month: 1, day: 1, leap: false });
    expect(formatLocalDate(parseLocalDate(lunarToSolar({ year: 2199, month: 12, day: 1, leap: false })))).toMatch(/^2200-01/);
  });

  test('year names', () => {
    expect(lunarYearName(2024)).toBe('Giáp Thìn');
    expect(lunarYearName(2025)).toBe('Ất Tỵ');
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
    expect(lunarYearName(1968)).toBe('Mậu Thân');
  });
});
