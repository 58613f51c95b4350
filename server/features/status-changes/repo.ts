import type { StatusChange } from '../../../shared/contract/central-api.ts';
import type { SqlExecutor } from '../../db/sql.ts';

type ChangeRow = { id: string | number; dossier_id: string; code: string; status: StatusChange['status']; at: Date; by_name: string; note: string | null };

function toChange(row: ChangeRow): StatusChange {
  return { cursor: Number(row.id), dossierId: row.dossier_id, code: row.code, status: row.status, at: row.at.toISOString(), by: row.by_name, note: row.note };
}

/**
 * Appends a change. The caller holds the agency's lock, so within an agency cursors become visible in
 * order: a reader never sees cursor n+1 committed while n is still pending, and never skips one.
 */
export async function appendStatusChange(
  tx: SqlExecutor,
  change: Readonly<{ agencyId: string; dossierId: string; code: string; status: string; at: Date; by: string; note: string | null }>,
): Promise<StatusChange> {
  const rows = await tx.query<ChangeRow>(
    `INSERT INTO status_changes (agency_id, dossier_id, code, status, at, by_name, note) VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING id, dossier_id, code, status, at, by_name, note`,
    [change.agencyId, change.dossierId, change.code, change.status, change.at, change.by, change.note],
  );
  return toChange(rows[0]!);
}

export async function listStatusChanges(db: SqlExecutor, agencyId: string, after: number, limit: number): Promise<StatusChange[]> {
  const rows = await db.query<ChangeRow>(
    'SELECT id, dossier_id, code, status, at, by_name, note FROM status_changes WHERE agency_id = $1 AND id > $2 ORDER BY id LIMIT $3',
    [agencyId, after, limit],
  );
  return rows.map(toChange);
}
