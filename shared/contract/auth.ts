import { z } from 'zod';

/** Roles of a clerk account, as the central server holds them (central-api ClerkAccountSchema). */
export const ClerkRoleSchema = z.enum(['clerk', 'supervisor']);
export type ClerkRole = z.infer<typeof ClerkRoleSchema>;

/** How long a counter may sit untouched before it locks, when the settings do not say. */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
/** Wrong passwords in a row (per account) before a short lockout, and how long the lockout lasts. */
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_LOCKOUT_MINUTES = 5;

/**
 * setup: the counter holds no clerk accounts yet (never enrolled or never pulled them): nobody needs to sign
 * in, and the UI says so. signed-out: accounts exist and nobody is signed in. signed-in: a clerk works.
 * locked: the clerk is still the one signed in, but the screen is locked (idle or on purpose).
 */
export const AuthModeSchema = z.enum(['setup', 'signed-out', 'signed-in', 'locked']);
export type AuthMode = z.infer<typeof AuthModeSchema>;

export const SessionClerkSchema = z.object({ username: z.string(), displayName: z.string(), roles: z.array(ClerkRoleSchema) });

export const SessionSchema = z.object({
  mode: AuthModeSchema,
  clerk: SessionClerkSchema.nullable(),
  /** When the clerk signed in (+07:00). */
  since: z.string().nullable(),
  /** When the session was locked; null while unlocked. */
  lockedAt: z.string().nullable(),
  idleLockMinutes: z.number().positive(),
  /** How many clerk accounts this counter holds (0 in setup mode). */
  accounts: z.number().int().nonnegative(),
});
export type Session = z.infer<typeof SessionSchema>;

const Username = z.string().trim().min(1).max(64);
// Not trimmed: a password may start or end with a space; NFC is applied when it is hashed.
const Password = z.string().min(1).max(256);

export const SignInInputSchema = z.object({ username: Username, password: Password }).strict();
export const UnlockInputSchema = z.object({ password: Password }).strict();
