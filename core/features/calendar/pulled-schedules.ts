import fs from 'node:fs';
import path from 'node:path';
import { YearScheduleSchema } from '../../../shared/contract/calendar.ts';

/**
 * Yearly schedules pulled from the central server are written where an administrator's would go
 * (DATA/calendar/schedule-YYYY.json), so the calendar service reads them the same way and a counter that
 * restarts offline keeps them. All are validated before any is written; each write is atomic (temp + rename),
 * so a crash leaves a file whole, old or new, and rewriting the same content is harmless.
 */
export function saveSchedules(localDir: string, years: readonly Readonly<{ year: number; body: unknown }>[]): number[] {
  const schedules = years.map(({ year, body }) => {
    const schedule = YearScheduleSchema.parse(body);
    if (schedule.year !== year) throw new Error(`The server sent the ${schedule.year} schedule as ${year}`);
    return schedule;
  });
  fs.mkdirSync(localDir, { recursive: true });
  for (const schedule of schedules) {
    const file = path.join(localDir, `schedule-${schedule.year}.json`);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify(schedule, null, 2)}\n`);
    fs.renameSync(temp, file);
  }
  return schedules.map((schedule) => schedule.year);
}
