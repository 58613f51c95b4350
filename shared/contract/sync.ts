import { z } from 'zod';

/**
 * online: the last real request to the central server succeeded; offline: it failed at the network level
 * or with a 5xx; not-configured: no server address yet; paused: the server refused our credential (401).
 */
export const ConnectionStateSchema = z.enum(['online', 'offline', 'not-configured', 'paused']);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const SyncStatusSchema = z.object({
  state: ConnectionStateSchema,
  /** Outbox jobs waiting to reach the server (the queue depth clerks see). */
  pending: z.number().int().nonnegative(),
  deadLetters: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;
