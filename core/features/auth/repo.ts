import type { ClerkRole } from '../../../shared/contract/auth.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import { cachedStatement } from '../../db/statements.ts';

export type ClerkRecord = Readonly<{
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: ClerkRole[];
  disabled: boolean;
  updatedAt: string;
  failedAttempts: number;
  lockedUntil: string | null;
}>;

/** An account as the central server sends it (central-api ClerkAccountSchema). */
export type PulledClerk = Readonly<{ id: string; username: string; displayName: string; passwordHash: string; roles: readonly ClerkRole[]; disabled: boolean; updatedAt: string }>;

type Row = {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string;
  disabled: number;
  updated_at: string;
  failed_attempts: number;
  locked_until: string | null;
};

function toRecord(row: Row): ClerkRecord {
  const roles = (JSON.parse(row.roles) as unknown[]).filter((role): role is ClerkRole => role === 'clerk' || role === 'supervisor');
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    roles,
    disabled: row.disabled === 1,
    updatedAt: row.updated_at,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
  };
}

export function countClerks(db: CounterDatabase): number {
  return (cachedStatement(db, 'SELECT count(*) AS n FROM clerks').get() as { n: number }).n;
}

/** Exact username first; else a case-insensitive match when exactly one account has it (clerks type it). */
export function findClerkByUsername(db: CounterDatabase, username: string): ClerkRecord | null {
  const exact = cachedStatement(db, 'SELECT * FROM clerks WHERE username = ?').get(username) as Row | undefined;
  if (exact) return toRecord(exact);
  const loose = cachedStatement(db, 'SELECT * FROM clerks WHERE username = ? COLLATE NOCASE LIMIT 2').all(username) as Row[];
  return loose.length === 1 ? toRecord(loose[0]!) : null;
}

export function findClerkById(db: CounterDatabase, id: string): ClerkRecord | null {
  const row = cachedStatement(db, 'SELECT * FROM clerks WHERE id = ?').get(id) as Row | undefined;
  return row ? toRecord(row) : null;
}

export function recordFailures(db: CounterDatabase, id: string, failedAttempts: number, lockedUntil: string | null): void {
  cachedStatement(db, 'UPDATE clerks SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failedAttempts, lockedUntil, id);
}

/**
 * The server's list replaces the local one; call inside the transaction that records the list's version.
 * Accounts gone from the list are deleted; the counter's own failure count and lockout of the others stay.
 */
export function replaceClerks(db: CounterDatabase, clerks: readonly PulledClerk[]): void {
  const keep = new Set(clerks.map((clerk) => clerk.id));
  for (const { id } of cachedStatement(db, 'SELECT id FROM clerks').all() as { id: string }[]) {
    if (!keep.has(id)) cachedStatement(db, 'DELETE FROM clerks WHERE id = ?').run(id);
  }
  // A username may move from one id to another (deleted and re-created on the server): free it first.
  const freeUsername = cachedStatement(db, 'DELETE FROM clerks WHERE username = ? AND id <> ?');
  const upsert = cachedStatement(
    db,
    `INSERT INTO clerks (id, username, display_name, password_hash, roles, disabled, updated_at)
     VALUES (@id, @username, @displayName, @passwordHash, @roles, @disabled, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET username = excluded.username, display_name = excluded.display_name,
       password_hash = excluded.password_hash, roles = excluded.roles, disabled = excluded.disabled, updated_at = excluded.updated_at`,
  );
  for (const clerk of clerks) {
    freeUsername.run(clerk.username, clerk.id);
    upsert.run({ ...clerk, roles: JSON.stringify(clerk.roles), disabled: clerk.disabled ? 1 : 0 });
  }
}
