import type { Sql } from '../db/sql.ts';
import { createRateLimiter, type RateLimiter } from '../http/rate-limit.ts';

export type ServerLimits = Readonly<{
  /** Requests a minute per authenticated counter (a 10 000-dossier backlog drains in batches of 500). */
  counterPerMinute: number;
  /** Requests a minute per client IP on unauthenticated API routes and failed authentications. */
  anonymousPerMinute: number;
  /** Enrolment attempts a minute per client IP: codes are short enough to be typed, so guessing is slowed. */
  enrolPerMinute: number;
  /** Citizen look-ups a minute per client IP (/tra-cuu): code + PIN must not be guessable by brute force. */
  lookupPerMinute: number;
  /** A counter's searches for a citizen's scans by ID number: a clerk asks once per applicant, not in bulk. */
  documentSearchPerMinute: number;
  /** Ordinary JSON bodies. */
  jsonBodyBytes: number;
  /** Push and audit batches (500 dossiers, 1 000 audit entries). */
  batchBodyBytes: number;
}>;

export const DEFAULT_LIMITS: ServerLimits = {
  counterPerMinute: 6000,
  anonymousPerMinute: 600,
  enrolPerMinute: 10,
  lookupPerMinute: 10,
  documentSearchPerMinute: 30,
  jsonBodyBytes: 64 * 1024,
  batchBodyBytes: 16 * 1024 * 1024,
};

export type Limiters = Readonly<{ counter: RateLimiter; anonymous: RateLimiter; enrol: RateLimiter; lookup: RateLimiter; documentSearch: RateLimiter }>;

/** What every feature's routes receive: storage, where files go, the clock, limits. */
export type AppContext = Readonly<{
  sql: Sql;
  /** Scans live under `<dataDir>/uploads`. */
  dataDir: string;
  now: () => Date;
  limits: ServerLimits;
  limiters: Limiters;
  log: (line: string) => void;
}>;

export function createLimiters(limits: ServerLimits, now: () => Date): Limiters {
  const ms = () => now().getTime();
  return {
    counter: createRateLimiter(limits.counterPerMinute, ms),
    anonymous: createRateLimiter(limits.anonymousPerMinute, ms),
    enrol: createRateLimiter(limits.enrolPerMinute, ms),
    lookup: createRateLimiter(limits.lookupPerMinute, ms),
    documentSearch: createRateLimiter(limits.documentSearchPerMinute, ms),
  };
}
