import type { CoreClientError } from './core-client-error.ts';

/** True when the call never reached the core (host stopped, IPC gone), as opposed to the core refusing it. */
export function isUnreachable(error: CoreClientError): boolean {
  return error.code === 'host-unreachable';
}
