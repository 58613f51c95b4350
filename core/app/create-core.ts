import path from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract/events.ts';
import type { StorageState } from '../../shared/contract/system.ts';
import { createNodeHttpClient } from '../adapters/node-http-client.ts';
import { silentLogger } from '../adapters/json-logger.ts';
import { citizenHandlers } from '../features/citizen/handlers.ts';
import { paymentsHandlers } from '../features/payments/handlers.ts';
import { calendarHandlers } from '../features/calendar/handlers.ts';
import { createReloadableCalendar } from '../features/calendar/reloadable.ts';
import { counterHandlers } from '../features/counter/handlers.ts';
import { createSettingsService } from '../features/settings/service.ts';
import { settingsHandlers } from '../features/settings/handlers.ts';
import { createSyncService } from '../features/sync/service.ts';
import { syncHandlers } from '../features/sync/handlers.ts';
import { catalogueHandlers } from '../features/catalogue/handlers.ts';
import { auditHandlers } from '../features/audit/handlers.ts';
import { printingHandlers } from '../features/printing/handlers.ts';
import { createPrintingService, type PrintingService } from '../features/printing/service.ts';
import { auditEntriesAfter, auditTimeline, lastAuditSeq } from '../features/audit/repo.ts';
import { dossierHandlers } from '../features/dossiers/handlers.ts';
import { createDossierService, type DossierService } from '../features/dossiers/service.ts';
import { createCatalogueService, locateShippedCatalogue, type CatalogueService } from '../features/catalogue/service.ts';
import { systemHandlers } from '../features/system/handlers.ts';
import { documentsHandlers } from '../features/documents/handlers.ts';
import { createDocumentsService, type DocumentsService } from '../features/documents/service.ts';
import { clearScratch } from '../features/documents/store.ts';
import { defaultScannerBackends } from '../features/scanning/backends/default-backends.ts';
import { scanningHandlers } from '../features/scanning/handlers.ts';
import { createScanningService, type ScanningService } from '../features/scanning/service.ts';
import type { ScannerBackend } from '../ports/scanner.ts';
import { createReceiptService, receiptHandlers, type ReceiptService } from '../features/receipts/handlers.ts';
import type { Receipt, SignerConfig } from '../../shared/contract/receipts.ts';
import type { Signer } from '../ports/signer.ts';
import { authHandlers } from '../features/auth/handlers.ts';
import { reportsHandlers } from '../features/reports/handlers.ts';
import { createReportsService } from '../features/reports/service.ts';
import { printerFactory } from '../features/printing/deliver.ts';
import { createAuthService } from '../features/auth/service.ts';
import { referenceAppliers } from './reference-appliers.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { HttpClient } from '../ports/http-client.ts';
import type { Logger } from '../ports/logger.ts';
import type { SettingsStore } from '../ports/settings-store.ts';
import { createDispatcher, type Dispatch, type Handlers } from '../rpc/dispatch.ts';
import { createEventBus, type Unsubscribe } from '../rpc/event-bus.ts';
import { CoreError } from '../rpc/core-error.ts';
import { openStorage, type Storage } from './storage.ts';
import { PLAIN_SECRETS, type SecretBox } from '../ports/secret-box.ts';

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
  /** Seals the credential and signing secrets in the data file: the OS keychain in Electron; kept as written otherwise. */
  secrets?: SecretBox;
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
  /** Waits between enrolment tries after a lost answer (default 0.5 s, 2 s). */
  enrolRetryDelaysMs?: readonly number[];
  random?: () => number;
  /** Receipts: builds the signer from its settings (PKCS#12 file or PKCS#11 token by default); tests wrap it. */
  receiptSigner?: (config: SignerConfig) => Signer;
  /** Scanner access; by default SANE/eSCL (or WIA/NAPS2/eSCL on Windows). Tests pass SANE with a private config. */
  scannerBackends?: (documents: DocumentsService) => readonly ScannerBackend[];
  /** Scan upload chunk size (≤ 8 MiB); tests make it small. */
  scanChunkBytes?: number;
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
  /** Fees, payments, receipts (tests drive `receipts.issuePending()` for the server provider directly). */
  readonly receipts: ReceiptService;
  /** Scan sessions (tests and the bench wait on `scanning.finished(id)`). */
  readonly scanning: ScanningService;
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
  const auth = createAuthService({ storage, clock, bus, settings, logger });
  // The dossier service is made below; documents (attaching a scan is a dossier change), sync (status
  // changes from the server) and printing (slips read dossiers) reach it through this late-bound getter.
  let dossierService: DossierService | null = null;
  const boundDossiers = (): DossierService => {
    if (!dossierService) throw new CoreError('db-unavailable', 'dossiers are not ready yet');
    return dossierService;
  };
  // The signed-in clerk; the counter profile in setup mode (no clerk accounts yet).
  const actor = () => auth.actor() ?? `counter:${profile}`;
  const secrets = options.secrets ?? PLAIN_SECRETS;
  // Reuse across counters reaches the central server through sync's client (made below), once enrolled.
  const documents = createDocumentsService({ storage, clock, logger, dataDir, dossiers: boundDossiers, central: () => (sync.counterId() === null ? null : sync.client) });
  const scanning = createScanningService({ backends: (options.scannerBackends ?? defaultScannerBackends)(documents), documents, bus, logger, dataDir });
  const sync = createSyncService({
    secrets,
    audit: { entriesAfter: (seq, limit) => auditEntriesAfter(storage.db(), seq, limit), lastSeq: () => lastAuditSeq(storage.db()) },
    scans: documents,
    ...(options.scanChunkBytes === undefined ? {} : { scanChunkBytes: options.scanChunkBytes }),
    storage,
    bus,
    clock,
    logger,
    settings,
    http: options.http ?? createNodeHttpClient(),
    // Clerk accounts, catalogue, calendars, form values: applied by their features (made below, hence getters).
    reference: referenceAppliers({ auth, catalogue: () => catalogue, calendar: () => calendar, printing: () => printing, dataDir }),
    applyStatus: (change) => boundDossiers().applyServerStatus(change),
    ...(options.random ? { random: options.random } : {}),
    ...(options.syncIntervalMs === undefined ? {} : { syncIntervalMs: options.syncIntervalMs }),
    ...(options.syncBatchSize === undefined ? {} : { batchSize: options.syncBatchSize }),
    ...(options.syncRequestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.syncRequestTimeoutMs }),
    ...(options.enrolRetryDelaysMs === undefined ? {} : { enrolRetryDelaysMs: options.enrolRetryDelaysMs }),
    watchIntervalMs: options.watchIntervalMs ?? 500,
    probeIntervalMs: options.probeIntervalMs ?? 15_000,
    probeTimeoutMs: options.probeTimeoutMs ?? 5_000,
  });
  // A new server address is checked at once, not at the next probe.
  bus.subscribe('settings.changed', () => void sync.checkConnection());
  const catalogue = createCatalogueService({ storage, clock, logger, shippedDir: options.catalogueDir === undefined ? locateShippedCatalogue() : options.catalogueDir });
  // At every start, `desk call` too: cheap when the file already holds the shipped revision.
  catalogue.loadShipped();
  const fees = (procedureCode: string, date: string) => catalogue.findProcedure(procedureCode, date)?.version.fees ?? [];

  // Working days, holidays and due dates: shipped schedules, plus DATA/calendar (next years' schedules, hours.json).
  const calendar = createReloadableCalendar({ resourcesDir: options.calendarDir, localDir: path.join(dataDir, 'calendar'), logger });

  // The fee receipt prints the receipt's own record; receipts are built after printing (they read form values).
  let receiptLookup: (id: string) => Receipt = () => {
    throw new CoreError('db-unavailable', 'receipts are not ready yet');
  };
  let receiptCollector: (receipt: Receipt) => string | null = () => null;
  const printing = createPrintingService({
    storage,
    clock,
    logger,
    dataDir,
    appVersion: options.appVersion,
    sources: {
      dossier: (id) => boundDossiers().get(id),
      serverUrl: () => settings.get().serverUrl,
      fees,
      lastDetails: (id, actions) => auditTimeline(storage.db(), 'dossier', id).filter((entry) => actions.includes(entry.action)).at(-1)?.details ?? null,
      receipt: (id) => receiptLookup(id),
      collector: (receipt) => receiptCollector(receipt),
      lateDays: (id) => boundDossiers().lateness(id).workingDaysLate,
    },
  });

  const dossiers = createDossierService({
    storage,
    clock,
    settings,
    dueDates: calendar,
    procedures: catalogue,
    actor,
    afterCommit: () => {
      sync.afterCommit();
      printing.queue.wake();
    },
    withinChange: (db, dossier, action) => printing.queueForChange(db, dossier, action),
  });
  dossierService = dossiers;

  // Fees, payments and receipts (docs/RECEIPTS.md); the `server` provider reaches the server through sync's client.
  const receipts = createReceiptService({
    secrets,
    storage,
    clock,
    logger,
    dossier: (id) => dossiers.get(id),
    fees,
    formValues: () => printing.formValues(),
    agencyCode: () => settings.get().counter.agencyCode,
    actor,
    actorName: (recorded) => auth.nameOf(recorded),
    afterCommit: () => sync.afterCommit(),
    central: sync.client,
    ...(options.receiptSigner ? { signerFor: options.receiptSigner } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  receiptLookup = (id) => receipts.core.receipt(id);
  receiptCollector = (receipt) => receipts.core.collectorOf(receipt);

  // The day's register and receipts close (docs/REPORTS.md): read through the dossiers and receipts services.
  const reports = createReportsService({
    clock,
    dataDir,
    appVersion: options.appVersion,
    registerOf: (date) => dossiers.registerOf(date),
    refusedAt: (id) =>
      auditTimeline(storage.db(), 'dossier', id)
        .filter((entry) => entry.action === 'dossier.refuse' || (entry.action === 'dossier.statusFromServer' && entry.details.status === 'refused'))
        .at(-1)?.at ?? null,
    receiptsOf: (date) => receipts.dailyReport(date),
    formValues: () => printing.formValues(),
    templates: () => printing.templates(),
    printers: () => printing.printers(),
    printer: (id) => printing.printer(id),
    printerFor: printerFactory(dataDir),
  });

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
    ...auditHandlers(storage, (recorded) => auth.nameOf(recorded)),
    ...printingHandlers(clock, printing, dataDir),
    ...scanningHandlers(scanning),
    ...documentsHandlers(documents),
    ...receiptHandlers(receipts, printing),
    ...reportsHandlers(reports),
    ...authHandlers(auth),
  };

  return {
    dispatch: createDispatcher(handlers, logger, (method) => auth.authorize(method)),
    subscribe: (event, listener) => bus.subscribe(event, listener),
    storageState: () => storage.state(),
    storage,
    catalogue,
    printing,
    receipts,
    scanning,
    start() {
      // A scan interrupted by a crash left only scratch files, never a document. Here, not in createCore:
      // `desk call` (which never starts) must not pull the running app's scan from under it.
      clearScratch(dataDir);
      sync.start();
      auth.start();
      printing.queue.start();
      receipts.start();
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
      auth.stop();
      printing.queue.stop();
      scanning.stop();
      receipts.stop();
      if (checkpointTimer) clearInterval(checkpointTimer);
      checkpointTimer = undefined;
      storage.close();
    },
  };
}
