import { randomUUID } from 'node:crypto';
import { CENTRAL_PATHS, CodeBlockRequestSchema } from '../../../shared/contract/central-api.ts';
import { DEFAULT_OFFLINE_PARTITION, receiptDay } from '../../../shared/domain/dossiers/dossier-code.ts';
import type { AppContext } from '../../app/context.ts';
import type { SqlExecutor } from '../../db/sql.ts';
import { readJson } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { json } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { lockAgency } from '../agencies/repo.ts';
import { withCounter } from '../counters/guard.ts';
import type { CounterPrincipal } from '../counters/service.ts';

/** Blocks come from 1 … firstSequence−1; the offline slots own firstSequence and above (DOSSIER-CODES.md). */
const LAST_RESERVABLE = DEFAULT_OFFLINE_PARTITION.firstSequence - 1;
/** How far ahead a counter may reserve (a long holiday plus margin), and one day back for clock skew. */
const DAYS_AHEAD = 31;
const DAY_MS = 86_400_000;

function allowedDays(now: Date): Set<string> {
  const days = new Set<string>();
  for (let offset = -1; offset <= DAYS_AHEAD; offset += 1) days.add(receiptDay(new Date(now.getTime() + offset * DAY_MS)));
  return days;
}

/**
 * Hands out the next `count` numbers after the highest block already reserved for the agency's day, under
 * the agency's lock: blocks are disjoint however many counters ask at once. When fewer than `count` are
 * left, the block is shorter (its `first`/`last` say so); when none are left, `code-space-exhausted`.
 */
async function reserve(tx: SqlExecutor, counter: CounterPrincipal, day: string, count: number, now: Date) {
  await lockAgency(tx, counter.agencyId);
  const rows = await tx.query<{ top: number | null }>('SELECT max(last_seq) AS top FROM code_blocks WHERE agency_id = $1 AND day = $2', [counter.agencyId, day]);
  const first = Number(rows[0]?.top ?? 0) + 1;
  if (first > LAST_RESERVABLE) throw new ApiError(409, 'code-space-exhausted', { message: `No reservable numbers left for ${day}`, details: { day } });
  const last = Math.min(first + count - 1, LAST_RESERVABLE);
  await tx.query('INSERT INTO code_blocks (id, agency_id, counter_id, day, first_seq, last_seq, reserved_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    randomUUID(),
    counter.agencyId,
    counter.counterId,
    day,
    first,
    last,
    now,
  ]);
  return { agencyCode: counter.agencyCode, day, first, last, reservedAt: now.toISOString() };
}

export function codeBlockRoutes(app: AppContext): Route[] {
  return [
    {
      method: 'POST',
      path: CENTRAL_PATHS.codeBlocks,
      handle: withCounter(app, async (ctx, counter) => {
        const input = await readJson(ctx.req, app.limits.jsonBodyBytes, CodeBlockRequestSchema);
        const now = app.now();
        if (!allowedDays(now).has(input.day)) {
          throw new ApiError(400, 'invalid-input', { message: `day ${input.day} must be between yesterday and ${DAYS_AHEAD} days ahead (Vietnam time)` });
        }
        return json(201, await app.sql.transaction((tx) => reserve(tx, counter, input.day, input.count, now)));
      }),
    },
  ];
}
