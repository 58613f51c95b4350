import fs from 'node:fs';
import path from 'node:path';
import { WorkingHoursSchema, YearScheduleSchema, type WorkingHours, type YearSchedule } from '../../../shared/contract/calendar.ts';
import { createWorkingCalendar, DEFAULT_WORKING_HOURS, type WorkingCalendar } from '../../../shared/domain/calendar/working-calendar.ts';
import { silentLogger } from '../../adapters/json-logger.ts';
import type { Logger } from '../../ports/logger.ts';

/** Yearly schedules are files named like this, in resources/calendar (shipped) and DATA/calendar (local). */
const SCHEDULE_FILE = /^schedule-(\d{4})\.json$/;
/** A centre's working hours, when its administrator sets them: DATA/calendar/hours.json. */
export const HOURS_FILE = 'hours.json';

export type CalendarServiceOptions = Readonly<{
  /** The shipped schedules (resources/calendar); found beside the code by default, null for none. */
  resourcesDir?: string | null;
  /** The administrator's folder (DATA/calendar): schedules there replace shipped ones of the same year; hours.json. */
  localDir?: string;
  /** Working hours; when absent, DATA/calendar/hours.json, else 07:00–11:30 and 13:30–17:00, Monday–Friday. */
  hours?: WorkingHours;
  logger?: Logger;
}>;

export type CalendarProblem = Readonly<{ file: string; message: string }>;

export interface CalendarService extends WorkingCalendar {
  /** The official schedules in use, one per year, and the file each came from. */
  readonly schedules: readonly Readonly<{ year: number; file: string }>[];
  /** Files that could not be used (not JSON, not valid); the calendar falls back to the rules for those years. */
  readonly problems: readonly CalendarProblem[];
}

/** resources/calendar beside the code: walks up from this file (works from the source tree and the bundle). */
export function locateShippedSchedules(startDir: string = import.meta.dirname): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, 'resources', 'calendar');
    if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`)
    .join('; ');
}

function readJson(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(fs.readFileSync(file, 'utf8')) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Loads and validates the yearly schedules, shipped and local, and the centre's working hours, and returns
 * the working calendar. A bad file never stops the counter: it is reported in `problems` and the log, and
 * that year is computed from the rules.
 */
export function createCalendarService(options: CalendarServiceOptions = {}): CalendarService {
  const logger = options.logger ?? silentLogger;
  const problems: CalendarProblem[] = [];
  const byYear = new Map<number, { schedule: YearSchedule; file: string }>();

  function report(file: string, message: string): void {
    problems.push({ file, message });
    logger.error('calendar file not used', { file, message });
  }

  function loadFolder(dir: string): void {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') report(dir, error instanceof Error ? error.message : String(error));
      return;
    }
    for (const name of names) {
      const match = SCHEDULE_FILE.exec(name);
      if (!match) continue;
      const file = path.join(dir, name);
      const json = readJson(file);
      if (!json.ok) {
        report(file, `Not readable JSON: ${json.message}`);
        continue;
      }
      const parsed = YearScheduleSchema.safeParse(json.value);
      if (!parsed.success) {
        report(file, describeIssues(parsed.error.issues));
        continue;
      }
      if (parsed.data.year !== Number(match[1])) {
        report(file, `The file name says ${match[1]} but the file is for ${parsed.data.year}`);
        continue;
      }
      byYear.set(parsed.data.year, { schedule: parsed.data, file });
    }
  }

  const resourcesDir = options.resourcesDir === undefined ? locateShippedSchedules() : options.resourcesDir;
  if (resourcesDir === null) {
    if (options.resourcesDir === undefined) report('resources/calendar', 'The shipped schedules were not found; holidays are computed from the rules only');
  } else {
    loadFolder(resourcesDir);
  }
  if (options.localDir !== undefined) loadFolder(options.localDir);

  let hours = options.hours ?? DEFAULT_WORKING_HOURS;
  if (options.hours === undefined && options.localDir !== undefined) {
    const file = path.join(options.localDir, HOURS_FILE);
    if (fs.existsSync(file)) {
      const json = readJson(file);
      const parsed = json.ok ? WorkingHoursSchema.safeParse(json.value) : undefined;
      if (!json.ok) report(file, `Not readable JSON: ${json.message}`);
      else if (parsed && !parsed.success) report(file, describeIssues(parsed.error.issues));
      else if (parsed) hours = parsed.data;
    }
  }

  const schedules = [...byYear.values()].sort((a, b) => a.schedule.year - b.schedule.year);
  const calendar = createWorkingCalendar({ hours, schedules: schedules.map((entry) => entry.schedule) });
  logger.info('working calendar ready', { scheduleYears: schedules.map((entry) => entry.schedule.year), problems: problems.length });
  return {
    ...calendar,
    schedules: schedules.map((entry) => ({ year: entry.schedule.year, file: entry.file })),
    problems,
  };
}
