import type { CounterDatabase } from '../../db/open-database.ts';
import { cachedStatement } from '../../db/statements.ts';

export type NewOutboxJob = Readonly<{
  id: string;
  kind: string;
  /** Jobs with the same aggregate (a dossier) are sent in order; different aggregates are independent. */
  aggregateId: string;
  payload: unknown;
  createdAt: string;
}>;

/** Call inside the transaction that makes the change the job carries; the two commit or roll back together. */
export function insertOutboxJob(db: CounterDatabase, job: NewOutboxJob): void {
  cachedStatement(
    db,
    `INSERT INTO outbox (id, created_at, kind, aggregate_id, payload, next_attempt_at)
     VALUES (@id, @createdAt, @kind, @aggregateId, @payload, @createdAt)`,
  ).run({ ...job, payload: JSON.stringify(job.payload) });
}

export type OutboxCounts = Readonly<{ pending: number; deadLetters: number }>;

export function countOutbox(db: CounterDatabase): OutboxCounts {
  const row = cachedStatement(
    db,
    `SELECT count(*) FILTER (WHERE dead_at IS NULL) AS pending,
            count(*) FILTER (WHERE dead_at IS NOT NULL) AS deadLetters
     FROM outbox`,
  ).get() as { pending: number; deadLetters: number };
  return { pending: row.pending, deadLetters: row.deadLetters };
}

/** Changes when another connection (another process: `desk call`, a second window) commits to the file. */
export function readDataVersion(db: CounterDatabase): number {
  return db.pragma('data_version', { simple: true }) as number;
}
