import { AuditUploadRequestSchema, CENTRAL_PATHS } from '../../../shared/contract/central-api.ts';
import type { AppContext } from '../../app/context.ts';
import { readJson } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { json } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { withCounter } from '../counters/guard.ts';
import { appendToChain } from './chain.ts';

export function auditRoutes(app: AppContext): Route[] {
  return [
    {
      method: 'POST',
      path: CENTRAL_PATHS.auditEntries,
      handle: withCounter(app, async (ctx, counter) => {
        const { entries } = await readJson(ctx.req, app.limits.batchBodyBytes, AuditUploadRequestSchema);
        // The verified prefix is committed even when a later entry fails, hence a result rather than a throw.
        const outcome = await app.sql.transaction(async (tx) => {
          await tx.query('SELECT id FROM counters WHERE id = $1 FOR UPDATE', [counter.counterId]);
          return appendToChain(tx, counter.counterId, entries);
        });
        if (outcome.ok) return json(200, { acceptedThroughSeq: outcome.acceptedThroughSeq });
        if (outcome.code === 'audit-chain-gap') {
          throw new ApiError(409, 'audit-chain-gap', {
            message: `Entries must continue from seq ${outcome.expectedSeq}`,
            details: { expectedSeq: outcome.expectedSeq, acceptedThroughSeq: outcome.acceptedThroughSeq },
          });
        }
        throw new ApiError(409, 'audit-chain-mismatch', {
          message: `Entry ${outcome.seq} does not verify (${outcome.reason})`,
          details: { seq: outcome.seq, reason: outcome.reason, acceptedThroughSeq: outcome.acceptedThroughSeq },
        });
      }),
    },
  ];
}
