import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../../db/sql.ts';

export type ClerkRole = 'clerk' | 'supervisor';
export type ClerkRow = Readonly<{ id: string; username: string; display_name: string; password_hash: string; roles: ClerkRole[]; disabled: boolean; updated_at: Date }>;

/** Creates the clerk, or replaces name, password and roles of an existing one (and enables it again). */
export async function upsertClerk(
  db: SqlExecutor,
  clerk: Readonly<{ agencyId: string; username: string; displayName: string; passwordHash: string; roles: ClerkRole[] }>,
): Promise<void> {
  await db.query(
    `INSERT INTO clerks (id, agency_id, username, display_name, password_hash, roles) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (agency_id, username) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash,
       roles = EXCLUDED.roles, disabled = false, updated_at = now()`,
    [randomUUID(), clerk.agencyId, clerk.username, clerk.displayName, clerk.passwordHash, JSON.stringify(clerk.roles)],
  );
}

export async function setClerkDisabled(db: SqlExecutor, agencyId: string, username: string, disabled: boolean): Promise<boolean> {
  const rows = await db.query('UPDATE clerks SET disabled = $3, updated_at = now() WHERE agency_id = $1 AND username = $2 RETURNING id', [agencyId, username, disabled]);
  return rows.length > 0;
}

export async function listClerks(db: SqlExecutor, agencyId: string): Promise<ClerkRow[]> {
  return db.query<ClerkRow>('SELECT id, username, display_name, password_hash, roles, disabled, updated_at FROM clerks WHERE agency_id = $1 ORDER BY username', [agencyId]);
}
