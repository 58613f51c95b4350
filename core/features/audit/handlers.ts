import type { Storage } from '../../app/storage.ts';
import type { Handlers } from '../../rpc/dispatch.ts';
import { auditTimeline, verifyAudit } from './repo.ts';

export function auditHandlers(storage: Storage) {
  return {
    'audit.verify': () => verifyAudit(storage.db()),
    'audit.timeline': ({ entity, entityId }) => ({ entries: auditTimeline(storage.db(), entity, entityId) }),
  } satisfies Partial<Handlers>;
}
