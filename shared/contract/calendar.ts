import { z } from 'zod';
import { isLocalDate } from '../domain/calendar/civil.ts';
import { InstantSchema, LocalDateSchema, TimeLimitSchema } from './time-limit.ts';

/** A 'YYYY-MM-DD' that exists on the calendar (LocalDateSchema alone accepts 2026-02-30). */
export const CalendarDateSchema = LocalDateSchema.refine((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || isLocalDate(text), {
  message: 'Not a calendar date (YYYY-MM-DD)',
});

// ---- Methods ------------------------------------------------------------------------------------------

export const CalendarDayInputSchema = z.object({ date: CalendarDateSchema }).strict();

export const CalendarDaySchema = z.object({
  date: LocalDateSchema,
  /** Whether the centre works that day (its sessions, holidays, nghỉ bù, swapped and make-up days). */
  working: z.boolean(),
  /** Vietnamese, for the clerk: 'Tết Nguyên Đán', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Chủ nhật', 'Làm bù', … */
  reason: z.string().optional(),
});
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const CalendarDueDateInputSchema = z
  .object({
    /** When the complete dossier was received (ISO 8601 with offset). */
    receivedAt: InstantSchema,
    limit: TimeLimitSchema,
  })
  .strict();

export const CalendarDueDateSchema = z.object({
  /** When the result is due, ISO 8601 in Vietnam's time (+07:00). */
  dueAt: InstantSchema,
});

// ---- Data: working hours and yearly schedules ---------------------------------------------------------

const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:mm');
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const SessionSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .strict()
  .refine((session) => minutesOf(session.start) < minutesOf(session.end), { message: 'A session must end after it starts' });

/** The sessions of one day, in order and not overlapping; empty when the centre is closed that weekday. */
export const DaySessionsSchema = z
  .array(SessionSchema)
  .max(6)
  .refine((sessions) => sessions.every((session, i) => i === 0 || minutesOf(sessions[i - 1]!.end) <= minutesOf(session.start)), {
    message: 'Sessions must be in order and must not overlap',
  });

/**
 * A centre's working hours. Commonly 07:00–11:30 and 13:30–17:00 Monday to Friday [S]; some centres also
 * receive dossiers on Saturday morning. A day's working time is the sum of its sessions.
 */
export const WorkingHoursSchema = z
  .object({
    week: z
      .object({
        mon: DaySessionsSchema,
        tue: DaySessionsSchema,
        wed: DaySessionsSchema,
        thu: DaySessionsSchema,
        fri: DaySessionsSchema,
        sat: DaySessionsSchema,
        sun: DaySessionsSchema,
      })
      .strict(),
    /** Sessions on a make-up Saturday (ngày làm bù); Monday's when absent. */
    makeUpDay: DaySessionsSchema.optional(),
    /**
     * How a limit in working days ends: 'sameTime' (default) = at the same point of the working day, N working
     * days later (received Monday 09:00, 1 day → Tuesday 09:00); 'endOfDay' = at closing time of the Nth
     * working day after the day the clock starts (Bộ luật Dân sự 2015, Art. 147–148, read for working days).
     */
    workingDaysDue: z.enum(['sameTime', 'endOfDay']).optional(),
  })
  .strict();
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

/** The statutory occasions (Bộ luật Lao động 2019, Art. 112, and the 2026 addition); `special` = any other day off the government grants. */
export const HolidayKeySchema = z.enum(['newYear', 'tet', 'hungKings', 'victory', 'labour', 'nationalDay', 'cultureDay', 'special']);
export type HolidayKey = z.infer<typeof HolidayKeySchema>;

/**
 * holiday: a statutory day off; compensatory: nghỉ bù for a holiday on a weekly rest day; swapped: a working
 * day given off in exchange for a make-up day (hoán đổi); weekend: a weekly rest day inside the break, listed
 * so the calendar names it after the occasion.
 */
export const ScheduleDayKindSchema = z.enum(['holiday', 'compensatory', 'swapped', 'weekend']);
export type ScheduleDayKind = z.infer<typeof ScheduleDayKindSchema>;

export const ScheduleSourceSchema = z
  .object({
    /** Number and kind of the document, e.g. 'Thông báo 9441/TB-BNV'. */
    document: z.string().trim().min(3).max(200),
    issuer: z.string().trim().min(2).max(200),
    date: CalendarDateSchema.optional(),
    /** What the document decides, in a few words. */
    covers: z.string().trim().min(2).max(300),
    /** Where it was read (secondary sources say so). */
    seenAt: z.array(z.string().trim().min(4).max(500)).max(10).optional(),
  })
  .strict();

export const ScheduleOccasionSchema = z
  .object({
    holiday: HolidayKeySchema,
    /** Display name; required for `special`, defaults to the occasion's Vietnamese name otherwise. */
    name: z.string().trim().min(2).max(120).optional(),
    /**
     * Every day off of this occasion. Listing an occasion replaces the computed days (and nghỉ bù) for it; an
     * empty list cancels the occasion that year (e.g. a rule not yet in force).
     */
    days: z.array(z.object({ date: CalendarDateSchema, kind: ScheduleDayKindSchema }).strict()).max(20),
    /** Weekly rest days worked in exchange for `swapped` days (ngày làm bù). */
    makeUp: z.array(z.object({ date: CalendarDateSchema, for: CalendarDateSchema }).strict()).max(10).optional(),
  })
  .strict();

/**
 * One year's official schedule (lịch nghỉ lễ, Tết của cán bộ, công chức, viên chức) as data. It overrides the
 * computed defaults occasion by occasion. Shipped in resources/calendar/, added by an administrator for later
 * years (docs/CALENDAR.md).
 */
export const YearScheduleSchema = z
  .object({
    year: z.number().int().min(1900).max(2199),
    sources: z.array(ScheduleSourceSchema).min(1).max(20),
    occasions: z.array(ScheduleOccasionSchema).max(20),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const prefix = `${schedule.year}-`;
    const offDays = new Map<string, string>();
    const swapped = new Set<string>();
    const madeUp = new Set<string>();
    schedule.occasions.forEach((occasion, o) => {
      if (occasion.holiday === 'special' && occasion.name === undefined) {
        ctx.addIssue({ code: 'custom', path: ['occasions', o, 'name'], message: 'A special day off needs a name' });
      }
      if (occasion.holiday !== 'special' && schedule.occasions.findIndex((other) => other.holiday === occasion.holiday) < o) {
        ctx.addIssue({ code: 'custom', path: ['occasions', o, 'holiday'], message: `Occasion ${occasion.holiday} is listed twice` });
      }
      occasion.days.forEach((day, d) => {
        if (!day.date.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['occasions', o, 'days', d, 'date'], message: `Not in ${schedule.year}` });
        if (offDays.has(day.date)) ctx.addIssue({ code: 'custom', path: ['occasions', o, 'days', d, 'date'], message: `${day.date} is listed twice` });
        offDays.set(day.date, day.kind);
        if (day.kind === 'swapped') swapped.add(day.date);
      });
      (occasion.makeUp ?? []).forEach((makeUp, m) => {
        if (!makeUp.date.startsWith(prefix)) ctx.addIssue({ code: 'custom', path: ['occasions', o, 'makeUp', m, 'date'], message: `Not in ${schedule.year}` });
        if (!occasion.days.some((day) => day.date === makeUp.for && day.kind === 'swapped')) {
          ctx.addIssue({ code: 'custom', path: ['occasions', o, 'makeUp', m, 'for'], message: 'A make-up day must name a swapped day of the same occasion' });
        }
        madeUp.add(makeUp.for);
      });
    });
    schedule.occasions.forEach((occasion, o) => {
      (occasion.makeUp ?? []).forEach((makeUp, m) => {
        if (offDays.has(makeUp.date)) ctx.addIssue({ code: 'custom', path: ['occasions', o, 'makeUp', m, 'date'], message: `${makeUp.date} is both a day off and a make-up day` });
      });
    });
    for (const date of swapped) {
      if (!madeUp.has(date)) ctx.addIssue({ code: 'custom', path: ['occasions'], message: `Swapped day ${date} has no make-up day` });
    }
  });
export type YearSchedule = z.infer<typeof YearScheduleSchema>;

// ---- calendar.year -------------------------------------------------------------------------------------

export const CalendarYearInputSchema = z.object({ year: z.number().int().min(1900).max(2199) }).strict();

/**
 * A year as the settings screen shows it (read-only): the centre's working hours, and every day that is not
 * an ordinary working day or weekly rest day — holidays (also those falling on a weekend), nghỉ bù, swapped
 * days off and make-up days (làm bù).
 */
export const CalendarYearSchema = z.object({
  year: z.number().int(),
  hours: WorkingHoursSchema,
  /** Whether the year's days come from an official schedule file; false: computed from the rules alone. */
  officialSchedule: z.boolean(),
  days: z.array(
    z.object({
      date: LocalDateSchema,
      /** 0 = Sunday … 6 = Saturday. */
      weekday: z.number().int().min(0).max(6),
      working: z.boolean(),
      /** Vietnamese, as calendar.day gives it: 'Tết Nguyên Đán', 'Nghỉ bù Quốc khánh', 'Làm bù', … */
      reason: z.string(),
    }),
  ),
});
export type CalendarYear = z.infer<typeof CalendarYearSchema>;
