import { z } from 'zod';
import { BackofficeStatusRequestSchema, CENTRAL_PATHS } from '../../../shared/contract/central-api.ts';
import { DOSSIER_STATUSES, TRANSITIONS, type DossierStatus } from '../../../shared/domain/dossiers/status.ts';
import type { AppContext } from '../../app/context.ts';
import { readJson, zodIssues } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { json } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { lockAgency } from '../agencies/repo.ts';
import { withBackoffice } from '../backoffice/keys.ts';
import { withCounter } from '../counters/guard.ts';
import { findDossier, setDossierStatus } from '../dossiers/repo.ts';
import { appendStatusChange, listStatusChanges } from './repo.ts';

const CursorQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** A back-office change must follow the same table the counter follows (status.ts), by some action. */
function reachable(from: DossierStatus, to: DossierStatus): boolean {
  return Object.values(TRANSITIONS[from]).includes(to);
}

export function statusChangeRoutes(app: AppContext): Route[] {
  return [
    {
      method: 'GET',
      path: CENTRAL_PATHS.statusChanges,
      handle: withCounter(app, async (ctx, counter) => {
        const query = CursorQuerySchema.safeParse(Object.fromEntries(ctx.url.searchParams));
        if (!query.success) throw new ApiError(400, 'invalid-input', { details: { issues: zodIssues(query.error) } });
        const changes = await listStatusChanges(app.sql, counter.agencyId, query.data.after, query.data.limit);
        return json(200, { changes, nextCursor: changes.at(-1)?.cursor ?? query.data.after });
      }),
    },
    {
      method: 'POST',
      path: CENTRAL_PATHS.backofficeStatus,
      handle: withBackoffice(app, async (ctx, key) => {
        const input = await readJson(ctx.req, app.limits.jsonBodyBytes, BackofficeStatusRequestSchema);
        const dossierId = ctx.params.id ?? '';
        if (!z.uuid().safeParse(dossierId).success) throw new ApiError(404, 'not-found', { message: 'No such dossier' });
        const change = await app.sql.transaction(async (tx) => {
          const found = await findDossier(tx, dossierId);
          // A key scoped to one agency sees other agencies' dossiers as absent, not forbidden.
          if (!found || (key.agencyId !== null && key.agencyId !== found.agency_id)) throw new ApiError(404, 'not-found', { message: 'No such dossier' });
          await lockAgency(tx, found.agency_id);
          const dossier = (await findDossier(tx, dossierId))!;
          const from = dossier.status as DossierStatus;
          if (from === input.status) return null;
          if (!reachable(from, input.status)) {
            throw new ApiError(422, 'invalid-input', { message: `A dossier cannot go from ${from} to ${input.status}`, details: { from, to: input.status } });
          }
          await setDossierStatus(tx, dossierId, input.status, DOSSIER_STATUSES[input.status].nationalCode);
          return appendStatusChange(tx, { agencyId: dossier.agency_id, dossierId, code: dossier.code, status: input.status, at: app.now(), by: input.by, note: input.note ?? null });
        });
        return json(change ? 201 : 200, { change });
      }),
    },
  ];
}
