import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../../db/sql.ts';

export type Agency = Readonly<{ id: string; code: string; name: string }>;

export async function createAgency(db: SqlExecutor, code: string, name: string): Promise<Agency> {
  const id = randomUUID();
  await db.query('INSERT INTO agencies (id, code, name) VALUES ($1, $2, $3)', [id, code, name]);
  return { id, code, name };
}

export async function findAgencyByCode(db: SqlExecutor, code: string): Promise<Agency | null> {
  const rows = await db.query<Agency>('SELECT id, code, name FROM agencies WHERE code = $1', [code]);
  return rows[0] ?? null;
}

export async function listAgencies(db: SqlExecutor): Promise<Agency[]> {
  return db.query<Agency>('SELECT id, code, name FROM agencies ORDER BY code');
}

/**
 * Locks the agency's row until the transaction ends. Everything that hands out something agency-wide in
 * order (code blocks, status-change cursors, dossier-code collision checks) takes this lock first, so on
 * PostgreSQL concurrent requests of one agency take turns while other agencies run in parallel.
 */
export async function lockAgency(tx: SqlExecutor, agencyId: string): Promise<void> {
  await tx.query('SELECT id FROM agencies WHERE id = $1 FOR UPDATE', [agencyId]);
}
