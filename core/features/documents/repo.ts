import type { DocumentInfo } from '../../../shared/contract/scanning.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import { cachedStatement } from '../../db/statements.ts';

type DocumentRow = {
  sha256: string;
  size: number;
  pages: number;
  media_type: string;
  source: 'scan' | 'import';
  blank_pages: string;
  created_at: string;
  uploaded_at: string | null;
  confirmed_at: string | null;
  removed_at: string | null;
};

export type NewDocument = Readonly<{ sha256: string; size: number; pages: number; source: 'scan' | 'import'; blankPages: readonly number[]; createdAt: string }>;

/** A document stored again (same bytes) after its file was removed is on the counter again. */
export function insertDocument(db: CounterDatabase, doc: NewDocument): void {
  cachedStatement(
    db,
    `INSERT INTO documents (sha256, size, pages, media_type, source, blank_pages, created_at)
     VALUES (@sha256, @size, @pages, 'application/pdf', @source, @blankPages, @createdAt)
     ON CONFLICT (sha256) DO UPDATE SET removed_at = NULL`,
  ).run({ ...doc, blankPages: JSON.stringify(doc.blankPages) });
}

export function findDocument(db: CounterDatabase, sha256: string): DocumentInfo | null {
  const row = cachedStatement(db, 'SELECT * FROM documents WHERE sha256 = ?').get(sha256) as DocumentRow | undefined;
  if (!row) return null;
  const links = cachedStatement(db, 'SELECT dossier_id, paper_index, linked_at, reused_from_dossier_id FROM document_links WHERE sha256 = ? ORDER BY linked_at, dossier_id').all(sha256) as {
    dossier_id: string;
    paper_index: number;
    linked_at: string;
    reused_from_dossier_id: string | null;
  }[];
  return {
    sha256: row.sha256,
    size: row.size,
    pages: row.pages,
    mediaType: 'application/pdf',
    source: row.source,
    createdAt: row.created_at,
    blankPages: JSON.parse(row.blank_pages) as number[],
    links: links.map((link) => ({ dossierId: link.dossier_id, paperIndex: link.paper_index, linkedAt: link.linked_at, reusedFromDossierId: link.reused_from_dossier_id })),
    uploadedAt: row.uploaded_at,
    confirmedAt: row.confirmed_at,
    removedAt: row.removed_at,
  };
}

/**
 * Links a paper of a dossier to a document (replacing what the paper had) and records the owner's ID number
 * for reuse, as the dossier stores it.
 */
export function linkDocument(db: CounterDatabase, link: Readonly<{ dossierId: string; paperIndex: number; sha256: string; linkedAt: string; reusedFromDossierId: string | null; ownerIdNumber: string | null }>): void {
  cachedStatement(
    db,
    `INSERT INTO document_links (dossier_id, paper_index, sha256, linked_at, reused_from_dossier_id)
     VALUES (@dossierId, @paperIndex, @sha256, @linkedAt, @reusedFromDossierId)
     ON CONFLICT (dossier_id, paper_index) DO UPDATE SET sha256 = excluded.sha256, linked_at = excluded.linked_at, reused_from_dossier_id = excluded.reused_from_dossier_id`,
  ).run(link);
  if (link.ownerIdNumber !== null) {
    cachedStatement(db, 'UPDATE documents SET owner_id_number = coalesce(owner_id_number, ?) WHERE sha256 = ?').run(link.ownerIdNumber, link.sha256);
  }
}

export function documentsOfOwner(db: CounterDatabase, idNumber: string): string[] {
  return (cachedStatement(db, 'SELECT sha256 FROM documents WHERE owner_id_number = ? ORDER BY created_at DESC LIMIT 200').all(idNumber) as { sha256: string }[]).map((row) => row.sha256);
}

export type UploadCandidate = Readonly<{ sha256: string; size: number; pages: number; attempts: number; dossierIds: string[] }>;

/** Linked, on the counter, not yet confirmed by the server, and due (backoff). Oldest first. */
export function uploadCandidates(db: CounterDatabase, nowIso: string, limit: number): UploadCandidate[] {
  const rows = cachedStatement(
    db,
    `SELECT d.sha256, d.size, d.pages, d.upload_attempts AS attempts, group_concat(l.dossier_id, char(31)) AS dossiers
     FROM documents d JOIN document_links l ON l.sha256 = d.sha256
     WHERE d.confirmed_at IS NULL AND d.removed_at IS NULL AND (d.upload_next_at IS NULL OR d.upload_next_at <= ?)
     GROUP BY d.sha256 ORDER BY d.created_at LIMIT ?`,
  ).all(nowIso, limit) as { sha256: string; size: number; pages: number; attempts: number; dossiers: string }[];
  return rows.map((row) => ({ sha256: row.sha256, size: row.size, pages: row.pages, attempts: row.attempts, dossierIds: [...new Set(row.dossiers.split('\u001f'))] }));
}

/** Documents linked to a dossier and not yet confirmed by the server (due or backing off), files still here. */
export function countWaitingUploads(db: CounterDatabase): number {
  return (
    cachedStatement(
      db,
      `SELECT count(*) AS n FROM documents d
       WHERE d.confirmed_at IS NULL AND d.removed_at IS NULL AND EXISTS (SELECT 1 FROM document_links l WHERE l.sha256 = d.sha256)`,
    ).get() as { n: number }
  ).n;
}

export function scheduleUploadRetry(db: CounterDatabase, sha256: string, attempts: number, nextAt: string, error: string): void {
  cachedStatement(db, 'UPDATE documents SET upload_attempts = ?, upload_next_at = ?, upload_error = ? WHERE sha256 = ?').run(attempts, nextAt, error.slice(0, 300), sha256);
}

/** A person asked to sync now: scans waiting out a backoff are due at once (their attempt counts stay). */
export function makeUploadsDue(db: CounterDatabase): void {
  cachedStatement(db, 'UPDATE documents SET upload_next_at = NULL WHERE confirmed_at IS NULL AND removed_at IS NULL AND upload_next_at IS NOT NULL').run();
}

export function markConfirmed(db: CounterDatabase, sha256: string, at: string): void {
  cachedStatement(db, 'UPDATE documents SET uploaded_at = coalesce(uploaded_at, ?), confirmed_at = ?, upload_next_at = NULL, upload_error = NULL WHERE sha256 = ?').run(at, at, sha256);
}

/** Confirmed on or before `cutoff` and still on the counter. */
export function dueForRemoval(db: CounterDatabase, cutoffIso: string): string[] {
  return (cachedStatement(db, 'SELECT sha256 FROM documents WHERE confirmed_at IS NOT NULL AND confirmed_at <= ? AND removed_at IS NULL').all(cutoffIso) as { sha256: string }[]).map((row) => row.sha256);
}

/** Linked to no dossier paper, created on or before `cutoff`, still on the counter (replaced by an edit or a new scan). */
export function unlinkedBefore(db: CounterDatabase, cutoffIso: string): string[] {
  return (
    cachedStatement(
      db,
      `SELECT d.sha256 FROM documents d
       WHERE d.created_at <= ? AND d.removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM document_links l WHERE l.sha256 = d.sha256)`,
    ).all(cutoffIso) as { sha256: string }[]
  ).map((row) => row.sha256);
}

/**
 * The file is gone from the counter; the row stays so the paper can still be reused (the server holds the
 * file). The owner's ID number stays with it: the dossier row holds the same number in the same file, so
 * clearing it here would lose reuse without keeping any personal data from the counter.
 */
export function markRemoved(db: CounterDatabase, sha256: string, at: string): void {
  cachedStatement(db, 'UPDATE documents SET removed_at = ? WHERE sha256 = ?').run(at, sha256);
}

export function readScanningSettings(db: CounterDatabase): unknown {
  const row = cachedStatement(db, 'SELECT value FROM scanning_settings WHERE id = 1').get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export function writeScanningSettings(db: CounterDatabase, value: unknown, at: string): void {
  cachedStatement(db, 'INSERT INTO scanning_settings (id, value, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(JSON.stringify(value), at);
}
