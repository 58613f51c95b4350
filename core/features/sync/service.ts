import type { SyncStatus } from '../../../shared/contract/sync.ts';
import type { Storage } from '../../app/storage.ts';
import type { EventBus } from '../../rpc/event-bus.ts';
import type { Clock } from '../../ports/clock.ts';
import type { HttpClient } from '../../ports/http-client.ts';
import type { Logger } from '../../ports/logger.ts';
import { probeServer, type Connectivity } from './connectivity.ts';
import { countOutbox, readDataVersion } from './outbox-repo.ts';

export type SyncServiceOptions = Readonly<{
  storage: Storage;
  bus: EventBus;
  clock: Clock;
  http: HttpClient;
  logger: Logger;
  serverUrl: () => string | null;
  /** How often to look for commits by other processes (PRAGMA data_version; cheap). */
  watchIntervalMs: number;
  probeIntervalMs: number;
  probeTimeoutMs: number;
}>;

export interface SyncService {
  status(): SyncStatus;
  /** Re-read the counts and connection and emit `sync.stateChanged` if anything a clerk sees changed. */
  refresh(): void;
  checkConnection(): Promise<Connectivity>;
  start(): void;
  stop(): void;
}

function visibleState(status: SyncStatus): string {
  const { checkedAt: _ignored, ...rest } = status;
  return JSON.stringify(rest);
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { storage, bus, logger } = options;
  let connectivity: Connectivity = {
    state: options.serverUrl() === null ? 'not-configured' : 'offline',
    problem: null,
    checkedAt: null,
    lastError: null,
  };
  let lastEmitted = '';
  let lastDataVersion = -1;
  const timers: NodeJS.Timeout[] = [];
  let probing: Promise<Connectivity> | undefined;

  function status(): SyncStatus {
    const counts = countOutbox(storage.db());
    return { ...connectivity, ...counts, lastSyncAt: null };
  }

  function refresh(): void {
    let next: SyncStatus;
    try {
      next = status();
    } catch {
      return; // storage unavailable: system.info carries the reason; nothing to count
    }
    const visible = visibleState(next);
    if (visible === lastEmitted) return;
    lastEmitted = visible;
    bus.emit('sync.stateChanged', next);
  }

  async function checkConnection(): Promise<Connectivity> {
    probing ??= probeServer(options.http, options.clock, options.serverUrl(), options.probeTimeoutMs)
      .then((result) => {
        if (result.state !== connectivity.state) logger.info('connection state changed', { from: connectivity.state, to: result.state });
        connectivity = result;
        refresh();
        return result;
      })
      .finally(() => {
        probing = undefined;
      });
    return probing;
  }

  function watchOtherWriters(): void {
    try {
      const version = readDataVersion(storage.db());
      if (version !== lastDataVersion) {
        lastDataVersion = version;
        refresh();
      }
    } catch {
      // storage unavailable: nothing to watch
    }
  }

  return {
    status,
    refresh,
    checkConnection,
    start() {
      watchOtherWriters();
      void checkConnection();
      timers.push(setInterval(watchOtherWriters, options.watchIntervalMs).unref());
      timers.push(setInterval(() => void checkConnection(), options.probeIntervalMs).unref());
    },
    stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
    },
  };
}
