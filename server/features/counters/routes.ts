import { CENTRAL_PATHS, EnrolRequestSchema } from '../../../shared/contract/central-api.ts';
import type { AppContext } from '../../app/context.ts';
import { readJson } from '../../http/body.ts';
import { json } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { spend, withCounter } from './guard.ts';
import { enrol, rotateCredential } from './service.ts';

export function counterRoutes(app: AppContext): Route[] {
  return [
    {
      method: 'POST',
      path: CENTRAL_PATHS.enrol,
      handle: async (ctx) => {
        spend(app.limiters.enrol, ctx.clientIp);
        const input = await readJson(ctx.req, app.limits.jsonBodyBytes, EnrolRequestSchema);
        return json(201, await enrol(app, input.code, input.deviceName, input.clientNonce));
      },
    },
    {
      method: 'POST',
      path: CENTRAL_PATHS.rotateCredential,
      handle: withCounter(app, async (_ctx, counter) => json(200, await rotateCredential(app, counter))),
    },
  ];
}
