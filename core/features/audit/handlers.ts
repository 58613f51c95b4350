import type { Storage } from '../../app/storage.ts';
import type { Handlers } from '../../rpc/dispatch.ts';
import { auditTimeline, verifyAudit } from './repo.ts';

/** `actorName`: the display name of a recorded actor (auth.nameOf), looked up as the timeline is read so a
 * renamed clerk shows under the current name; a back-office change carries its person's name in the actor. */
export function auditHandlers(storage: Storage, actorName: (actor: string) => string | null) {
  const nameOf = (actor: string) => (actor.startsWith('central:') ? actor.slice('central:'.length).trim() || null : actorName(actor));
  return {
    'audit.verify': () => verifyAudit(storage.db()),
    'audit.timeline': ({ entity, entityId }) => ({ entries: auditTimeline(storage.db(), entity, entityId).map((entry) => ({ ...entry, actorName: nameOf(entry.actor) })) }),
  } satisfies Partial<Handlers>;
}
