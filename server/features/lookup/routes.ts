import { timingSafeEqual } from 'node:crypto';
import { CENTRAL_PATHS, LookupQuerySchema } from '../../../shared/contract/central-api.ts';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../../../shared/domain/dossiers/status.ts';
import { shortDate } from '../../../shared/domain/forms/format.ts';
import type { AppContext } from '../../app/context.ts';
import type { Reply } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { maskName } from './mask.ts';
import { renderLookupPage, type LookupResult, type PageState } from './page.ts';
import { receiptLookupRoutes } from './receipt-routes.ts';

type Candidate = { status: string; snapshot: Dossier; agency_name: string };

const page = (status: number, state: PageState, headers: Record<string, string> = {}): Reply => ({ status, html: renderLookupPage(state), headers });

function samePin(given: string, stored: unknown): boolean {
  if (typeof stored !== 'string' || stored.length !== given.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(stored));
}

function describe(candidate: Candidate): LookupResult {
  const { snapshot } = candidate;
  const status = DOSSIER_STATUSES[candidate.status as DossierStatus]?.vi ?? candidate.status;
  // Only where, never the postal address: the page shows no personal data beyond the masked name.
  const collectAt = snapshot.resultDelivery.method === 'post' ? 'Gửi qua dịch vụ bưu chính công ích' : `Tại ${candidate.agency_name}`;
  return { code: snapshot.code, procedureName: snapshot.procedure.name, applicant: maskName(snapshot.applicant.fullName), status, dueDate: shortDate(snapshot.dueAt), collectAt };
}

/**
 * The citizen look-up page. A wrong code and a wrong PIN give the same answer, so the page never tells
 * which codes exist; look-ups (not form views) are limited per client IP. Errors are HTML pages here,
 * not the API's JSON envelope, since a person reads them.
 */
export function lookupRoutes(app: AppContext): Route[] {
  return [
    {
      method: 'GET',
      path: CENTRAL_PATHS.lookupPage,
      handle: async (ctx) => {
        try {
          const params = ctx.url.searchParams;
          if (!params.has('ma') && !params.has('pin')) return page(200, { kind: 'form' });
          const ma = (params.get('ma') ?? '').slice(0, 40);
          const taken = app.limiters.lookup.take(ctx.clientIp);
          if (!taken.ok) return page(429, { kind: 'rate-limited', retryAfterSeconds: taken.retryAfterSeconds }, { 'Retry-After': String(taken.retryAfterSeconds) });
          const query = LookupQuerySchema.safeParse({ ma: params.get('ma') ?? '', pin: params.get('pin') ?? '' });
          if (!query.success) return page(400, { kind: 'invalid', ma });
          const code = query.data.ma.toUpperCase();
          const candidates = await app.sql.query<Candidate>(
            'SELECT d.status, d.snapshot, a.name AS agency_name FROM dossiers d JOIN agencies a ON a.id = d.agency_id WHERE d.code = $1',
            [code],
          );
          const match = candidates.find((candidate) => samePin(query.data.pin, candidate.snapshot.lookupPin));
          if (!match) return page(404, { kind: 'not-found', ma });
          return page(200, { kind: 'found', ma, result: describe(match) });
        } catch (error) {
          app.log(`lookup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          return page(500, { kind: 'error' });
        }
      },
    },
    ...receiptLookupRoutes(app),
  ];
}
