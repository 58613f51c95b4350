import type { CounterDatabase } from '../../db/open-database.ts';
import { cachedStatement } from '../../db/statements.ts';

// The outbox as a queue, for the sync worker. Times in the table are ISO strings in mixed offsets (jobs are
// written with the +07:00 receipt time, retries in UTC), so comparisons go through julianday().

/** Only full snapshots may be coalesced: the newest one of a dossier carries everything the older ones did. */
export const SNAPSHOT_KIND = 'dossier.upserted';

export type DueJob = Readonly<{ id: string; seq: number; kind: string; aggregateId: string; payload: string; attempts: number }>;

/**
 * Deletes every waiting snapshot that a newer waiting snapshot of the same dossier supersedes. Safe before
 * the newer one is delivered: it is durable in the same table and carries the whole dossier with a higher
 * version. Run only between pushes (the worker drains one at a time), never while a push is in flight.
 */
export function coalesceSnapshots(db: CounterDatabase): number {
  return cachedStatement(db,
    `DELETE FROM outbox WHERE kind = '${SNAPSHOT_KIND}' AND dead_at IS NULL AND EXISTS (
       SELECT 1 FROM outbox AS newer
       WHERE newer.aggregate_id = outbox.aggregate_id AND newer.kind = outbox.kind AND newer.dead_at IS NULL AND newer.rowid > outbox.rowid)`,
  ).run().changes;
}

/** Waiting jobs due by `now`, oldest first. */
export function dueJobs(db: CounterDatabase, now: string, limit: number): DueJob[] {
  return cachedStatement(db,
    `SELECT id, rowid AS seq, kind, aggregate_id AS aggregateId, payload, attempts FROM outbox
     WHERE dead_at IS NULL AND julianday(next_attempt_at) <= julianday(?)
     ORDER BY rowid LIMIT ?`,
  ).all(now, limit) as DueJob[];
}

/** When the next waiting job falls due, for the worker's timer; null when nothing waits. */
export function nextDueAt(db: CounterDatabase): number | null {
  const row = cachedStatement(db, 'SELECT min(julianday(next_attempt_at)) AS due FROM outbox WHERE dead_at IS NULL').get() as { due: number | null };
  return row.due === null ? null : Math.round((row.due - 2440587.5) * 86_400_000);
}

/**
 * The server has this snapshot (applied, or already had it): the job is done. Rejections of older
 * snapshots of the same dossier are moot now, so they leave the dead-letter list too.
 */
export function completeJob(db: CounterDatabase, job: Pick<DueJob, 'id' | 'seq' | 'aggregateId'>): void {
  cachedStatement(db, 'DELETE FROM outbox WHERE id = ?').run(job.id);
  cachedStatement(db, `DELETE FROM outbox WHERE aggregate_id = ? AND rowid < ? AND dead_outcome = 'rejected'`).run(job.aggregateId, job.seq);
}

export function scheduleRetry(db: CounterDatabase, id: string, attempts: number, nextAttemptAt: string, error: string): void {
  cachedStatement(db, 'UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?').run(attempts, nextAttemptAt, error, id);
}

export type DeadOutcome = 'rejected' | 'conflict';

export function markDead(db: CounterDatabase, id: string, dead: Readonly<{ outcome: DeadOutcome; reason: string; message: string; at: string; attempts: number }>): void {
  cachedStatement(db, 'UPDATE outbox SET dead_at = @at, dead_outcome = @outcome, dead_reason = @reason, last_error = @message, attempts = @attempts WHERE id = @id').run({ ...dead, id });
}

export type DeadJobRow = Readonly<{ id: string; kind: string; outcome: DeadOutcome; reason: string; message: string; attempts: number; deadAt: string; dossierCode: string | null }>;

/** The dossier code comes out of the snapshot; nothing else of it (the rest is personal data). */
export function listDeadJobs(db: CounterDatabase, limit: number): DeadJobRow[] {
  return cachedStatement(db,
    `SELECT id, kind, coalesce(dead_outcome, 'rejected') AS outcome, coalesce(dead_reason, 'unknown') AS reason,
            coalesce(last_error, '') AS message, attempts, dead_at AS deadAt,
            CASE WHEN json_valid(payload) THEN json_extract(payload, '$.code') END AS dossierCode
     FROM outbox WHERE dead_at IS NOT NULL ORDER BY dead_at DESC, rowid DESC LIMIT ?`,
  ).all(limit) as DeadJobRow[];
}

/** Back to waiting, due now, with a fresh backoff; a newer waiting snapshot will supersede it. */
export function retryDeadJobs(db: CounterDatabase, ids: readonly string[], now: string): number {
  const statement = cachedStatement(db,
    `UPDATE outbox SET dead_at = NULL, dead_outcome = NULL, dead_reason = NULL, attempts = 0, next_attempt_at = ?
     WHERE id = ? AND dead_at IS NOT NULL`,
  );
  return db.transaction(() => ids.reduce((count, id) => count + statement.run(now, id).changes, 0))();
}

/** Whether any job of this aggregate is still in the outbox (waiting or dead): the server may not have it. */
export function hasOutboxJob(db: CounterDatabase, aggregateId: string): boolean {
  return cachedStatement(db, 'SELECT 1 FROM outbox WHERE aggregate_id = ? LIMIT 1').get(aggregateId) !== undefined;
}

/** A person asked to sync now: waiting jobs are due at once (their attempt counts stay). */
export function makeAllDue(db: CounterDatabase, now: string): void {
  cachedStatement(db, 'UPDATE outbox SET next_attempt_at = ? WHERE dead_at IS NULL AND julianday(next_attempt_at) > julianday(?)').run(now, now);
}
