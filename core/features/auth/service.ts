import { accessFor } from '../../../shared/contract/access.ts';
import { DEFAULT_IDLE_LOCK_MINUTES, SIGN_IN_LOCKOUT_MINUTES, SIGN_IN_MAX_FAILURES, type Session } from '../../../shared/contract/auth.ts';
import { toVietnamIso } from '../../../shared/domain/time/vietnam-time.ts';
import type { Storage } from '../../app/storage.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../ports/logger.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { EventBus } from '../../rpc/event-bus.ts';
import type { SettingsService } from '../settings/service.ts';
import { burnVerification, verifyPassword } from './password.ts';
import { countClerks, findClerkById, findClerkByUsername, recordFailures, replaceClerks, type ClerkRecord, type PulledClerk } from './repo.ts';

export type AuthServiceOptions = Readonly<{ storage: Storage; clock: Clock; bus: EventBus; settings: SettingsService; logger: Logger }>;

export interface AuthService {
  session(): Session;
  signIn(username: string, password: string): Promise<Session>;
  signOut(): Session;
  lock(): Session;
  unlock(password: string): Promise<Session>;
  /** Keyboard or mouse activity reported by the UI: the idle countdown starts again. */
  touch(): Session;
  /** For the dispatcher: throws sign-in-required, session-locked or forbidden-role. */
  authorize(method: string): void;
  /** `clerk:<username>` while someone is signed in; null otherwise (the caller names the counter). */
  actor(): string | null;
  /**
   * The display name of an actor the audit or a payment recorded (`clerk:<username>`), from the counter's clerk
   * accounts; null for the counter profile (setup mode), an unknown account or a blank name.
   */
  nameOf(actor: string): string | null;
  /** Applies the server's clerk list inside the caller's transaction (sync's reference pull). */
  replaceAccounts(db: CounterDatabase, clerks: readonly PulledClerk[]): void;
  /** After a pull was committed: a disabled or removed clerk's session ends now. */
  accountsChanged(): void;
  start(): void;
  stop(): void;
}

const CLERK_PREFIX = 'clerk:';

type Current = { clerkId: string; since: Date; lockedAt: Date | null; lastActivity: number };

/**
 * Clerk sessions on this counter. The session lives in memory (a restart asks for the password again); the
 * accounts and the failure counts live in SQLite. Idle time is measured from the last activity the UI
 * reported (auth.touch) or the last guarded call, never from background reads, which happen on their own.
 */
export function createAuthService(options: AuthServiceOptions): AuthService {
  const { storage, clock, bus, settings, logger } = options;
  let current: Current | null = null;
  let idleTimer: NodeJS.Timeout | undefined;
  let started = false;
  let lastEmitted = '';

  const idleMs = () => (settings.get().idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES) * 60_000;
  const iso = (date: Date) => toVietnamIso(date);

  function accounts(): number {
    try {
      return countClerks(storage.db());
    } catch {
      return 0; // the data file is unavailable: every guarded method answers with that reason anyway
    }
  }

  /** The signed-in clerk as stored now; ends the session when the account was removed or disabled. */
  function currentClerk(): ClerkRecord | null {
    if (current === null) return null;
    let clerk: ClerkRecord | null;
    try {
      clerk = findClerkById(storage.db(), current.clerkId);
    } catch {
      return null;
    }
    if (clerk === null || clerk.disabled) {
      logger.info('session ended: account removed or disabled');
      current = null;
    }
    return clerk?.disabled === false ? clerk : null;
  }

  /** Locks a session that has been idle too long; the lock time is when the idle period ran out. */
  function applyIdle(): void {
    if (current === null || current.lockedAt !== null) return;
    const deadline = current.lastActivity + idleMs();
    if (clock.now().getTime() >= deadline) current.lockedAt = new Date(deadline);
  }

  function session(): Session {
    applyIdle();
    const clerk = currentClerk();
    const count = accounts();
    const base = { idleLockMinutes: idleMs() / 60_000, accounts: count };
    if (clerk === null || current === null) return { mode: count === 0 ? 'setup' : 'signed-out', clerk: null, since: null, lockedAt: null, ...base };
    return {
      mode: current.lockedAt === null ? 'signed-in' : 'locked',
      clerk: { username: clerk.username, displayName: clerk.displayName, roles: clerk.roles },
      since: iso(current.since),
      lockedAt: current.lockedAt === null ? null : iso(current.lockedAt),
      ...base,
    };
  }

  /** Emits `auth.changed` when what a clerk sees changed, and re-arms the idle timer. */
  function changed(): Session {
    const now = session();
    const visible = JSON.stringify(now);
    if (visible !== lastEmitted) {
      lastEmitted = visible;
      bus.emit('auth.changed', now);
    }
    schedule();
    return now;
  }

  function schedule(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = undefined;
    if (!started || current === null || current.lockedAt !== null) return;
    const delay = Math.max(current.lastActivity + idleMs() - clock.now().getTime(), 0) + 5;
    idleTimer = setTimeout(() => changed(), delay).unref();
  }

  /** Password check with the per-account failure count and short lockout (persisted: survives a restart). */
  async function checkPassword(clerk: ClerkRecord, password: string): Promise<void> {
    const now = clock.now();
    if (clerk.lockedUntil !== null && Date.parse(clerk.lockedUntil) > now.getTime()) {
      throw new CoreError('sign-in-locked-out', `Account ${clerk.username} is locked until ${clerk.lockedUntil}`, { until: clerk.lockedUntil });
    }
    if (await verifyPassword(password, clerk.passwordHash)) {
      if (clerk.failedAttempts !== 0 || clerk.lockedUntil !== null) recordFailures(storage.db(), clerk.id, 0, null);
      return;
    }
    // Re-read: another attempt may have counted while scrypt ran. An expired lockout starts a fresh count.
    const fresh = findClerkById(storage.db(), clerk.id) ?? clerk;
    const expired = fresh.lockedUntil !== null && Date.parse(fresh.lockedUntil) <= now.getTime();
    const failures = (expired ? 0 : fresh.failedAttempts) + 1;
    if (failures >= SIGN_IN_MAX_FAILURES) {
      const until = iso(new Date(now.getTime() + SIGN_IN_LOCKOUT_MINUTES * 60_000));
      recordFailures(storage.db(), clerk.id, 0, until);
      logger.warn('account locked out after wrong passwords', { username: clerk.username, failures });
      throw new CoreError('sign-in-locked-out', `Too many wrong passwords for ${clerk.username}`, { until });
    }
    recordFailures(storage.db(), clerk.id, failures, null);
    throw new CoreError('sign-in-failed', 'Wrong username or password', { remainingAttempts: SIGN_IN_MAX_FAILURES - failures });
  }

  return {
    session,
    async signIn(username, password) {
      if (accounts() === 0) throw new CoreError('invalid-state', 'This counter holds no clerk accounts yet (setup mode): nobody needs to sign in');
      const clerk = findClerkByUsername(storage.db(), username);
      if (clerk === null) {
        await burnVerification(password);
        throw new CoreError('sign-in-failed', 'Wrong username or password', { remainingAttempts: null });
      }
      await checkPassword(clerk, password);
      if (clerk.disabled) throw new CoreError('account-disabled', `Account ${clerk.username} is disabled`);
      const now = clock.now();
      current = { clerkId: clerk.id, since: now, lockedAt: null, lastActivity: now.getTime() };
      logger.info('clerk signed in', { username: clerk.username });
      return changed();
    },
    signOut() {
      if (current !== null) logger.info('clerk signed out');
      current = null;
      return changed();
    },
    lock() {
      applyIdle();
      if (current !== null && current.lockedAt === null) current.lockedAt = clock.now();
      return changed();
    },
    async unlock(password) {
      const clerk = currentClerk();
      if (clerk === null || current === null) throw new CoreError('sign-in-required', 'Nobody is signed in: sign in instead');
      const session = current;
      await checkPassword(clerk, password);
      // A different clerk may have signed in while scrypt ran: only unlock the session that was asked for.
      if (current === session) {
        session.lockedAt = null;
        session.lastActivity = clock.now().getTime();
      }
      return changed();
    },
    touch() {
      applyIdle();
      if (current !== null && current.lockedAt === null) current.lastActivity = clock.now().getTime();
      return changed();
    },
    authorize(method) {
      const access = accessFor(method);
      if (access === 'open' || countClerks(storage.db()) === 0) return;
      const before = current?.lockedAt ?? null;
      applyIdle();
      const clerk = currentClerk();
      if (clerk === null || current === null) throw new CoreError('sign-in-required', `${method} needs a signed-in clerk`);
      if (current.lockedAt !== null) {
        if (before === null) changed();
        throw new CoreError('session-locked', `${method}: the session is locked`);
      }
      if (access === 'supervisor' && !clerk.roles.includes('supervisor')) throw new CoreError('forbidden-role', `${method} needs the supervisor role`);
      current.lastActivity = clock.now().getTime();
      schedule();
    },
    actor() {
      const clerk = current === null ? null : currentClerk();
      return clerk === null ? null : `${CLERK_PREFIX}${clerk.username}`;
    },
    nameOf(actor) {
      if (!actor.startsWith(CLERK_PREFIX)) return null;
      let clerk: ClerkRecord | null;
      try {
        clerk = findClerkByUsername(storage.db(), actor.slice(CLERK_PREFIX.length));
      } catch {
        return null; // the data file is unavailable: the caller falls back to the id
      }
      const name = clerk?.displayName.trim() ?? '';
      return name === '' ? null : name;
    },
    replaceAccounts: (db, clerks) => replaceClerks(db, clerks),
    accountsChanged: () => void changed(),
    start() {
      started = true;
      schedule();
    },
    stop() {
      started = false;
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = undefined;
    },
  };
}
