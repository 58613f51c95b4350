import { CENTRAL_PATHS } from '../../../shared/contract/central-api.ts';
import type { ConnectionState, SyncProblem } from '../../../shared/contract/sync.ts';
import type { Clock } from '../../ports/clock.ts';
import { HttpNetworkError, type HttpClient } from '../../ports/http-client.ts';
import { clockSkewSeconds } from './central-client.ts';

export type Connectivity = Readonly<{ state: ConnectionState; problem: SyncProblem | null; checkedAt: string | null; lastError: string | null }>;

/**
 * Whether the central server answers, judged from a real request to it (never from the OS's network
 * flag, which says "connected" behind a dead proxy or a captive portal).
 */
export async function probeServer(http: HttpClient, clock: Clock, serverUrl: string | null, timeoutMs: number, onClockSkew?: (skewSeconds: number) => void): Promise<Connectivity> {
  if (serverUrl === null) return { state: 'not-configured', problem: null, checkedAt: null, lastError: null };
  const checkedAt = clock.now().toISOString();
  try {
    const sentAt = clock.now().getTime();
    const response = await http.request({ method: 'GET', url: new URL(CENTRAL_PATHS.health, serverUrl).toString(), timeoutMs });
    // The Date header is on every answer, errors included (1 s resolution is plenty for a minutes check).
    const serverMs = Date.parse(response.headers.date ?? '');
    if (onClockSkew && !Number.isNaN(serverMs)) onClockSkew(clockSkewSeconds(serverMs, sentAt, clock.now().getTime()));
    if (response.status >= 200 && response.status < 300) return { state: 'online', problem: null, checkedAt, lastError: null };
    if (response.status === 401 || response.status === 403) {
      return { state: 'paused', problem: 'credential-refused', checkedAt, lastError: `The server refused this counter's credential (HTTP ${response.status})` };
    }
    return { state: 'offline', problem: 'server-error', checkedAt, lastError: `The server answered HTTP ${response.status}` };
  } catch (error) {
    const reason = error instanceof HttpNetworkError ? error.message : 'request failed';
    return { state: 'offline', problem: 'server-unreachable', checkedAt, lastError: `No connection to the server: ${reason}` };
  }
}
