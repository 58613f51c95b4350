import type { ServerDocument } from '../../../shared/contract/central-api.ts';
import type { SqlExecutor } from '../../db/sql.ts';

/** More than any one citizen's papers at one agency; the answer stays small whatever is stored. */
const MAX_DOCUMENTS = 200;

/**
 * The papers of `agencyId`'s dossiers whose applicant has `idNumber` and whose scan the server holds complete
 * and verified, newest first. Only what a counter needs to offer reuse: never the stored file's path or name.
 */
export async function documentsOfApplicant(db: SqlExecutor, agencyId: string, idNumber: string): Promise<ServerDocument[]> {
  const rows = await db.query(
    `SELECT u.sha256, p.value->>'name' AS paper_name, d.id AS dossier_id, d.code AS dossier_code,
            u.created_at, u.pages, u.size
       FROM dossiers d
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(d.snapshot->'papers') = 'array' THEN d.snapshot->'papers' ELSE '[]'::jsonb END)
            WITH ORDINALITY AS p(value, position)
       JOIN uploads u ON u.sha256 = p.value->>'scanSha256' AND u.complete
      WHERE d.agency_id = $1 AND d.snapshot->'applicant'->>'idNumber' = $2
      ORDER BY u.created_at DESC, d.code, p.position
      LIMIT ${MAX_DOCUMENTS}`,
    [agencyId, idNumber],
  );
  return rows.map((row) => ({
    sha256: String(row.sha256),
    paperName: typeof row.paper_name === 'string' ? row.paper_name : '',
    dossierId: String(row.dossier_id),
    dossierCode: String(row.dossier_code),
    createdAt: new Date(row.created_at as string | Date).toISOString(),
    pages: row.pages === null || row.pages === undefined ? 0 : Number(row.pages),
    size: Number(row.size),
  }));
}

/**
 * Whether a counter of `agencyId` may download the file: one of the agency's dossiers names it as a paper's
 * scan, or one of its counters uploaded it. Another agency's files are not its business, even by hash.
 */
export async function agencyHoldsFile(db: SqlExecutor, agencyId: string, sha256: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM upload_refs WHERE sha256 = $1 AND agency_id = $2
     UNION ALL
     SELECT 1 FROM dossiers d
      WHERE d.agency_id = $2 AND jsonb_typeof(d.snapshot->'papers') = 'array'
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(d.snapshot->'papers') AS p(value) WHERE p.value->>'scanSha256' = $1)
     LIMIT 1`,
    [sha256, agencyId],
  );
  return rows.length > 0;
}
