import { CENTRAL_PATHS, CodeBlockSchema } from '../../../shared/contract/central-api.ts';
import { receiptDay } from '../../../shared/domain/dossiers/dossier-code.ts';
import { toVietnamIso, vietnamDate } from '../../../shared/domain/time/vietnam-time.ts';
import { addReservedBlock, remainingReserved } from '../dossiers/code-allocator.ts';
import type { StepResult, SyncStepContext } from './push.ts';

/**
 * Keeps numbers in hand for offline hours (docs/DOSSIER-CODES.md): when fewer than `threshold` reserved
 * numbers remain for today, reserve a block; after the cut-off hour (Vietnamese time) also for tomorrow,
 * so a counter that starts the morning offline still holds a block.
 */
export const CODE_BLOCKS = { threshold: 10, blockSize: 20, tomorrowAfterHour: 15 } as const;

function daysToTopUp(now: Date): Date[] {
  const hour = Number(toVietnamIso(now).slice(11, 13));
  const days = [now];
  if (hour >= CODE_BLOCKS.tomorrowAfterHour) days.push(new Date(now.getTime() + 24 * 3600_000));
  return days;
}

export async function topUpCodeBlocks(ctx: SyncStepContext, agencyCode: string | null): Promise<StepResult> {
  if (agencyCode === null) return 'done';
  for (const instant of daysToTopUp(ctx.clock.now())) {
    const day = receiptDay(instant);
    if (remainingReserved(ctx.db(), agencyCode, day) >= CODE_BLOCKS.threshold) continue;
    const answer = await ctx.client.call({ method: 'POST', path: CENTRAL_PATHS.codeBlocks, body: { day, count: CODE_BLOCKS.blockSize } }, CodeBlockSchema);
    if (ctx.stopped()) return 'done';
    if (!answer.ok) {
      ctx.report(answer.failure);
      if (answer.failure.kind === 'refused') return 'paused';
      // code-space-exhausted and the like: the slot still works offline; try again at the next timer.
      if (answer.failure.kind === 'client-error') ctx.logger.warn('code block refused', { code: answer.failure.code, day: vietnamDate(instant) });
      return 'retry-later';
    }
    ctx.report(null);
    const block = answer.value;
    if (block.agencyCode !== agencyCode || block.day !== day || block.first > block.last) {
      ctx.logger.warn('code block ignored: not the one asked for', { day });
      continue;
    }
    addReservedBlock(ctx.db(), block);
  }
  return 'done';
}
