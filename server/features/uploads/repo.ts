import type { SqlExecutor } from '../../db/sql.ts';

export type UploadRow = Readonly<{ sha256: string; size: number; received: number; complete: boolean }>;

function toRow(row: Record<string, unknown>): UploadRow {
  return { sha256: String(row.sha256), size: Number(row.size), received: Number(row.received), complete: Boolean(row.complete) };
}

export async function findUpload(db: SqlExecutor, sha256: string, lock = false): Promise<UploadRow | null> {
  const rows = await db.query(`SELECT sha256, size, received, complete FROM uploads WHERE sha256 = $1${lock ? ' FOR UPDATE' : ''}`, [sha256]);
  return rows[0] ? toRow(rows[0]) : null;
}

/**
 * Starts (or finds) an upload and records that `dossierId` of `agencyId` names it, in one statement: one round
 * trip to the database per file started (PGlite runs on the server's only thread, so each one counts).
 */
export async function startUpload(
  db: SqlExecutor,
  upload: Readonly<{ sha256: string; size: number; mediaType: string; filePath: string; pages?: number | undefined; agencyId: string; dossierId: string }>,
): Promise<UploadRow> {
  const rows = await db.query(
    `WITH started AS (
       INSERT INTO uploads (sha256, size, media_type, file_path, pages) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sha256) DO UPDATE SET pages = COALESCE(uploads.pages, EXCLUDED.pages)
       RETURNING sha256, size, received, complete
     ), referenced AS (
       INSERT INTO upload_refs (sha256, agency_id, dossier_id) SELECT sha256, $6, $7 FROM started ON CONFLICT DO NOTHING
     )
     SELECT sha256, size, received, complete FROM started`,
    [upload.sha256, upload.size, upload.mediaType, upload.filePath, upload.pages ?? null, upload.agencyId, upload.dossierId],
  );
  return toRow(rows[0]!);
}

/** A complete file's media type, for serving it; null when the server does not hold it whole. */
export async function completeFile(db: SqlExecutor, sha256: string): Promise<{ size: number; mediaType: string } | null> {
  const rows = await db.query('SELECT size, media_type FROM uploads WHERE sha256 = $1 AND complete', [sha256]);
  return rows[0] ? { size: Number(rows[0].size), mediaType: String(rows[0].media_type) } : null;
}

export async function setReceived(db: SqlExecutor, sha256: string, received: number, size?: number): Promise<void> {
  if (size === undefined) await db.query('UPDATE uploads SET received = $2 WHERE sha256 = $1', [sha256, received]);
  else await db.query('UPDATE uploads SET received = $2, size = $3 WHERE sha256 = $1', [sha256, received, size]);
}

export async function markComplete(db: SqlExecutor, sha256: string): Promise<void> {
  await db.query('UPDATE uploads SET received = size, complete = true, completed_at = now() WHERE sha256 = $1', [sha256]);
}
