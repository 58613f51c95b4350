import type { TimeLimit } from '../../../shared/contract/time-limit.ts';

/** What intake needs from the working-day calendar (core/features/calendar). */
export interface DueDateCalculator {
  dueDate(input: Readonly<{ receivedAt: string; limit: TimeLimit }>): Readonly<{ dueAt: string; clockStartsAt: string }>;
  /** Working time between two instants: how long a supplement request paused the clock. */
  workingMinutesBetween(fromIso: string, toIso: string): number;
  addWorkingMinutes(fromIso: string, minutes: number): string;
  day(date: string): Readonly<{ date: string; working: boolean }>;
}

export type ProcedureForIntake = Readonly<{ code: string; name: string; version: string; timeLimit: TimeLimit }>;

/**
 * What intake needs from the catalogue (core/features/catalogue): the version in force on a date; null when
 * there is none, CoreError 'procedure-incomplete' when there is one without a time limit.
 */
export interface ProcedureLookup {
  procedureInForce(code: string, date: string): ProcedureForIntake | null;
}
