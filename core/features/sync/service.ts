import { randomInt, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CENTRAL_PATHS, RotateCredentialResponseSchema, type EnrolResponse } from '../../../shared/contract/central-api.ts';
import { CLOCK_SKEW_WARNING_SECONDS, type DeadLetter, type SyncStatus } from '../../../shared/contract/sync.ts';
import type { Storage } from '../../app/storage.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { EventBus } from '../../rpc/event-bus.ts';
import type { Clock } from '../../ports/clock.ts';
import type { HttpClient } from '../../ports/http-client.ts';
import type { Logger } from '../../ports/logger.ts';
import type { SettingsService } from '../settings/service.ts';
import { createCentralClient, type CentralClient, type CentralFailure } from './central-client.ts';
import { probeServer, type Connectivity } from './connectivity.ts';
import { countDeadLetters, listDeadLetters, retryDeadLetters } from './dead-letters.ts';
import { enrolmentKey, requestEnrolment, type EnrolRequest } from './enrolment.ts';
import { countOutbox, readDataVersion } from './outbox-repo.ts';
import type { StatusApplier } from './pull.ts';
import type { SyncStepContext } from './push.ts';
import type { ReferenceAppliers } from './pull-reference.ts';
import { readPendingEnrolmentNonce, readSyncState, recordClockSkew, saveCredential, saveEnrolment, savePendingEnrolment } from './sync-state-repo.ts';
import { createSyncWorker, type WakeReason } from './worker.ts';
import { uploadScans, type ScanUploads } from './upload-scans.ts';
import type { AuditFeed } from './audit-upload.ts';
import { isSealed, type SecretBox } from '../../ports/secret-box.ts';

export type SyncServiceOptions = Readonly<{
  storage: Storage;
  bus: EventBus;
  clock: Clock;
  http: HttpClient;
  logger: Logger;
  settings: SettingsService;
  /** Status changes pulled from the server are applied by the dossier feature. */
  applyStatus: StatusApplier;
  /** Reference data (clerks, catalogue, calendars, templates) is applied by the features that own it. */
  reference?: ReferenceAppliers;
  /** The audit chain to upload (audit feature). */
  audit: AuditFeed;
  /** Seals the credential in the data file (the OS keychain in Electron). */
  secrets: SecretBox;
  /** Scanned documents to upload (documents feature); none in cores without scanning. */
  scans?: ScanUploads;
  /** Upload chunk size (≤ 8 MiB); tests make it small to cut uploads mid-file. */
  scanChunkBytes?: number;
  /** The backoff's jitter; tests pass a fixed one. */
  random?: () => number;
  /** How often to look for commits by other processes (PRAGMA data_version; cheap). */
  watchIntervalMs: number;
  probeIntervalMs: number;
  probeTimeoutMs: number;
  requestTimeoutMs?: number;
  /** The worker's periodic wake (pull, code blocks, retries); backed-off jobs may wake it sooner. */
  syncIntervalMs?: number;
  batchSize?: number;
  /** Waits between enrolment tries after a lost answer (enrolment.ts); tests shorten them. */
  enrolRetryDelaysMs?: readonly number[];
}>;

export type Enrolment = Readonly<{ counterId: string; agencyCode: string; agencyName: string; counterName: string; slot: number }>;

export interface SyncService {
  status(): SyncStatus;
  /** Re-read the counts and connection and emit `sync.stateChanged` if anything a clerk sees changed. */
  refresh(): void;
  checkConnection(): Promise<Connectivity>;
  /** After a commit that queued a job: the status refreshes and the worker wakes. */
  afterCommit(): void;
  wake(reason: WakeReason): Promise<void>;
  enroll(request: EnrolRequest): Promise<Enrolment>;
  /** A new credential from the server, used from now on; the old one stops working once the new one is used. */
  rotateCredential(): Promise<{ rotatedAt: string }>;
  /** A drain and pull now (also resumes a paused queue); the status after it. */
  syncNow(): Promise<SyncStatus>;
  deadLetters(limit: number): { items: DeadLetter[]; total: number };
  retry(ids: readonly string[]): number;
  counterId(): string | null;
  /** The authenticated client, for features that talk to the central server themselves (receipts issued there). */
  readonly client: CentralClient;
  start(): void;
  stop(): void;
}

function visibleState(status: SyncStatus): string {
  const { checkedAt: _ignored, clockSkewSeconds, ...rest } = status;
  // The skew moves by fractions of a second on every exchange; clerks see only whether it is too large.
  return JSON.stringify({ ...rest, skewed: clockSkewSeconds !== null && Math.abs(clockSkewSeconds) > CLOCK_SKEW_WARNING_SECONDS });
}

/** A rotation the server did not complete: nothing changed on this counter. */
function rotationFailure(failure: CentralFailure): CoreError {
  switch (failure.kind) {
    case 'retry':
      return new CoreError(failure.problem, failure.message);
    case 'refused':
      return new CoreError('credential-refused', failure.message, { status: failure.status, code: failure.code });
    case 'client-error':
      return new CoreError('server-error', `The server answered HTTP ${failure.status} (${failure.code})`, { status: failure.status, code: failure.code });
  }
}

function credentialFor(counterId: string, credential: string): string {
  // The contract's bearer is `<counterId>.<secret>`; accept a server that returns either form.
  return credential.startsWith(`${counterId}.`) ? credential : `${counterId}.${credential}`;
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { storage, bus, logger, clock, settings } = options;
  const serverUrl = () => settings.get().serverUrl;
  let connectivity: Connectivity = { state: serverUrl() === null ? 'not-configured' : 'offline', problem: null, checkedAt: null, lastError: null };
  // In memory: after a restart one request finds out again whether the credential is still refused.
  let paused: string | null = null;
  let lastEmitted = '';
  let lastDataVersion = -1;
  const timers: NodeJS.Timeout[] = [];
  let probing: Promise<Connectivity> | undefined;

  function credential(): string | null {
    try {
      const stored = readSyncState(storage.db()).credential;
      return stored === null ? null : options.secrets.open(stored);
    } catch (error) {
      // Sealed for another account or PC: nothing can be sent; the clerk sees sync paused, IT re-enrols.
      if (error instanceof CoreError && error.code === 'secret-unavailable' && paused === null) {
        paused = error.message;
        logger.warn('sync paused: the stored credential cannot be opened here', { code: error.code });
      }
      return null; // or storage unavailable: system.info carries that reason
    }
  }

  /** A credential stored before the keychain was there is sealed now, once. */
  function sealStoredCredential(): void {
    try {
      const stored = readSyncState(storage.db()).credential;
      if (stored !== null && options.secrets.sealing && !isSealed(stored)) saveCredential(storage.db(), options.secrets.seal(stored));
    } catch {
      // storage unavailable: the next start tries again
    }
  }

  // The last skew written: every exchange measures one, but a durable write each time cost a disk sync per
  // request (a scan upload's chunks, a batch's pages). Written when it moved by a second or more, or a minute on.
  let recordedSkew: { seconds: number; atMs: number } | null = null;
  function onClockSkew(skewSeconds: number): void {
    const nowMs = clock.now().getTime();
    if (recordedSkew && Math.abs(skewSeconds - recordedSkew.seconds) < 1 && Math.abs(nowMs - recordedSkew.atMs) < 60_000) return;
    try {
      recordClockSkew(storage.db(), skewSeconds, clock.now().toISOString());
      recordedSkew = { seconds: skewSeconds, atMs: nowMs };
    } catch {
      // storage unavailable: the next exchange records it
    }
  }

  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const client = createCentralClient({ http: options.http, clock, timeoutMs, serverUrl, credential, onClockSkew });

  function status(): SyncStatus {
    const db = storage.db();
    const counts = countOutbox(db);
    const state = readSyncState(db);
    const auditPending = Math.max(options.audit.lastSeq() - state.auditAckedSeq, 0);
    let { state: connection, problem, lastError } = connectivity;
    // Not enrolled is shown by counter.get (`enrolled: false`), not as an error: nothing failed.
    if (paused !== null) [connection, problem, lastError] = ['paused', 'credential-refused', paused];
    return {
      state: connection,
      problem,
      pending: counts.pending,
      scansPending: options.scans?.waiting() ?? 0,
      auditPending,
      deadLetters: countDeadLetters(db, counts.deadLetters),
      lastSyncAt: state.lastSyncAt,
      lastError,
      checkedAt: connectivity.checkedAt,
      clockSkewSeconds: state.clockSkewSeconds,
    };
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

  function report(failure: CentralFailure | null): void {
    const checkedAt = clock.now().toISOString();
    if (failure === null) {
      paused = null;
      connectivity = { state: 'online', problem: null, checkedAt, lastError: null };
    } else if (failure.kind === 'refused') {
      if (paused === null) logger.warn('sync paused: credential refused', { code: failure.code });
      paused = failure.message;
    } else if (failure.kind === 'retry') {
      connectivity = { state: 'offline', problem: failure.problem, checkedAt, lastError: failure.message };
    }
    refresh();
  }

  const worker = createSyncWorker({
    storage,
    clock,
    logger,
    client,
    random: options.random ?? (() => randomInt(0, 2 ** 32) / 2 ** 32),
    ready: () => serverUrl() !== null && credential() !== null,
    agencyCode: () => settings.get().counter.agencyCode,
    applyStatus: options.applyStatus,
    audit: options.audit,
    ...(options.reference ? { reference: options.reference } : {}),
    ...(options.scans
      ? {
          scans: {
            upload: (context: SyncStepContext) => uploadScans(context, options.scans!, { http: options.http, serverUrl, credential, timeoutMs: Math.max(timeoutMs, 60_000), ...(options.scanChunkBytes === undefined ? {} : { chunkBytes: options.scanChunkBytes }) }),
            makeDue: () => options.scans!.makeDue(),
          },
        }
      : {}),
    report,
    paused: () => paused !== null,
    setPaused: (value) => {
      if (!value) paused = null;
      refresh();
    },
    batchSize: options.batchSize ?? 100,
    auditBatchSize: 500,
    intervalMs: options.syncIntervalMs ?? 30_000,
  });

  async function checkConnection(): Promise<Connectivity> {
    probing ??= probeServer(options.http, clock, serverUrl(), options.probeTimeoutMs, onClockSkew)
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
        // Another process committed (a `desk call` intake): show it, and send it.
        if (lastDataVersion !== -1) void worker.wake('commit');
        lastDataVersion = version;
        refresh();
      }
    } catch {
      // storage unavailable: nothing to watch
    }
  }

  return {
    client,
    status,
    refresh,
    checkConnection,
    afterCommit() {
      refresh();
      void worker.wake('commit');
    },
    wake: (reason) => worker.wake(reason),
    async enroll(request) {
      // One nonce per attempt sequence of this code: persisted before anything is sent, so a retry after a
      // lost answer (here, or after a restart with the same code) is recognised by the server.
      const key = enrolmentKey(request.serverUrl, request.code);
      const clientNonce = readPendingEnrolmentNonce(storage.db(), key) ?? randomUUID();
      savePendingEnrolment(storage.db(), key, clientNonce);
      let response: EnrolResponse;
      try {
        response = await requestEnrolment(options.http, clock, timeoutMs, { ...request, clientNonce }, onClockSkew, options.enrolRetryDelaysMs);
      } catch (error) {
        // The server refused the code: the nonce can do nothing more (a network failure keeps it).
        if (error instanceof CoreError && error.code === 'enrolment-code-invalid') savePendingEnrolment(storage.db(), null, null);
        throw error;
      }
      saveEnrolment(storage.db(), { serverUrl: request.serverUrl, counterId: response.counterId, credential: options.secrets.seal(credentialFor(response.counterId, response.credential)), at: clock.now().toISOString() });
      paused = null;
      settings.update({
        serverUrl: request.serverUrl,
        counter: { agencyCode: response.agencyCode, slot: response.slot, counterName: response.counterName.slice(0, 100), centreName: response.agencyName.slice(0, 200) },
      });
      logger.info('counter enrolled', { counterId: response.counterId, agencyCode: response.agencyCode, slot: response.slot });
      void worker.wake('now');
      const { counterId, agencyCode, agencyName, counterName, slot } = response;
      return { counterId, agencyCode, agencyName, counterName, slot };
    },
    rotateCredential() {
      // Between drains: a request still carrying the old credential after the server has seen the new one
      // would be refused and pause the queue.
      return worker.exclusive(async () => {
        const state = readSyncState(storage.db());
        if (state.counterId === null || state.credential === null) throw new CoreError('counter-not-enrolled', 'This counter is not enrolled with a central server');
        const answer = await client.call({ method: 'POST', path: CENTRAL_PATHS.rotateCredential, body: {} }, RotateCredentialResponseSchema);
        if (!answer.ok) throw rotationFailure(answer.failure);
        const previous = state.credential;
        saveCredential(storage.db(), options.secrets.seal(credentialFor(state.counterId, answer.value.credential)));
        // Used once at once, so the server forgets the old one now; refused (never expected) → keep the old,
        // which the server still accepts until the new one is first used.
        const check = await client.call({ method: 'GET', path: `${CENTRAL_PATHS.statusChanges}?after=${state.statusCursor}&limit=1` }, z.unknown());
        if (!check.ok && check.failure.kind === 'refused') {
          saveCredential(storage.db(), previous);
          throw rotationFailure(check.failure);
        }
        paused = null;
        refresh();
        logger.info('counter credential rotated', { counterId: state.counterId });
        return { rotatedAt: clock.now().toISOString() };
      });
    },
    async syncNow() {
      await checkConnection();
      await worker.wake('now');
      refresh();
      return status();
    },
    deadLetters: (limit) => listDeadLetters(storage.db(), limit),
    retry(ids) {
      const retried = retryDeadLetters(storage.db(), ids, clock.now().toISOString());
      refresh();
      if (retried > 0) void worker.wake('commit');
      return retried;
    },
    counterId() {
      try {
        return readSyncState(storage.db()).counterId;
      } catch {
        return null; // the data file is unavailable: counter.get still answers from the settings
      }
    },
    start() {
      sealStoredCredential();
      watchOtherWriters();
      void checkConnection();
      worker.start();
      timers.push(setInterval(watchOtherWriters, options.watchIntervalMs).unref());
      timers.push(setInterval(() => void checkConnection(), options.probeIntervalMs).unref());
    },
    stop() {
      worker.stop();
      for (const timer of timers.splice(0)) clearInterval(timer);
    },
  };
}
