import type { CounterDatabase } from '../../db/open-database.ts';
import { GENESIS_HASH, hashAuditRow, type AuditRow } from './chain.ts';
import { cachedStatement } from '../../db/statements.ts';

/**
 * An entry to append: the hashed row without its place in the chain. `details` must never hold personal
 * data beyond what the dossier record itself holds (no scans, no free-text ID numbers).
 */
export type NewAuditEntry = Readonly<Omit<AuditRow, 'seq' | 'prevHash' | 'details'> & { details: Record<string, unknown> }>;

type StoredRow = { seq: number; id: string; at: string; actor: string; action: string; entity: string; entity_id: string; details: string; prev_hash: string; hash: string };

function toAuditRow(row: StoredRow): AuditRow {
  return { seq: row.seq, id: row.id, at: row.at, actor: row.actor, action: row.action, entity: row.entity, entityId: row.entity_id, details: row.details, prevHash: row.prev_hash };
}

/** Appends one entry chained to the last; call inside the transaction of the change it records. */
export function appendAudit(db: CounterDatabase, entry: NewAuditEntry): void {
  const last = cachedStatement(db, 'SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    details: JSON.stringify(entry.details),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  cachedStatement(db, 
    `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details, seq, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity, @entityId, @details, @seq, @prevHash, @hash)`,
  ).run({ ...row, hash: hashAuditRow(row) });
}

export type AuditVerification = Readonly<{ ok: boolean; entries: number; brokenAtSeq: number | null; problem: string | null }>;

/** Walks the chain in order; the first row whose link or hash does not match is reported. */
export function verifyAudit(db: CounterDatabase): AuditVerification {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (const stored of cachedStatement(db, 'SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<StoredRow>) {
    entries += 1;
    if (stored.seq === null) return { ok: false, entries, brokenAtSeq: null, problem: `entry ${stored.id} is outside the chain` };
    if (stored.seq !== expectedSeq) return { ok: false, entries, brokenAtSeq: expectedSeq, problem: `entry ${expectedSeq} is missing` };
    if (stored.prev_hash !== prevHash) return { ok: false, entries, brokenAtSeq: stored.seq, problem: `entry ${stored.seq} does not link to the entry before it` };
    const expected = hashAuditRow(toAuditRow(stored));
    if (stored.hash !== expected) return { ok: false, entries, brokenAtSeq: stored.seq, problem: `entry ${stored.seq} was changed after it was written` };
    prevHash = stored.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries, brokenAtSeq: null, problem: null };
}

export type AuditTimelineEntry = Readonly<{ at: string; actor: string; action: string; details: Record<string, unknown> }>;

export function auditTimeline(db: CounterDatabase, entity: string, entityId: string): AuditTimelineEntry[] {
  const rows = cachedStatement(db, 'SELECT at, actor, action, details FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq').all(entity, entityId) as { at: string; actor: string; action: string; details: string }[];
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}

export type ChainedAuditEntry = Readonly<AuditRow & { hash: string }>;

/** Entries after `seq` in chain order, exactly as stored and hashed (for upload to the central server). */
export function auditEntriesAfter(db: CounterDatabase, seq: number, limit: number): ChainedAuditEntry[] {
  const rows = cachedStatement(db, 'SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(seq, limit) as StoredRow[];
  return rows.map((row) => ({ ...toAuditRow(row), hash: row.hash }));
}

/** The last entry's seq (0 for an empty log). */
export function lastAuditSeq(db: CounterDatabase): number {
  return (cachedStatement(db, 'SELECT coalesce(max(seq), 0) AS seq FROM audit_log').get() as { seq: number }).seq;
}
