import { protocol } from 'electron';
import { respondToAppRequest } from './app-response.ts';
import { APP_SCHEME } from './trust.ts';

/**
 * Must run before `app` is ready. `standard` gives the scheme an origin (so `app://desk/` is same-origin
 * with itself and relative URLs resolve), `secure` makes it a secure context like https.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
    },
  ]);
}

/** After ready: serve the built UI (dist/renderer) with the CSP; anything outside it is a 404. */
export function serveAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, rendererRoot));
}
