import type { SqlExecutor } from '../../db/sql.ts';
import { sha256Hex } from '../counters/secrets.ts';

export type ReferenceKind = 'catalogue' | 'calendar' | 'form-templates';
export type ReferenceDocument = Readonly<{ key: string; version: string; body: unknown }>;

/** A version string from content, so loading the same file twice keeps the same ETag. */
export function contentVersion(value: unknown, prefix = ''): string {
  const digest = sha256Hex(JSON.stringify(value)).slice(0, 16);
  return prefix ? `${prefix}-${digest}` : digest;
}

export async function putReferenceDocument(db: SqlExecutor, kind: ReferenceKind, key: string, version: string, body: unknown): Promise<void> {
  await db.query(
    `INSERT INTO reference_documents (kind, key, version, body) VALUES ($1, $2, $3, $4)
     ON CONFLICT (kind, key) DO UPDATE SET version = EXCLUDED.version, body = EXCLUDED.body, updated_at = now()`,
    [kind, key, version, JSON.stringify(body)],
  );
}

export async function listReferenceDocuments(db: SqlExecutor, kind: ReferenceKind): Promise<ReferenceDocument[]> {
  return db.query<ReferenceDocument>('SELECT key, version, body FROM reference_documents WHERE kind = $1 ORDER BY key', [kind]);
}
