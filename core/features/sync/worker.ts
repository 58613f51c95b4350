import type { Storage } from '../../app/storage.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../ports/logger.ts';
import { uploadAudit, type AuditFeed } from './audit-upload.ts';
import type { CentralClient, CentralFailure } from './central-client.ts';
import { topUpCodeBlocks } from './code-blocks.ts';
import { makeAllDue, nextDueAt } from './outbox-queue.ts';
import { pullStatusChanges, type StatusApplier } from './pull.ts';
import { pullReferenceData, type ReferenceAppliers } from './pull-reference.ts';
import { pushDue, type StepResult, type SyncStepContext } from './push.ts';
import { makeAuditDue, recordSyncedAt } from './sync-state-repo.ts';

/** commit: a dossier was saved (push only); timer: periodic (push, audit, pull, code blocks); now: a person asked. */
export type WakeReason = 'commit' | 'timer' | 'now';

export type SyncWorkerOptions = Readonly<{
  storage: Storage;
  clock: Clock;
  random: () => number;
  logger: Logger;
  client: CentralClient;
  /** Enrolled and with a server address: otherwise there is nothing to do. */
  ready: () => boolean;
  agencyCode: () => string | null;
  applyStatus: StatusApplier;
  /** Clerks, catalogue, calendars, templates: pulled on the timer and sync.now, with their versions. */
  reference?: ReferenceAppliers;
  /** Scans of dossiers the server has: uploaded after the push and audit, on every wake (upload-scans.ts). */
  scans?: Readonly<{ upload: (context: SyncStepContext) => Promise<StepResult>; makeDue: () => void }>;
  /** The audit chain to upload (the audit feature's, through a port). */
  audit: AuditFeed;
  report: (failure: CentralFailure | null) => void;
  paused: () => boolean;
  setPaused: (paused: boolean) => void;
  batchSize: number;
  auditBatchSize: number;
  intervalMs: number;
}>;

export interface SyncWorker {
  /** Resolves when a drain that started after this call has finished. Never rejects. */
  wake(reason: WakeReason): Promise<void>;
  /** Runs `work` between drains: none is running while it runs, and a wake meanwhile waits for it. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  start(): void;
  stop(): void;
}

/**
 * The loop: one drain at a time; a wake during a drain queues exactly one more. Woken by commits, by a
 * timer (the periodic interval, or sooner when a backed-off job falls due), and by sync.now. Never throws:
 * a failure is logged (codes and counts only, never dossier contents) and the next wake tries again.
 */
export function createSyncWorker(options: SyncWorkerOptions): SyncWorker {
  const { storage, clock, logger } = options;
  // started: timers run (createCore().start()); closed: stop() was called and nothing may touch storage.
  let started = false;
  let closed = false;
  let current: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let queuedReason: WakeReason = 'commit';
  let timer: NodeJS.Timeout | undefined;

  const context: SyncStepContext = {
    db: () => storage.db(),
    client: options.client,
    clock,
    random: options.random,
    logger,
    report: (failure) => {
      failedThisStep ||= failure !== null;
      options.report(failure);
    },
    stopped: () => closed,
  };
  // Whether the step that just ran met a failing server (as opposed to jobs merely not yet due).
  let failedThisStep = false;

  async function steps(reason: WakeReason): Promise<StepResult[]> {
    if (reason === 'now') {
      options.setPaused(false);
      makeAllDue(storage.db(), clock.now().toISOString());
      makeAuditDue(storage.db());
      options.scans?.makeDue();
    }
    if (options.paused()) return ['paused'];
    failedThisStep = false;
    const results: StepResult[] = [await pushDue(context, options.batchSize)];
    // The server is failing right now: the other steps would fail the same way (and would hide the
    // push's problem from the clerk by reporting success); wait for the next wake.
    if (results[0] === 'paused' || failedThisStep) return results;
    // But jobs that are merely backing off must not hold the audit log back (found by the chaos run: under
    // steady faults the audit never left). The audit upload has its own backoff.
    results.push(await uploadAudit(context, options.auditBatchSize, options.audit));
    // Scans likewise: their own backoff, held back only by a failing server (the chaos run found scans
    // waiting behind an audit upload that was backing off).
    if (results.includes('paused') || failedThisStep) return results;
    if (options.scans) results.push(await options.scans.upload(context));
    if (reason === 'commit' || results.some((result) => result !== 'done')) return results;
    results.push(await pullStatusChanges(context, options.applyStatus));
    if (results.includes('paused')) return results;
    if (options.reference) results.push(await pullReferenceData(context, options.reference));
    if (results.includes('paused')) return results;
    results.push(await topUpCodeBlocks(context, options.agencyCode()));
    return results;
  }

  async function drain(reason: WakeReason): Promise<void> {
    if (closed || (!started && reason !== 'now')) return;
    try {
      if (!options.ready()) return;
      const results = await steps(reason);
      if (results.includes('paused')) options.setPaused(true);
      else if (results.every((result) => result === 'done') && !closed) recordSyncedAt(storage.db(), clock.now().toISOString());
    } catch (error) {
      logger.error('sync drain failed', { error: error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : 'unknown' });
    } finally {
      schedule();
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!started || closed) return;
    let delay = options.intervalMs;
    try {
      const due = nextDueAt(storage.db());
      if (due !== null && !options.paused()) delay = Math.min(delay, Math.max(due - clock.now().getTime(), 0) + 10);
    } catch {
      // storage unavailable: the periodic timer still runs
    }
    timer = setTimeout(() => void wake('timer'), delay).unref();
  }

  function wake(reason: WakeReason): Promise<void> {
    if (!current) {
      current = drain(reason).finally(() => {
        current = null;
      });
      return current;
    }
    // 'now' outranks 'timer' outranks 'commit' for the one queued drain.
    if (reason === 'now' || (reason === 'timer' && queuedReason === 'commit')) queuedReason = reason;
    queued ??= current.then(() => {
      queued = null;
      const next = queuedReason;
      queuedReason = 'commit';
      return wake(next);
    });
    return queued;
  }

  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    // A drain queued behind the one awaited may start first: look again after each.
    while (current) await current;
    const run = work();
    const settled: Promise<void> = run.then(
      () => {
        if (current === settled) current = null;
      },
      () => {
        if (current === settled) current = null;
      },
    );
    current = settled;
    return run;
  }

  return {
    wake,
    exclusive,
    start() {
      if (started || closed) return;
      started = true;
      void wake('timer');
    },
    stop() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
