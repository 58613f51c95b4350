import { CENTRAL_PATHS, PushItemSchema, PushResponseSchema, RECEIPT_PUSH_KINDS, ReceiptPushItemSchema, type PushItem, type ReceiptPushItem } from '../../../shared/contract/central-api.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../ports/logger.ts';
import { backoffDelayMs } from './backoff.ts';
import type { CentralClient, CentralFailure } from './central-client.ts';
import { coalesceSnapshots, completeJob, dueJobs, markDead, scheduleRetry, SNAPSHOT_KIND, type DueJob } from './outbox-queue.ts';

export type StepResult = 'done' | 'retry-later' | 'paused';

export type SyncStepContext = Readonly<{
  db: () => CounterDatabase;
  client: CentralClient;
  clock: Clock;
  random: () => number;
  logger: Logger;
  /** Every answer (or its absence) updates what the clerk sees: online, offline, paused. */
  report: (failure: CentralFailure | null) => void;
  stopped: () => boolean;
}>;

/** Whole requests the server refuses as malformed: the items are split up to find the bad one. */
const WHOLE_REQUEST_REJECTIONS = new Set([400, 413, 422]);

type Rejection = Readonly<{ code: string; message: string }>;
type BatchResult = StepResult | Rejection;

function toItems(ctx: SyncStepContext, jobs: readonly DueJob[]): { items: Array<PushItem | ReceiptPushItem>; sendable: DueJob[] } {
  const items: Array<PushItem | ReceiptPushItem> = [];
  const sendable: DueJob[] = [];
  const now = ctx.clock.now().toISOString();
  for (const job of jobs) {
    let parsed: ReturnType<typeof PushItemSchema.safeParse> | ReturnType<typeof ReceiptPushItemSchema.safeParse> | undefined;
    try {
      const payload = JSON.parse(job.payload) as unknown;
      // Receipts (docs/RECEIPTS.md) travel in the same batches as dossiers, each with its own outcome.
      parsed = RECEIPT_PUSH_KINDS.includes(job.kind)
        ? ReceiptPushItemSchema.safeParse({ jobId: job.id, kind: job.kind, receipt: payload })
        : PushItemSchema.safeParse({ jobId: job.id, kind: job.kind, dossier: payload });
    } catch {
      parsed = undefined;
    }
    if ((job.kind !== SNAPSHOT_KIND && !RECEIPT_PUSH_KINDS.includes(job.kind)) || !parsed?.success) {
      // A job that cannot be sent as it is would fail forever: it goes to dead letters now, visibly.
      markDead(ctx.db(), job.id, { outcome: 'rejected', reason: 'invalid-payload', message: `The stored ${job.kind.slice(0, 40)} job does not match the sync contract`, at: now, attempts: job.attempts });
      ctx.logger.warn('outbox job does not match the contract', { jobId: job.id, kind: job.kind });
      continue;
    }
    items.push(parsed.data);
    sendable.push(job);
  }
  return { items, sendable };
}

function scheduleBatchRetry(ctx: SyncStepContext, jobs: readonly DueJob[], failure: Extract<CentralFailure, { kind: 'retry' }>): void {
  const db = ctx.db();
  const now = ctx.clock.now().getTime();
  db.transaction(() => {
    for (const job of jobs) {
      const attempts = job.attempts + 1;
      const next = new Date(now + backoffDelayMs(attempts, ctx.random, failure.retryAfterMs)).toISOString();
      scheduleRetry(db, job.id, attempts, next, failure.message);
    }
  })();
}

async function sendBatch(ctx: SyncStepContext, jobs: readonly DueJob[]): Promise<BatchResult> {
  const { items, sendable } = toItems(ctx, jobs);
  if (items.length === 0) return 'done';
  const answer = await ctx.client.call({ method: 'POST', path: CENTRAL_PATHS.push, body: { items } }, PushResponseSchema);
  if (ctx.stopped()) return 'done';
  if (!answer.ok) {
    const { failure } = answer;
    ctx.report(failure);
    if (failure.kind === 'refused') return 'paused';
    if (failure.kind === 'client-error' && WHOLE_REQUEST_REJECTIONS.has(failure.status)) return { code: failure.code, message: failure.message };
    // Any other answer (network, 5xx, 429, or a 4xx that means a misconfigured server) loses nothing: later.
    const retry = failure.kind === 'retry' ? failure : { kind: 'retry' as const, problem: 'server-error' as const, message: `The server answered HTTP ${failure.status} (${failure.code})`, retryAfterMs: null };
    scheduleBatchRetry(ctx, sendable, retry);
    return 'retry-later';
  }
  ctx.report(null);
  const db = ctx.db();
  const at = ctx.clock.now().toISOString();
  const byId = new Map(sendable.map((job) => [job.id, job]));
  const missing: DueJob[] = [];
  db.transaction(() => {
    for (const result of answer.value.results) {
      const job = byId.get(result.jobId);
      if (!job) continue;
      byId.delete(result.jobId);
      switch (result.outcome) {
        case 'applied':
        case 'unchanged':
          completeJob(db, job);
          break;
        case 'conflict':
        case 'rejected': {
          const reason = result.code ?? (result.outcome === 'conflict' ? 'conflict' : 'invalid-input');
          markDead(db, job.id, { outcome: result.outcome, reason, message: (result.message ?? reason).slice(0, 500), at, attempts: job.attempts + 1 });
          ctx.logger.warn(`push item ${result.outcome}`, { jobId: job.id, code: reason });
          break;
        }
      }
    }
    missing.push(...byId.values());
  })();
  if (missing.length > 0) scheduleBatchRetry(ctx, missing, { kind: 'retry', problem: 'server-error', message: 'The server did not answer for this item', retryAfterMs: null });
  return 'done';
}

/**
 * Sends every due job, newest snapshot per dossier, in batches. A whole batch refused as malformed is sent
 * again one job at a time, so only the poisoned job reaches the dead letters and the rest flow. Stops at
 * the first retryable failure (the server is down: the next wake tries again) or a refused credential.
 */
export async function pushDue(ctx: SyncStepContext, batchSize: number): Promise<StepResult> {
  for (;;) {
    if (ctx.stopped()) return 'done';
    const db = ctx.db();
    coalesceSnapshots(db);
    const jobs = dueJobs(db, ctx.clock.now().toISOString(), batchSize);
    if (jobs.length === 0) return 'done';
    const result = await sendBatch(ctx, jobs);
    if (typeof result === 'object') {
      for (const job of jobs) {
        if (ctx.stopped()) return 'done';
        const single = jobs.length === 1 ? result : await sendBatch(ctx, [job]);
        if (typeof single === 'object') {
          const at = ctx.clock.now().toISOString();
          markDead(ctx.db(), job.id, { outcome: 'rejected', reason: single.code, message: single.message.slice(0, 500), at, attempts: job.attempts + 1 });
          ctx.logger.warn('push item rejected', { jobId: job.id, code: single.code });
        } else if (single !== 'done') return single;
      }
      continue;
    }
    if (result !== 'done') return result;
  }
}
