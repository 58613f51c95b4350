import { CENTRAL_PATHS } from '../../../shared/contract/central-api.ts';
import type { AppContext } from '../../app/context.ts';
import { ApiError } from '../../http/errors.ts';
import { json, type Reply, type RequestContext } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { listClerks } from '../clerks/repo.ts';
import { withCounter } from '../counters/guard.ts';
import { contentVersion, listReferenceDocuments, type ReferenceKind } from './repo.ts';

/** True when the client's If-None-Match names this ETag (or `*`); weak and strong forms compare equal. */
function notModified(ctx: RequestContext, etag: string): boolean {
  const header = ctx.req.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim().replace(/^W\//, '');
    return trimmed === '*' || trimmed === etag;
  });
}

/** 304 without a body when the counter already holds `version`, else the document with its ETag. */
function versioned(ctx: RequestContext, version: string, body: unknown): Reply {
  const etag = `"${version}"`;
  // Private: each agency's clerk list differs, and the credential decides what a counter sees.
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
  if (notModified(ctx, etag)) return { status: 304, headers };
  return json(200, body, headers);
}

export function referenceRoutes(app: AppContext): Route[] {
  const single = (path: string, kind: ReferenceKind): Route => ({
    method: 'GET',
    path,
    handle: withCounter(app, async (ctx) => {
      const [document] = await listReferenceDocuments(app.sql, kind);
      if (!document) throw new ApiError(404, 'not-found', { message: `The server holds no ${kind} yet` });
      return versioned(ctx, document.version, { version: document.version, body: document.body });
    }),
  });
  return [
    single(CENTRAL_PATHS.catalogue, 'catalogue'),
    single(CENTRAL_PATHS.formTemplates, 'form-templates'),
    {
      method: 'GET',
      path: CENTRAL_PATHS.calendars,
      handle: withCounter(app, async (ctx) => {
        const documents = await listReferenceDocuments(app.sql, 'calendar');
        const version = contentVersion(documents.map((document) => [document.key, document.version]));
        return versioned(ctx, version, { version, years: documents.map((document) => ({ year: Number(document.key), body: document.body })) });
      }),
    },
    {
      method: 'GET',
      path: CENTRAL_PATHS.clerks,
      handle: withCounter(app, async (ctx, counter) => {
        const clerks = (await listClerks(app.sql, counter.agencyId)).map((row) => ({
          id: row.id,
          username: row.username,
          displayName: row.display_name,
          passwordHash: row.password_hash,
          roles: row.roles,
          disabled: row.disabled,
          updatedAt: row.updated_at.toISOString(),
        }));
        const version = contentVersion(clerks);
        return versioned(ctx, version, { version, clerks });
      }),
    },
  ];
}
