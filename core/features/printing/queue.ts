import type { Storage } from '../../app/storage.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../ports/logger.ts';
import { PrinterError } from '../../ports/printer.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { claimJob, finishJob, markInterruptedJobs, nextDueJob, nextWakeAt, type StoredJob } from './repo.ts';

/**
 * The print queue's worker. Jobs are rows written in the transaction of the change that needs them, so a slip
 * is printed only for a committed dossier, and a queued job survives a restart.
 *
 * Never twice by retry: a job is marked 'sending' (committed) before any byte leaves, and 'done' after.
 * - The printer refused, was unreachable, or reported paper out before the job was sent: nothing printed, so
 *   the job goes back to 'queued' with backoff and the error code as its visible reason.
 * - The connection broke or stalled while sending, or the app stopped with the job 'sending' (crash, power
 *   cut): part or all of the slip may be on paper. The job becomes 'uncertain' and is NOT resent by itself:
 *   the clerk looks at the printer and, if needed, reprints (a new job, marked "BẢN IN LẠI").
 */

export type DeliverJob = (job: StoredJob) => Promise<{ templateId: string }>;

/** 2 s, 4 s, 8 s … capped at 2 minutes: a counter printer that was off is usually back within minutes. */
export function retryDelayMs(attempt: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempt - 1), 120_000);
}

export type PrintQueue = Readonly<{
  /** Marks interrupted jobs uncertain, then prints what is due and keeps a timer for the next due job. */
  start(): void;
  stop(): void;
  /** After a commit that queued a job: print soon (only once started). */
  wake(): void;
  /** Prints every job due now, one at a time; resolves when none is left (tests call it directly). */
  runDue(): Promise<void>;
}>;

export function createPrintQueue(deps: Readonly<{ storage: Storage; clock: Clock; logger: Logger; deliver: DeliverJob; onChange?: () => void }>): PrintQueue {
  const { storage, clock, logger } = deps;
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();

  const nowUtc = () => clock.now().toISOString();

  async function attempt(job: StoredJob): Promise<void> {
    const db = storage.db();
    if (!claimJob(db, job.id, nowUtc())) return;
    try {
      const { templateId } = await deps.deliver(job);
      finishJob(db, job.id, { state: 'done', nowUtc: nowUtc(), templateId });
    } catch (error) {
      if (error instanceof PrinterError && !error.mayHavePrinted) {
        const next = new Date(clock.now().getTime() + retryDelayMs(job.attempts + 1)).toISOString();
        finishJob(db, job.id, { state: 'queued', nowUtc: nowUtc(), nextAttemptAt: next, errorCode: error.code, errorMessage: error.message });
      } else if (error instanceof PrinterError) {
        finishJob(db, job.id, { state: 'uncertain', nowUtc: nowUtc(), errorCode: error.code, errorMessage: error.message });
      } else if (error instanceof CoreError) {
        finishJob(db, job.id, { state: 'failed', nowUtc: nowUtc(), errorCode: error.code, errorMessage: error.message });
      } else {
        logger.error('print job failed', { jobId: job.id, error: error instanceof Error ? error.message : String(error) });
        finishJob(db, job.id, { state: 'failed', nowUtc: nowUtc(), errorCode: 'internal', errorMessage: 'internal error while rendering or sending' });
      }
      logger.warn('print job not printed', { jobId: job.id, code: error instanceof PrinterError || error instanceof CoreError ? error.code : 'internal' });
    }
    deps.onChange?.();
  }

  async function drain(): Promise<void> {
    for (let job = nextDueJob(storage.db(), nowUtc()); job !== null; job = nextDueJob(storage.db(), nowUtc())) await attempt(job);
    schedule();
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!started) return;
    const at = nextWakeAt(storage.db());
    if (at === null) return;
    const delay = Math.max(0, Math.min(Date.parse(at) - clock.now().getTime(), 60_000));
    timer = setTimeout(() => void runDue(), delay).unref();
  }

  function runDue(): Promise<void> {
    // One drain at a time: jobs print in order and a job is never claimed by two loops of this process.
    chain = chain.then(drain).catch((error: unknown) => logger.error('print queue stopped', { error: error instanceof Error ? error.message : String(error) }));
    return chain;
  }

  return {
    start() {
      if (started) return;
      let interrupted: number;
      try {
        interrupted = markInterruptedJobs(storage.db(), nowUtc());
      } catch (error) {
        // A damaged or read-only data file: the core keeps running and says why elsewhere; nothing to print.
        logger.warn('print queue not started', { code: error instanceof CoreError ? error.code : 'internal' });
        return;
      }
      started = true;
      if (interrupted > 0) logger.warn('print jobs interrupted mid-send are left for the clerk', { count: interrupted });
      void runDue();
    },
    stop() {
      started = false;
      clearTimeout(timer);
      timer = undefined;
    },
    wake() {
      if (started) void runDue();
    },
    runDue,
  };
}
