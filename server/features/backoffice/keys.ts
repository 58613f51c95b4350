import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../app/context.ts';
import type { SqlExecutor } from '../../db/sql.ts';
import { unauthorizedError } from '../../http/errors.ts';
import type { Reply, RequestContext } from '../../http/reply.ts';
import { withPrincipal } from '../counters/guard.ts';
import { bearerToken, sha256Hex } from '../counters/secrets.ts';

/** A back-office system (the province's processing software) acting for one agency, or for all when null. */
export type BackofficePrincipal = Readonly<{ keyId: string; name: string; agencyId: string | null }>;

export async function createBackofficeKey(db: SqlExecutor, name: string, agencyId: string | null): Promise<{ id: string; key: string }> {
  const id = randomUUID();
  // The prefix tells a leaked key's kind at a glance (log scanners, secret scanners).
  const key = `mcbo_${randomBytes(32).toString('base64url')}`;
  await db.query('INSERT INTO backoffice_keys (id, name, key_hash, agency_id) VALUES ($1, $2, $3, $4)', [id, name, sha256Hex(key), agencyId]);
  return { id, key };
}

async function authenticateBackoffice(db: SqlExecutor, authorization: string | undefined): Promise<BackofficePrincipal> {
  const token = bearerToken(authorization);
  if (!token) throw unauthorizedError();
  const rows = await db.query<{ id: string; name: string; agency_id: string | null }>('SELECT id, name, agency_id FROM backoffice_keys WHERE key_hash = $1 AND revoked_at IS NULL', [
    sha256Hex(token),
  ]);
  const row = rows[0];
  if (!row) throw unauthorizedError();
  return { keyId: row.id, name: row.name, agencyId: row.agency_id };
}

export function withBackoffice(app: AppContext, handler: (ctx: RequestContext, key: BackofficePrincipal) => Promise<Reply>): (ctx: RequestContext) => Promise<Reply> {
  return withPrincipal(app, (authorization) => authenticateBackoffice(app.sql, authorization), (key) => `backoffice:${key.keyId}`, handler);
}
