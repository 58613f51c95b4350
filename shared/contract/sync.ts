import { z } from 'zod';
import { ServerUrlSchema } from './settings.ts';

/**
 * online: the last real request to the central server succeeded; offline: it failed at the network level
 * or with a 5xx; not-configured: no server address yet; paused: the server refused our credential (401).
 */
export const ConnectionStateSchema = z.enum(['online', 'offline', 'not-configured', 'paused']);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

/** Why the last request failed, as a code the UI translates; `lastError` keeps the technical detail for IT. */
export const SyncProblemSchema = z.enum(['server-unreachable', 'server-error', 'credential-refused']);
export type SyncProblem = z.infer<typeof SyncProblemSchema>;

export const SyncStatusSchema = z.object({
  state: ConnectionStateSchema,
  problem: SyncProblemSchema.nullable(),
  /** Outbox jobs waiting to reach the server (the queue depth clerks see). */
  pending: z.number().int().nonnegative(),
  /** Scanned documents not yet confirmed by the server (they leave after their dossier, on their own backoff). */
  scansPending: z.number().int().nonnegative(),
  /** Audit entries the server has not acknowledged yet. */
  auditPending: z.number().int().nonnegative(),
  deadLetters: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  /** Technical detail in English (status code, socket error), for IT; never shown without `problem`. */
  lastError: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /**
   * Server clock minus counter clock, in seconds, from the last exchange (null before any). Due dates and
   * dossier codes depend on the date, so the UI warns when it is more than a few minutes.
   */
  clockSkewSeconds: z.number().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** Beyond this the UI warns the clerk that the PC's clock is wrong. */
export const CLOCK_SKEW_WARNING_SECONDS = 120;

export const SyncEnrollInputSchema = z
  .object({
    serverUrl: ServerUrlSchema,
    code: z.string().trim().min(6).max(64),
    deviceName: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export const SyncEnrollOutputSchema = z.object({
  counterId: z.string(),
  agencyCode: z.string(),
  agencyName: z.string(),
  counterName: z.string(),
  slot: z.number().int(),
});

/**
 * An item sync could not deliver, for the clerk and IT: never personal data (no names, no ID numbers).
 * kind: the outbox job's kind, or 'audit.entries' when the server's copy of the audit chain disagrees.
 * outcome: rejected (the server refused it), conflict (kept on both sides, needs a person), mismatch.
 */
export const DeadLetterSchema = z.object({
  id: z.string(),
  kind: z.string(),
  outcome: z.enum(['rejected', 'conflict', 'mismatch']),
  dossierCode: z.string().nullable(),
  reasonCode: z.string(),
  message: z.string(),
  attempts: z.number().int().nonnegative(),
  deadSince: z.string(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;
export const SyncDeadLettersInputSchema = z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict();
export const SyncDeadLettersOutputSchema = z.object({ items: z.array(DeadLetterSchema), total: z.number().int().nonnegative() });
export const SyncRetryInputSchema = z.object({ ids: z.array(z.string().min(1).max(80)).min(1).max(500) }).strict();
export const SyncRetryOutputSchema = z.object({ retried: z.number().int().nonnegative() });
export const SyncRotateCredentialOutputSchema = z.object({ rotatedAt: z.string() });
