import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { YearScheduleSchema } from '../../../shared/contract/calendar.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { createCalendarService, locateShippedSchedules } from './service.ts';

/**
 * The official 2024–2026 schedules, written out by hand from the documents each data file cites, day by day.
 * Every date not listed is an ordinary day: working Monday–Friday, 'Thứ Bảy' / 'Chủ nhật' otherwise.
 */
const EXPECTED: Readonly<Record<string, { working: boolean; reason: string }>> = {
  // 2024 — Thông báo 5015/TB-LĐTBXH; Công văn 2450/VPCP-KGVX (swap 29/04 ↔ 04/05).
  '2024-01-01': { working: false, reason: 'Tết Dương lịch' },
  '2024-02-08': { working: false, reason: 'Tết Nguyên Đán' },
  '2024-02-09': { working: false, reason: 'Tết Nguyên Đán' },
  '2024-02-10': { working: false, reason: 'Tết Nguyên Đán' },
  '2024-02-11': { working: false, reason: 'Tết Nguyên Đán' },
  '2024-02-12': { working: false, reason: 'Tết Nguyên Đán' },
  '2024-02-13': { working: false, reason: 'Nghỉ bù Tết Nguyên Đán' },
  '2024-02-14': { working: false, reason: 'Nghỉ bù Tết Nguyên Đán' },
  '2024-04-18': { working: false, reason: 'Giỗ Tổ Hùng Vương' },
  '2024-04-29': { working: false, reason: 'Nghỉ hoán đổi dịp Ngày Chiến thắng' },
  '2024-04-30': { working: false, reason: 'Ngày Chiến thắng' },
  '2024-05-01': { working: false, reason: 'Ngày Quốc tế Lao động' },
  '2024-05-04': { working: true, reason: 'Làm bù' },
  '2024-09-02': { working: false, reason: 'Quốc khánh' },
  '2024-09-03': { working: false, reason: 'Quốc khánh' },
  // 2025 — Công văn 8726/VPCP-KGVX; Thông báo 6150/TB-BLĐTBXH (swap 02/05 ↔ 26/04).
  '2025-01-01': { working: false, reason: 'Tết Dương lịch' },
  '2025-01-25': { working: false, reason: 'Tết Nguyên Đán' },
  '2025-01-26': { working: false, reason: 'Tết Nguyên Đán' },
  '2025-01-27': { working: false, reason: 'Tết Nguyên Đán' },
  '2025-01-28': { working: false, reason: 'Tết Nguyên Đán' },
  '2025-01-29': { working: false, reason: 'Tết Nguyên Đán' },
  '2025-01-30': { working: false, reason: 'Tết Nguyên Đán' },
  '2025-01-31': { working: false, reason: 'Tết Nguyên Đán' },
  '2025-02-01': { working: false, reason: 'Tết Nguyên Đán' },
  '2025-02-02': { working: false, reason: 'Tết Nguyên Đán' },
  '2025-04-07': { working: false, reason: 'Giỗ Tổ Hùng Vương' },
  '2025-04-26': { working: true, reason: 'Làm bù' },
  '2025-04-30': { working: false, reason: 'Ngày Chiến thắng' },
  '2025-05-01': { working: false, reason: 'Ngày Quốc tế Lao động' },
  '2025-05-02': { working: false, reason: 'Nghỉ hoán đổi dịp Ngày Quốc tế Lao động' },
  '2025-09-01': { working: false, reason: 'Quốc khánh' },
  '2025-09-02': { working: false, reason: 'Quốc khánh' },
  // 2026 — Công văn 12729/VPCP-KGVX (swap 02/01 ↔ 10/01); Thông báo 9441/TB-BNV (Tết; swap 31/08 ↔ 22/08).
  '2026-01-01': { working: false, reason: 'Tết Dương lịch' },
  '2026-01-02': { working: false, reason: 'Nghỉ hoán đổi dịp Tết Dương lịch' },
  '2026-01-10': { working: true, reason: 'Làm bù' },
  '2026-02-14': { working: false, reason: 'Tết Nguyên Đán' },
  '2026-02-15': { working: false, reason: 'Tết Nguyên Đán' },
  '2026-02-16': { working: false, reason: 'Tết Nguyên Đán' },
  '2026-02-17': { working: false, reason: 'Tết Nguyên Đán' },
  '2026-02-18': { working: false, reason: 'Tết Nguyên Đán' },
  '2026-02-19': { working: false, reason: 'Tết Nguyên Đán' },
  '2026-02-20': { working: false, reason: 'Tết Nguyên Đán' },
  '2026-02-21': { working: false, reason: 'Tết Nguyên Đán' },
  '2026-02-22': { working: false, reason: 'Tết Nguyên Đán' },
  '2026-04-26': { working: false, reason: 'Giỗ Tổ Hùng Vương' },
  '2026-04-27': { working: false, reason: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
  '2026-04-30': { working: false, reason: 'Ngày Chiến thắng' },
  '2026-05-01': { working: false, reason: 'Ngày Quốc tế Lao động' },
  '2026-08-22': { working: true, reason: 'Làm bù' },
  '2026-08-31': { working: false, reason: 'Nghỉ hoán đổi dịp Quốc khánh' },
  '2026-09-01': { working: false, reason: 'Quốc khánh' },
  '2026-09-02': { working: false, reason: 'Quốc khánh' },
  '2026-11-24': { working: false, reason: 'Ngày Văn hóa Việt Nam' },
};

function* datesOf(year: number): Generator<string> {
  for (let ms = Date.UTC(year, 0, 1); ms <= Date.UTC(year, 11, 31); ms += 86_400_000) yield new Date(ms).toISOString().slice(0, 10);
}

const shippedDir = locateShippedSchedules()!;

describe('the shipped calendar', () => {
  const calendar = createCalendarService();

  test('loads the 2024, 2025 and 2026 schedules from resources/calendar without problems', () => {
    expect(calendar.problems).toEqual([]);
    expect(calendar.schedules.map((entry) => entry.year)).toEqual([2024, 2025, 2026]);
    expect(calendar.schedules.every((entry) => entry.file.startsWith(shippedDir))).toBe(true);
  });

  test.each([2024, 2025, 2026])('every day of %i is as the official schedule says', (year) => {
    for (const date of datesOf(year)) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      const expected = EXPECTED[date] ?? (weekday === 6 ? { working: false, reason: 'Thứ Bảy' } : weekday === 0 ? { working: false, reason: 'Chủ nhật' } : undefined);
      expect(calendar.day(date), date).toEqual(expected ? { date, ...expected } : { date, working: true });
    }
  });

  test('every day the data files list is in the table above (the data and this test say the same)', () => {
    for (const year of [2024, 2025, 2026]) {
      const schedule = YearScheduleSchema.parse(JSON.parse(fs.readFileSync(path.join(shippedDir, `schedule-${year}.json`), 'utf8')));
      expect(schedule.sources.length).toBeGreaterThan(0);
      for (const occasion of schedule.occasions) {
        for (const day of occasion.days) expect(EXPECTED[day.date], day.date).toMatchObject({ working: false });
        for (const makeUp of occasion.makeUp ?? []) expect(EXPECTED[makeUp.date], makeUp.date).toEqual({ working: true, reason: 'Làm bù' });
      }
    }
  });
});

describe('administrator files in DATA/calendar', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  const schedule2027 = {
    year: 2027,
    sources: [{ document: 'Thông báo 1234/TB-BNV', issuer: 'Bộ Nội vụ', date: '2026-11-20', covers: 'Tết Âm lịch 2027' }],
    occasions: [
      {
        holiday: 'tet',
        days: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((date) => ({ date, kind: 'holiday' })),
      },
    ],
  };

  test("next year's schedule is picked up and overrides the computed Tết", () => {
    fs.writeFileSync(path.join(temp.dir, 'schedule-2027.json'), JSON.stringify(schedule2027));
    const calendar = createCalendarService({ localDir: temp.dir });
    expect(calendar.problems).toEqual([]);
    expect(calendar.schedules.at(-1)).toEqual({ year: 2027, file: path.join(temp.dir, 'schedule-2027.json') });
    expect(calendar.day('2027-02-11')).toEqual({ date: '2027-02-11', working: false, reason: 'Tết Nguyên Đán' });
    expect(calendar.day('2027-02-04')).toEqual({ date: '2027-02-04', working: true });
    // Without it, Tết 2027 (lunar new year Saturday 06/02) is computed: 04/02–08/02, nghỉ bù 09–10/02.
    const computed = createCalendarService({ localDir: path.join(temp.dir, 'none') });
    expect(computed.day('2027-02-04')).toEqual({ date: '2027-02-04', working: false, reason: 'Tết Nguyên Đán' });
    expect(computed.day('2027-02-10')).toEqual({ date: '2027-02-10', working: false, reason: 'Nghỉ bù Tết Nguyên Đán' });
    expect(computed.day('2027-02-11')).toEqual({ date: '2027-02-11', working: true });
  });

  test('a local file for a shipped year replaces the shipped one', () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(shippedDir, 'schedule-2026.json'), 'utf8')) as { occasions: { holiday: string; days: unknown[] }[] };
    shipped.occasions.push({ holiday: 'cultureDay', days: [] });
    fs.writeFileSync(path.join(temp.dir, 'schedule-2026.json'), JSON.stringify(shipped));
    const calendar = createCalendarService({ localDir: temp.dir });
    expect(calendar.day('2026-11-24')).toEqual({ date: '2026-11-24', working: true });
    expect(calendar.day('2026-08-31').reason).toBe('Nghỉ hoán đổi dịp Quốc khánh');
  });

  test('a broken or invalid file is reported with the reason and that year falls back to the rules; the rest still loads', () => {
    fs.writeFileSync(path.join(temp.dir, 'schedule-2027.json'), '{ not json');
    fs.writeFileSync(path.join(temp.dir, 'schedule-2028.json'), JSON.stringify({ ...schedule2027, year: 2028 }));
    fs.writeFileSync(path.join(temp.dir, 'schedule-2029.json'), JSON.stringify({ ...schedule2027, year: 2030 }));
    const calendar = createCalendarService({ localDir: temp.dir });
    expect(calendar.problems.map((problem) => [path.basename(problem.file), problem.message])).toEqual([
      ['schedule-2027.json', expect.stringContaining('Not readable JSON')],
      ['schedule-2028.json', expect.stringContaining('Not in 2028')],
      ['schedule-2029.json', expect.stringContaining('Not in 2030')],
    ]);
    expect(calendar.schedules.map((entry) => entry.year)).toEqual([2024, 2025, 2026]);
    expect(calendar.day('2027-02-10')).toEqual({ date: '2027-02-10', working: false, reason: 'Nghỉ bù Tết Nguyên Đán' });
  });

  test('hours.json sets the centre’s hours (Saturday morning); a bad one is reported and the default kept', () => {
    const week = { mon: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }], tue: [], wed: [], thu: [], fri: [], sat: [{ start: '07:30', end: '11:30' }], sun: [] };
    fs.writeFileSync(path.join(temp.dir, 'hours.json'), JSON.stringify({ week }));
    const calendar = createCalendarService({ localDir: temp.dir });
    expect(calendar.day('2026-03-07')).toEqual({ date: '2026-03-07', working: true });
    expect(calendar.day('2026-03-04')).toEqual({ date: '2026-03-04', working: false, reason: 'Thứ Tư' });
    expect(calendar.dueDate({ receivedAt: '2026-03-02T07:00:00+07:00', limit: { unit: 'workingHours', value: 1 } }).dueAt).toBe('2026-03-02T08:30:00+07:00');

    fs.writeFileSync(path.join(temp.dir, 'hours.json'), JSON.stringify({ week: { ...week, mon: [{ start: '13:00', end: '12:00' }] } }));
    const fallback = createCalendarService({ localDir: temp.dir });
    expect(fallback.problems).toEqual([{ file: path.join(temp.dir, 'hours.json'), message: expect.stringContaining('A session must end after it starts') }]);
    expect(fallback.day('2026-03-07')).toEqual({ date: '2026-03-07', working: false, reason: 'Thứ Bảy' });
  });

  test('without the shipped folder the calendar still works from the rules, and says so', () => {
    const calendar = createCalendarService({ resourcesDir: path.join(temp.dir, 'missing') });
    expect(calendar.schedules).toEqual([]);
    expect(calendar.day('2026-02-20')).toEqual({ date: '2026-02-20', working: false, reason: 'Nghỉ bù Tết Nguyên Đán' });
    expect(createCalendarService({ resourcesDir: null }).problems).toEqual([]);
  });
});
