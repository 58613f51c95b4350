import type { Handlers } from '../../rpc/dispatch.ts';
import type { SyncService } from './service.ts';

export function syncHandlers(sync: SyncService) {
  return {
    'sync.status': () => sync.status(),
  } satisfies Partial<Handlers>;
}
