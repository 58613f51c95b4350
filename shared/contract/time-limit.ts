import { z } from 'zod';

/**
 * A procedure's time limit (thời hạn giải quyết) as the law states it. `sameDay` dossiers received after
 * `cutoff` (e.g. "15:00" for chứng thực) are due the next working day. Stored with each procedure version.
 */
export const TimeLimitSchema = z
  .object({
    unit: z.enum(['workingDays', 'workingHours', 'calendarDays', 'sameDay']),
    value: z.number().int().nonnegative().max(3650),
    cutoff: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm')
      .optional(),
  })
  .strict();
export type TimeLimit = z.infer<typeof TimeLimitSchema>;

/** Calendar dates are 'YYYY-MM-DD' in Vietnam's time (UTC+7), never a Date at midnight UTC. */
export const LocalDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD');

/** An instant with an explicit offset, e.g. 2026-11-23T08:15:00+07:00. */
export const InstantSchema = z.iso.datetime({ offset: true });
