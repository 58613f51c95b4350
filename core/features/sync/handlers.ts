import type { Handlers } from '../../rpc/dispatch.ts';
import type { SyncService } from './service.ts';

export function syncHandlers(sync: SyncService) {
  return {
    'sync.status': () => sync.status(),
    'sync.enroll': (input) => sync.enroll(input),
    'sync.now': () => sync.syncNow(),
    'sync.deadLetters': ({ limit }) => sync.deadLetters(limit),
    'sync.retry': ({ ids }) => ({ retried: sync.retry(ids) }),
    'sync.rotateCredential': () => sync.rotateCredential(),
  } satisfies Partial<Handlers>;
}
