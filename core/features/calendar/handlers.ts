import type { Handlers } from '../../rpc/dispatch.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { CalendarService } from './service.ts';
import { calendarYear } from './year.ts';

/** The calendar answers out-of-range or impossible dates with a RangeError naming the problem. */
function asInvalidInput<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) throw new CoreError('invalid-input', error.message);
    throw error;
  }
}

export function calendarHandlers(calendar: CalendarService) {
  return {
    'calendar.day': ({ date }) => asInvalidInput(() => calendar.day(date)),
    'calendar.dueDate': ({ receivedAt, limit }) => asInvalidInput(() => ({ dueAt: calendar.dueDate({ receivedAt, limit }).dueAt })),
    'calendar.year': ({ year }) => asInvalidInput(() => calendarYear(calendar, year)),
  } satisfies Partial<Handlers>;
}
