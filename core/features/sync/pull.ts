import { CENTRAL_PATHS, StatusChangesResponseSchema, type StatusChange } from '../../../shared/contract/central-api.ts';
import type { StepResult, SyncStepContext } from './push.ts';
import { readSyncState, recordStatusCursor } from './sync-state-repo.ts';

/** Applies one status change to the local dossier (the dossier feature does it, with its audit entry). */
export type StatusApplier = (change: StatusChange) => 'applied' | 'unchanged' | 'unknown';

const PAGE = 200;
const MAX_PAGES_PER_DRAIN = 50;

/**
 * Status changes of this agency's dossiers after the stored cursor, in cursor order. Each page is applied
 * and its cursor recorded in one transaction, so a crash or a repeated answer neither skips nor applies a
 * change twice; changes at or below the cursor are ignored, dossiers this counter does not hold skipped.
 */
export async function pullStatusChanges(ctx: SyncStepContext, apply: StatusApplier): Promise<StepResult> {
  for (let page = 0; page < MAX_PAGES_PER_DRAIN; page += 1) {
    if (ctx.stopped()) return 'done';
    const after = readSyncState(ctx.db()).statusCursor;
    const answer = await ctx.client.call({ method: 'GET', path: `${CENTRAL_PATHS.statusChanges}?after=${after}&limit=${PAGE}` }, StatusChangesResponseSchema);
    if (ctx.stopped()) return 'done';
    if (!answer.ok) {
      ctx.report(answer.failure);
      if (answer.failure.kind === 'refused') return 'paused';
      if (answer.failure.kind === 'client-error') ctx.logger.warn('status changes refused', { code: answer.failure.code });
      return 'retry-later';
    }
    ctx.report(null);
    const { changes, nextCursor } = answer.value;
    const db = ctx.db();
    let applied = 0;
    db.transaction(() => {
      let cursor = readSyncState(db).statusCursor;
      for (const change of [...changes].sort((a, b) => a.cursor - b.cursor)) {
        if (change.cursor <= cursor) continue;
        if (apply(change) === 'applied') applied += 1;
        cursor = change.cursor;
      }
      recordStatusCursor(db, Math.max(cursor, nextCursor));
    })();
    if (applied > 0) ctx.logger.info('status changes applied', { applied, cursor: nextCursor });
    if (changes.length < PAGE) return 'done';
  }
  return 'done';
}
