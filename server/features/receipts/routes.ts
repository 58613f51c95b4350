import { CENTRAL_PATHS, ReceiptIssueRequestSchema } from '../../../shared/contract/central-api.ts';
import type { AppContext } from '../../app/context.ts';
import { readJson } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { json } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { withCounter } from '../counters/guard.ts';
import { findReceipt } from './repo.ts';
import { issueForCounter } from './service.ts';
import { loadOrCreateSigningKey, type ServerSigningKey } from './signing.ts';

/** POST receipts: issue (201, or 200 with the receipt already issued for this id); GET receipts/{id}: look up. */
export function receiptRoutes(app: AppContext): Route[] {
  let key: ServerSigningKey | null = null;
  const signingKey = () => (key ??= loadOrCreateSigningKey(app.dataDir, 'Mot Cua Desk reference server'));
  return [
    {
      method: 'POST',
      path: CENTRAL_PATHS.receipts,
      handle: withCounter(app, async (ctx, counter) => {
        const request = await readJson(ctx.req, app.limits.jsonBodyBytes, ReceiptIssueRequestSchema);
        const { receipt, created } = await app.sql.transaction((tx) => issueForCounter(tx, counter, request, app.now(), signingKey()));
        return json(created ? 201 : 200, receipt);
      }),
    },
    {
      method: 'GET',
      path: `${CENTRAL_PATHS.receipts}/{id}`,
      handle: withCounter(app, async (ctx, counter) => {
        const id = ctx.params['id'] ?? '';
        const found = /^[0-9a-f-]{36}$/i.test(id) ? await findReceipt(app.sql, id) : null;
        // Another agency's receipt answers as if it did not exist: ids are not to be probed.
        if (!found || found.agencyId !== counter.agencyId) throw new ApiError(404, 'not-found', { message: 'No such receipt' });
        return json(200, found.receipt);
      }),
    },
  ];
}
