import { z } from 'zod';

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
  deadLetters: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  /** Technical detail in English (status code, socket error), for IT; never shown without `problem`. */
  lastError: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
