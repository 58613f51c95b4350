import { CENTRAL_PATHS } from '../../../shared/contract/central-api.ts';
import type { AppContext } from '../../app/context.ts';
import { readJson } from '../../http/body.ts';
import { json } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { withCounter } from '../counters/guard.ts';
import { PushEnvelopeSchema, pushBatch } from './push.ts';

export function dossierRoutes(app: AppContext): Route[] {
  return [
    {
      method: 'POST',
      path: CENTRAL_PATHS.push,
      handle: withCounter(app, async (ctx, counter) => {
        const { items } = await readJson(ctx.req, app.limits.batchBodyBytes, PushEnvelopeSchema);
        const results = await app.sql.transaction((tx) => pushBatch(tx, counter, items));
        return json(200, { results, serverTime: app.now().toISOString() });
      }),
    },
  ];
}
