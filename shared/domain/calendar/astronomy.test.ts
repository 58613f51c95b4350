import { describe, expect, test } from 'vitest';
import { deltaTSeconds, jdFromUnixMs, lunationNear, newMoonJd, newMoonJde, solarLongitudeCrossing, sunApparentLongitude } from './astronomy.ts';

const MINUTE_IN_DAYS = 1 / 1440;
const jdOf = (iso: string): number => jdFromUnixMs(Date.parse(iso));

describe('astronomy (Meeus)', () => {
  test("Meeus' worked example 49.a: the new moon of February 1977 is JDE 2443192.65118", () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 5);
  });

  test("Meeus' worked example 25.b: the Sun's apparent longitude on 1992-10-13.0 TD is 199°54′21.8″", () => {
    // Meeus uses the full nutation series; the four-term one used here is within 0.5″.
    expect(Math.abs(sunApparentLongitude(2448908.5) - (199 + 54 / 60 + 21.818 / 3600)) * 3600).toBeLessThan(0.6);
  });

  test.each([
    // Published instants (U.S. Naval Observatory, Astronomical Applications, "Phases of the Moon"; UTC, to the minute).
    ['2024-02-09T22:59:00Z'],
    ['2025-01-29T12:36:00Z'],
    ['2026-02-17T12:01:00Z'],
  ])('the new moon of %s (published) is found within a minute', (published) => {
    const jd = jdOf(published);
    expect(Math.abs(newMoonJd(lunationNear(jd)) - jd)).toBeLessThan(MINUTE_IN_DAYS);
  });

  test.each([
    // December solstices (USNO "Earth's Seasons"; UTC, to the minute).
    ['2024-12-21T09:20:00Z'],
    ['2025-12-21T15:03:00Z'],
  ])('the December solstice of %s (published) is found within two minutes', (published) => {
    const jd = jdOf(published);
    expect(Math.abs(solarLongitudeCrossing(270, jd + 3) - jd)).toBeLessThan(2 * MINUTE_IN_DAYS);
  });

  test('ΔT: about −3 s in 1900, 32 s in 1960, 64 s in 2000, a forecast of minutes by 2200', () => {
    expect(deltaTSeconds(jdOf('1900-01-01T00:00:00Z'))).toBeCloseTo(-2.8, 0);
    expect(deltaTSeconds(jdOf('1960-01-01T00:00:00Z'))).toBeCloseTo(33, -1);
    expect(deltaTSeconds(jdOf('2000-01-01T00:00:00Z'))).toBeCloseTo(64, 0);
    expect(deltaTSeconds(jdOf('2200-01-01T00:00:00Z'))).toBeGreaterThan(300);
    expect(() => deltaTSeconds(jdOf('2400-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});
