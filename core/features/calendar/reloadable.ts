import { createCalendarService, type CalendarService, type CalendarServiceOptions } from './service.ts';

export interface ReloadableCalendar extends CalendarService {
  /** Reads the schedule folders again (after a pull wrote new years); callers holding this object see them. */
  reload(): void;
}

/**
 * The calendar service behind a stable object: intake and due dates hold a reference made at start, and a
 * pulled schedule must reach them without a restart.
 */
export function createReloadableCalendar(options: CalendarServiceOptions): ReloadableCalendar {
  let inner = createCalendarService(options);
  return {
    day: (date) => inner.day(date),
    dueDate: (input) => inner.dueDate(input),
    addWorkingMinutes: (fromIso, minutes) => inner.addWorkingMinutes(fromIso, minutes),
    workingMinutesBetween: (fromIso, toIso) => inner.workingMinutesBetween(fromIso, toIso),
    sessions: (date) => inner.sessions(date),
    get hours() {
      return inner.hours;
    },
    get schedules() {
      return inner.schedules;
    },
    get problems() {
      return inner.problems;
    },
    reload() {
      inner = createCalendarService(options);
    },
  };
}
