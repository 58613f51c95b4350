import type { DeadLetter } from '../../../shared/contract/sync.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import { listDeadJobs, retryDeadJobs } from './outbox-queue.ts';
import { countOutbox } from './outbox-repo.ts';
import { readSyncState, recordAuditProblem } from './sync-state-repo.ts';

/** The audit chain's problem appears in the list under this id; retrying it resumes the audit upload. */
export const AUDIT_PROBLEM_ID = 'audit-chain';

function auditProblem(db: CounterDatabase): DeadLetter | null {
  const state = readSyncState(db);
  if (!state.auditProblem) return null;
  return {
    id: AUDIT_PROBLEM_ID,
    kind: 'audit.entries',
    outcome: 'mismatch',
    dossierCode: null,
    reasonCode: state.auditProblem.code,
    message: state.auditProblem.message,
    attempts: 0,
    deadSince: state.auditProblem.at,
  };
}

export function countDeadLetters(db: CounterDatabase, deadJobs: number): number {
  return deadJobs + (readSyncState(db).auditProblem ? 1 : 0);
}

export function listDeadLetters(db: CounterDatabase, limit: number): { items: DeadLetter[]; total: number } {
  const audit = auditProblem(db);
  const jobs = listDeadJobs(db, limit).map(
    (row): DeadLetter => ({ id: row.id, kind: row.kind, outcome: row.outcome, dossierCode: row.dossierCode, reasonCode: row.reason, message: row.message, attempts: row.attempts, deadSince: row.deadAt }),
  );
  return { items: [...(audit ? [audit] : []), ...jobs].slice(0, limit), total: countDeadLetters(db, countOutbox(db).deadLetters) };
}

/** Dead jobs go back to waiting; the audit problem is cleared so the upload tries again from its cursor. */
export function retryDeadLetters(db: CounterDatabase, ids: readonly string[], now: string): number {
  let retried = retryDeadJobs(db, ids.filter((id) => id !== AUDIT_PROBLEM_ID), now);
  if (ids.includes(AUDIT_PROBLEM_ID) && readSyncState(db).auditProblem) {
    recordAuditProblem(db, null);
    retried += 1;
  }
  return retried;
}
