import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CalendarYear } from '../../../shared/contract/calendar.ts';
import type { Core } from '../../app/create-core.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  core.stop();
  temp.remove();
});

async function year(value: unknown): Promise<CalendarYear> {
  const result = await core.dispatch('calendar.year', { year: value });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as CalendarYear;
}

describe('calendar.year', () => {
  test('2026 from the shipped schedule: Tết, nghỉ bù, a make-up Saturday; ordinary days and weekends left out', async () => {
    core = createTestCore(temp.dir);
    const answer = await year(2026);
    expect(answer.officialSchedule).toBe(true);
    expect(answer.hours.week.mon).toEqual([{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }]);
    expect(answer.hours.week.sun).toEqual([]);
    const byDate = new Map(answer.days.map((day) => [day.date, day]));
    expect(byDate.get('2026-01-01')).toEqual({ date: '2026-01-01', weekday: 4, working: false, reason: 'Tết Dương lịch' });
    expect(byDate.get('2026-02-17')).toEqual({ date: '2026-02-17', weekday: 2, working: false, reason: 'Tết Nguyên Đán' });
    expect(byDate.get('2026-04-27')).toEqual({ date: '2026-04-27', weekday: 1, working: false, reason: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    expect(byDate.get('2026-08-22')).toEqual({ date: '2026-08-22', weekday: 6, working: true, reason: 'Làm bù' });
    // Each listed day agrees with calendar.day, which due dates use.
    for (const day of answer.days) expect(await core.dispatch('calendar.day', { date: day.date })).toEqual({ ok: true, value: { date: day.date, working: day.working, reason: day.reason } });
    expect(byDate.has('2026-03-03')).toBe(false);
    expect(byDate.has('2026-03-08')).toBe(false);
    expect(answer.days.map((day) => day.date)).toEqual([...answer.days.map((day) => day.date)].sort());
  });

  test("a year with no schedule file is computed from the rules and says so; the centre's own hours are shown", async () => {
    const hours = {
      week: {
        mon: [{ start: '07:30', end: '11:30' }],
        tue: [{ start: '07:30', end: '11:30' }],
        wed: [{ start: '07:30', end: '11:30' }],
        thu: [{ start: '07:30', end: '11:30' }],
        fri: [{ start: '07:30', end: '11:30' }],
        sat: [{ start: '07:30', end: '11:00' }],
        sun: [],
      },
    };
    fs.mkdirSync(path.join(temp.dir, 'calendar'), { recursive: true });
    fs.writeFileSync(path.join(temp.dir, 'calendar', 'hours.json'), JSON.stringify(hours));
    core = createTestCore(temp.dir);
    const answer = await year(2031);
    expect(answer.officialSchedule).toBe(false);
    expect(answer.hours.week.sat).toEqual([{ start: '07:30', end: '11:00' }]);
    expect(answer.days.find((day) => day.date === '2031-09-02')).toMatchObject({ working: false, reason: 'Quốc khánh' });
    expect(answer.days.some((day) => day.reason === 'Thứ Bảy' || day.reason === 'Chủ nhật')).toBe(false);
  });

  test('a year outside the calendar is invalid-input', async () => {
    core = createTestCore(temp.dir);
    expect(await core.dispatch('calendar.year', { year: 1850 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await core.dispatch('calendar.year', { year: '2026' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
