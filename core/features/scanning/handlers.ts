import type { Handlers } from '../../rpc/dispatch.ts';
import type { ScanningService } from './service.ts';

export function scanningHandlers(scanning: ScanningService) {
  return {
    'scanners.list': () => scanning.list(),
    'scanners.test': ({ scannerId }) => scanning.test(scannerId),
    'scanning.start': (input) => scanning.start(input),
    'scanning.cancel': ({ sessionId }) => scanning.cancel(sessionId),
    'scanning.session': ({ sessionId }) => scanning.session(sessionId),
  } satisfies Partial<Handlers>;
}
