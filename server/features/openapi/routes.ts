import { CENTRAL_PATHS } from '../../../shared/contract/central-api.ts';
import type { AppContext } from '../../app/context.ts';
import { json } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { withAnonymousLimit } from '../counters/guard.ts';
import { openApiDocument } from './document.ts';

export function publicRoutes(app: AppContext): Route[] {
  let document: object | null = null;
  return [
    {
      method: 'GET',
      path: CENTRAL_PATHS.health,
      handle: withAnonymousLimit(app, () => Promise.resolve(json(200, { ok: true, serverTime: app.now().toISOString(), apiVersion: 1 }))),
    },
    {
      method: 'GET',
      path: CENTRAL_PATHS.openapi,
      handle: withAnonymousLimit(app, () => {
        document ??= openApiDocument();
        return Promise.resolve(json(200, document, { 'Cache-Control': 'public, max-age=300' }));
      }),
    },
  ];
}
