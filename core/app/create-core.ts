import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract/events.ts';
import type { StorageState } from '../../shared/contract/system.ts';
import { createFetchHttpClient } from '../adapters/fetch-http-client.ts';
import { silentLogger } from '../adapters/json-logger.ts';
import { citizenHandlers } from '../features/citizen/handlers.ts';
import { paymentsHandlers } from '../features/payments/handlers.ts';
import { calendarHandlers } from '../features/calendar/handlers.ts';
import { createCalendarService } from '../features/calendar/service.ts';
import { counterHandlers } from '../features/counter/handlers.ts';
import { createSettingsService } from '../features/settings/service.ts';
import { settingsHandlers } from '../features/settings/handlers.ts';
import { createSyncService } from '../features/sync/service.ts';
import { syncHandlers } from '../features/sync/handlers.ts';
import { catalogueHandlers } from '../features/catalogue/handlers.ts';
import { auditHandlers } from '../features/audit/handlers.ts';
import { printingHandlers } from '../features/printing/handlers.ts';
import { createPrintingService, type PrintingService } from '../features/printing/service.ts';
import { auditTimeline } from '../features/audit/repo.ts';
import { dossierHandlers } from '../features/dossiers/handlers.ts';
import { createDossierService, type DossierService } from '../features/dossiers/service.ts';
import { createCatalogueService, locateShippedCatalogue, type CatalogueService } from '../features/catalogue/service.ts';
import { systemHandlers } from '../features/system/handlers.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { HttpClient } from '../ports/http-client.ts';
import type { Logger } from '../ports/logger.ts';
import type { SettingsStore } from '../ports/settings-store.ts';
import { createDispatcher, type Dispatch, type Handlers } from '../rpc/dispatch.ts';
import { createEventBus, type Unsubscribe } from '../rpc/event-bus.ts';
import { CoreError } from '../rpc/core-error.ts';
import { openStorage, type Storage } from './storage.ts';

export type HostKind = 'electron' | 'node' | 'cli';

export type CoreOptions = Readonly<{
  appVersion: string;
  /** The data folder: Electron's userData, or `--data DIR`. */
  dataDir: string;
  /** One SQLite file per counter profile; `default` unless the PC serves several counters. */
  profile?: string;
  host: HostKind;
  settings: SettingsStore;
  clock?: Clock;
  http?: HttpClient;
  logger?: Logger;
  watchIntervalMs?: number;
  probeIntervalMs?: number;
  probeTimeoutMs?: number;
  /** The shipped yearly holiday schedules (resources/calendar); found beside the code by default, null for none. */
  calendarDir?: string | null;
  /** The shipped procedure catalogue (resources/catalogue); found beside the code by default, null for none. */
  catalogueDir?: string | null;
  /** How often committed pages move from the WAL into the database file, in the background. */
  checkpointIntervalMs?: number;
  /** Sync: the worker's periodic wake, outbox batch size, and the backoff's jitter source (tests fix it). */
  syncIntervalMs?: number;
  syncBatchSize?: number;
  /** How long one request to the central server may take before it counts as failed (and is retried). */
  syncRequestTimeoutMs?: number;
  random?: () => number;
}>;

export interface Core {
  readonly dispatch: Dispatch;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
  storageState(): StorageState;
  /** For features and tests that write in-process; the outbox watcher picks up other processes' writes. */
  readonly storage: Storage;
  /** The procedure catalogue, for features that need a procedure's version in force (dossier intake). */
  readonly catalogue: CatalogueService;
  /** Forms, renderers and the print queue (tests drive `printing.queue.runDue()` directly). */
  readonly printing: PrintingService;
  /** Begins background work (watching the outbox, probing the server, WAL checkpoints). `desk call` never starts it. */
  start(): void;
  stop(): void;
}

const PROFILE_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function databaseFileFor(dataDir: string, profile: string): string {
  if (!PROFILE_PATTERN.test(profile)) {
    throw new CoreError('invalid-input', `Profile names are 1–40 lower-case letters, digits or dashes: ${profile.slice(0, 50)}`);
  }
  return path.join(dataDir, 'profiles', `${profile}.sqlite`);
}

export function createCore(options: CoreOptions): Core {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const profile = options.profile ?? 'default';
  const dataDir = path.resolve(options.dataDir);
  const bus = createEventBus(logger);
  const storage = openStorage(databaseFileFor(dataDir, profile), logger);
  const settings = createSettingsService(options.settings, bus, logger);
  // The dossier service is made below; sync reaches it only through this late-bound status applier.
  let applyServerStatus: DossierService['applyServerStatus'] = () => {
    throw new CoreError('db-unavailable', 'dossiers are not ready yet');
  };
  const sync = createSyncService({
    storage,
    bus,
    clock,
    logger,
    settings,
    http: options.http ?? createFetchHttpClient(),
    applyStatus: (change) => applyServerStatus({ dossierId: change.dossierId, status: change.status, at: change.at, by: change.by, note: change.note, cursor: change.cursor }),
    ...(options.random ? { random: options.random } : {}),
    ...(options.syncIntervalMs === undefined ? {} : { syncIntervalMs: options.syncIntervalMs }),
    ...(options.syncBatchSize === undefined ? {} : { batchSize: options.syncBatchSize }),
    ...(options.syncRequestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.syncRequestTimeoutMs }),
    watchIntervalMs: options.watchIntervalMs ?? 500,
    probeIntervalMs: options.probeIntervalMs ?? 15_000,
    probeTimeoutMs: options.probeTimeoutMs ?? 5_000,
  });
  // A new server address is checked at once, not at the next probe.
  bus.subscribe('settings.changed', () => void sync.checkConnection());
  const catalogue = createCatalogueService({ storage, clock, logger, shippedDir: options.catalogueDir === undefined ? locateShippedCatalogue() : options.catalogueDir });
  // At every start, `desk call` too: cheap when the file already holds the shipped revision.
  catalogue.loadShipped();

  // Working days, holidays and due dates: shipped schedules, plus DATA/calendar (next years' schedules, hours.json).
  const calendar = createCalendarService({ resourcesDir: options.calendarDir, localDir: path.join(dataDir, 'calendar'), logger });

  // Printing reads dossiers, and dossiers queue slips inside their transactions: the lookup is bound below.
  let dossierLookup: DossierService['get'] = () => {
    throw new CoreError('db-unavailable', 'dossiers are not ready yet');
  };
  const printing = createPrintingService({
    storage,
    clock,
    logger,
    dataDir,
    sources: {
      dossier: (id) => dossierLookup(id),
      serverUrl: () => settings.get().serverUrl,
      fees: (code, date) => catalogue.findProcedure(code, date)?.version.fees ?? [],
      lastDetails: (id, actions) => auditTimeline(storage.db(), 'dossier', id).filter((entry) => actions.includes(entry.action)).at(-1)?.details ?? null,
    },
  });

  const dossiers = createDossierService({
    storage,
    clock,
    settings,
    dueDates: calendar,
    procedures: catalogue,
    // Until clerks sign in (UI issue), the audit names the counter profile.
    actor: () => `counter:${profile}`,
    afterCommit: () => {
      sync.afterCommit();
      printing.queue.wake();
    },
    withinChange: (db, dossier, action) => printing.queueForChange(db, dossier, action),
  });
  dossierLookup = (id) => dossiers.get(id);
  applyServerStatus = (change) => dossiers.applyServerStatus(change);

  let checkpointTimer: NodeJS.Timeout | undefined;

  const handlers: Handlers = {
    ...systemHandlers({ appVersion: options.appVersion, dataDir, profile, host: options.host, storage, settings, sync }),
    ...counterHandlers(profile, settings, () => sync.counterId()),
    ...settingsHandlers(settings),
    ...calendarHandlers(calendar),
    ...citizenHandlers(clock),
    ...paymentsHandlers(),
    ...syncHandlers(sync),
    ...catalogueHandlers(catalogue),
    ...dossierHandlers(dossiers, calendar, clock),
    ...auditHandlers(storage),
    ...printingHandlers(clock, printing, dataDir),
  };

  return {
    dispatch: createDispatcher(handlers, logger),
    subscribe: (event, listener) => bus.subscribe(event, listener),
    storageState: () => storage.state(),
    storage,
    catalogue,
    printing,
    start() {
      sync.start();
      printing.queue.start();
      checkpointTimer ??= setInterval(() => {
        try {
          storage.checkpoint();
        } catch (error) {
          logger.warn('background checkpoint failed', { error: error instanceof Error ? error.message : String(error) });
        }
      }, options.checkpointIntervalMs ?? 2_000).unref();
    },
    stop() {
      sync.stop();
      printing.queue.stop();
      if (checkpointTimer) clearInterval(checkpointTimer);
      checkpointTimer = undefined;
      storage.close();
    },
  };
}
