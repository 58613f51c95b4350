import { CENTRAL_PATHS, EnrolRequestSchema } from '../../../shared/contract/central-api.ts';
import type { AppContext } from '../../app/context.ts';
import { readJson } from '../../http/body.ts';
import { json } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { rateLimitedError, withCounter } from './guard.ts';
import { enrol, rotateCredential } from './service.ts';

export function counterRoutes(app: AppContext): Route[] {
  return [
    {
      method: 'POST',
      path: CENTRAL_PATHS.enrol,
      handle: async (ctx) => {
        const taken = app.limiters.enrol.take(ctx.clientIp);
        if (!taken.ok) throw rateLimitedError(taken.retryAfterSeconds);
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
