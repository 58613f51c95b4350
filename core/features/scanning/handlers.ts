import type { Handlers } from '../../rpc/dispatch.ts';
import { ScannerError } from '../../ports/scanner.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { inspectCertificate } from './backends/escl-http.ts';
import type { ScanningService } from './service.ts';

export function scanningHandlers(scanning: ScanningService) {
  return {
    'scanners.list': () => scanning.list(),
    'scanners.test': ({ scannerId }) => scanning.test(scannerId),
    'scanners.inspectCertificate': ({ url }) =>
      inspectCertificate(url).catch((error: unknown) => {
        throw error instanceof ScannerError && error.code !== 'cancelled' ? new CoreError(error.code, error.message) : error;
      }),
    'scanning.start': (input) => scanning.start(input),
    'scanning.cancel': ({ sessionId }) => scanning.cancel(sessionId),
    'scanning.session': ({ sessionId }) => scanning.session(sessionId),
  } satisfies Partial<Handlers>;
}
