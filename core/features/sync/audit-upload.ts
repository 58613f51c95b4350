import { AuditUploadResponseSchema, CENTRAL_PATHS, type AuditEntryWire } from '../../../shared/contract/central-api.ts';
import { backoffDelayMs } from './backoff.ts';
import type { StepResult, SyncStepContext } from './push.ts';
import { readSyncState, recordAuditAck, recordAuditProblem, recordAuditRetry } from './sync-state-repo.ts';

/** What the audit feature offers the upload (core/features/audit): its chain in order, as stored and hashed. */
export type AuditFeed = Readonly<{
  entriesAfter(seq: number, limit: number): readonly AuditEntryWire[];
  /** The last entry's seq (0 for an empty log). */
  lastSeq(): number;
}>;

/** A server that keeps asking for a restart point without making progress is a problem, not a loop. */
const MAX_GAP_RESTARTS = 3;

function expectedSeqOf(details: unknown): number | null {
  if (typeof details !== 'object' || details === null) return null;
  const value = (details as { expectedSeq?: unknown }).expectedSeq;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : null;
}

/**
 * Uploads the audit chain after the last seq the server acknowledged, in seq order. The server re-verifies
 * the chain: a gap (it lacks entries before ours) restarts from the seq it names; a mismatch (its copy
 * differs from ours) is recorded as a visible problem and uploads stop until IT acts (`sync.retry`).
 */
export async function uploadAudit(ctx: SyncStepContext, batchSize: number, audit: AuditFeed): Promise<StepResult> {
  let gapRestarts = 0;
  for (;;) {
    if (ctx.stopped()) return 'done';
    const db = ctx.db();
    const state = readSyncState(db);
    const now = ctx.clock.now();
    if (state.auditProblem) return 'done';
    if (state.auditNextAttemptAt !== null && Date.parse(state.auditNextAttemptAt) > now.getTime()) return 'retry-later';
    const entries = audit.entriesAfter(state.auditAckedSeq, batchSize);
    const last = entries.at(-1);
    if (!last) return 'done';
    const answer = await ctx.client.call({ method: 'POST', path: CENTRAL_PATHS.auditEntries, body: { entries } }, AuditUploadResponseSchema);
    if (ctx.stopped()) return 'done';
    if (answer.ok) {
      ctx.report(null);
      const accepted = Math.min(answer.value.acceptedThroughSeq, last.seq);
      if (accepted <= state.auditAckedSeq) {
        recordAuditRetry(db, state.auditAttempts + 1, new Date(now.getTime() + backoffDelayMs(state.auditAttempts + 1, ctx.random)).toISOString());
        return 'retry-later';
      }
      recordAuditAck(db, accepted);
      continue;
    }
    const { failure } = answer;
    ctx.report(failure);
    if (failure.kind === 'refused') return 'paused';
    if (failure.kind === 'retry') {
      const attempts = state.auditAttempts + 1;
      recordAuditRetry(db, attempts, new Date(now.getTime() + backoffDelayMs(attempts, ctx.random, failure.retryAfterMs)).toISOString());
      return 'retry-later';
    }
    const expected = failure.code === 'audit-chain-gap' ? expectedSeqOf(failure.details) : null;
    if (expected !== null && expected - 1 <= audit.lastSeq() && gapRestarts < MAX_GAP_RESTARTS) {
      gapRestarts += 1;
      ctx.logger.info('audit upload restarts where the server asks', { expectedSeq: expected, from: state.auditAckedSeq + 1 });
      recordAuditAck(db, expected - 1);
      continue;
    }
    const message = failure.code === 'audit-chain-mismatch'
      ? "The central server's copy of this counter's audit log differs from the one on this PC"
      : `The server refused the audit entries from seq ${state.auditAckedSeq + 1}: ${failure.message}`.slice(0, 500);
    recordAuditProblem(db, { code: failure.code, message, at: now.toISOString() });
    ctx.logger.error('audit upload stopped', { code: failure.code, fromSeq: state.auditAckedSeq + 1 });
    return 'done';
  }
}
