import { CoreError } from '../rpc/core-error.ts';

const LOOPBACK_NAMES = new Map([
  ['127.0.0.1', '127.0.0.1'],
  ['localhost', '127.0.0.1'],
  ['::1', '::1'],
  ['[::1]', '::1'],
]);

/**
 * The Node host serves personal data with no sign-in of its own, so it listens on the loopback
 * interface only; any other address is refused, whatever the flag says.
 */
export function loopbackAddress(requested: string): string {
  const address = LOOPBACK_NAMES.get(requested.trim().toLowerCase());
  if (!address) {
    throw new CoreError('non-loopback-bind', `Refusing to listen on ${requested.slice(0, 100)}: only 127.0.0.1, localhost or ::1 are allowed`);
  }
  return address;
}

/**
 * The Host header must name this loopback server: a page from another site that re-points its own DNS
 * name at 127.0.0.1 (DNS rebinding) arrives with its own name here and is refused.
 */
export function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  return allowed.includes(hostHeader.toLowerCase());
}

/** Browsers send Origin on POST and WebSocket; tools (curl, the CLI, tests in Node) send none. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`].includes(origin.toLowerCase());
}
