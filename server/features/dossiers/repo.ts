import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { SqlExecutor } from '../../db/sql.ts';

export type StoredDossier = Readonly<{
  id: string;
  agency_id: string;
  code: string;
  counter_version: number;
  status: string;
  snapshot: Dossier;
  code_conflict: boolean;
}>;

const COLUMNS = 'id, agency_id, code, counter_version, status, snapshot, code_conflict';

export async function findDossier(db: SqlExecutor, id: string): Promise<StoredDossier | null> {
  const rows = await db.query<StoredDossier>(`SELECT ${COLUMNS} FROM dossiers WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** Another dossier of the agency that holds `code` first (not itself flagged as the collider). */
export async function codeHeldByOther(db: SqlExecutor, agencyId: string, code: string, id: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM dossiers WHERE agency_id = $1 AND code = $2 AND id <> $3 AND NOT code_conflict LIMIT 1', [agencyId, code, id]);
  return rows.length > 0;
}

export async function upsertDossier(
  db: SqlExecutor,
  row: Readonly<{ agencyId: string; counterId: string; dossier: Dossier; codeConflict: boolean }>,
): Promise<void> {
  await db.query(
    `INSERT INTO dossiers (id, agency_id, counter_id, code, counter_version, status, snapshot, code_conflict)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, counter_version = EXCLUDED.counter_version, status = EXCLUDED.status,
       snapshot = EXCLUDED.snapshot, code_conflict = EXCLUDED.code_conflict, updated_at = now()`,
    [row.dossier.id, row.agencyId, row.counterId, row.dossier.code, row.dossier.version, row.dossier.status, JSON.stringify(row.dossier), row.codeConflict],
  );
}

/** A back-office status change: the status column and the snapshot's status fields, not the counter's version. */
export async function setDossierStatus(db: SqlExecutor, id: string, status: string, statusCode: number): Promise<void> {
  await db.query(
    `UPDATE dossiers SET status = $2, snapshot = jsonb_set(jsonb_set(snapshot, '{status}', to_jsonb($2::text)), '{statusCode}', to_jsonb($3::int)), updated_at = now()
     WHERE id = $1`,
    [id, status, statusCode],
  );
}

export type AppliedJob = Readonly<{ outcome: string; code: string | null; message: string | null; dossier_id: string }>;

export async function findAppliedJob(db: SqlExecutor, jobId: string): Promise<AppliedJob | null> {
  const rows = await db.query<AppliedJob>('SELECT outcome, code, message, dossier_id FROM applied_jobs WHERE job_id = $1', [jobId]);
  return rows[0] ?? null;
}

export async function recordJob(
  db: SqlExecutor,
  job: Readonly<{ jobId: string; counterId: string; dossierId: string; version: number; outcome: string; code: string | null; message: string | null }>,
): Promise<void> {
  await db.query(
    `INSERT INTO applied_jobs (job_id, counter_id, dossier_id, dossier_version, outcome, code, message)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (job_id) DO NOTHING`,
    [job.jobId, job.counterId, job.dossierId, job.version, job.outcome, job.code, job.message],
  );
}
