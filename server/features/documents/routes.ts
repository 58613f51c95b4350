import { CENTRAL_PATHS, DocumentSearchRequestSchema } from '../../../shared/contract/central-api.ts';
import type { AppContext } from '../../app/context.ts';
import { readJson } from '../../http/body.ts';
import { json } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { spend, withCounter } from '../counters/guard.ts';
import { documentsOfApplicant } from './repo.ts';

/**
 * `POST documents/search { idNumber }`: a counter asks which of its own agency's dossiers for this citizen have
 * scans the server holds, to reuse them instead of scanning the paper again. Personal data: the ID number comes
 * in the body (the URL is what proxies and logs keep), the answer is scoped by the credential's agency, names
 * no file, and each counter may search only a few times a minute (a clerk looks one applicant up at a time).
 */
export function documentRoutes(app: AppContext): Route[] {
  return [
    {
      method: 'POST',
      path: CENTRAL_PATHS.documentSearch,
      handle: withCounter(app, async (ctx, counter) => {
        spend(app.limiters.documentSearch, counter.counterId);
        const { idNumber } = await readJson(ctx.req, app.limits.jsonBodyBytes, DocumentSearchRequestSchema);
        return json(200, { documents: await documentsOfApplicant(app.sql, counter.agencyId, idNumber) });
      }),
    },
  ];
}
