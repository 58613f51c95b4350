import { randomInt } from 'node:crypto';
import type { Dossier, DossierSummary, IntakeInput } from '../../../shared/contract/dossiers.ts';
import { formatLocalDate, parseLocalDate } from '../../../shared/domain/calendar/civil.ts';
import { DEFAULT_OFFLINE_PARTITION, receiptDay, type OfflinePartition } from '../../../shared/domain/dossiers/dossier-code.ts';
import { DOSSIER_STATUSES, nextStatus, REOPEN, type DossierAction, type DossierStatus } from '../../../shared/domain/dossiers/status.ts';
import { foldVietnamese } from '../../../shared/domain/text/fold.ts';
import { startOfVietnamDay, toVietnamIso, vietnamDate } from '../../../shared/domain/time/vietnam-time.ts';
import type { Storage } from '../../app/storage.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import type { Clock } from '../../ports/clock.ts';
import { uuidv7 } from '../../ports/ids.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { appendAudit } from '../audit/repo.ts';
import type { SettingsService } from '../settings/service.ts';
import { insertOutboxJob } from '../sync/outbox-repo.ts';
import { allocateDossierCode } from './code-allocator.ts';
import type { DueDateCalculator, ProcedureLookup } from './ports.ts';
import { dossiersFinishedBetween, dossiersReceivedBetween, findDossier, insertDossier, listDossiers, searchDossiers, setPaperScan, updateDossier, type DossierChange, type ListQuery } from './repo.ts';

export type DossierServiceOptions = Readonly<{
  storage: Storage;
  clock: Clock;
  settings: SettingsService;
  dueDates: DueDateCalculator;
  procedures: ProcedureLookup;
  /** Who acts, for the audit log; the signed-in clerk once sign-in exists. */
  actor: () => string;
  /** Called after every commit that queued an outbox job (the sync status refreshes). */
  afterCommit: () => void;
  /**
   * Runs inside the transaction of every change, after the outbox job: other features' rows that must commit
   * with the change or not at all (the print job of the appointment slip).
   */
  withinChange?: (db: CounterDatabase, dossier: Dossier, action: string) => void;
  partition?: OfflinePartition;
}>;

export type TransitionDetails = Readonly<Record<string, unknown>>;

export interface DossierService {
  intake(input: IntakeInput): Dossier;
  get(id: string): Dossier;
  transition(id: string, action: DossierAction, details: TransitionDetails, expectedVersion?: number): Dossier;
  /**
   * A supervisor re-opens a returned dossier (REOPEN in status.ts): back to result-ready, its return date
   * cleared (kept in the audit entry), with the reason; audit entry and outbox job in one transaction.
   * `invalid-state` from any other status, `conflict` on a stale version. The role is the dispatcher's check.
   */
  reopen(id: string, reason: string, expectedVersion: number): Dossier;
  list(query: ListQuery): DossierSummary[];
  search(query: string, limit: number): DossierSummary[];
  /** The register of a local date (YYYY-MM-DD): dossiers received that day, and those returned or refused that day. */
  registerOf(date: string): Readonly<{ received: Dossier[]; finished: Dossier[] }>;
  lateness(id: string): Lateness;
  /**
   * A status set by the back office, pulled from the central server: the dossier and an audit entry, in one
   * transaction (a savepoint when the caller holds one, so sync can record its cursor with it). No outbox
   * job: the server already has the change. The server is authoritative for these, so the local transition
   * table is not consulted.
   */
  applyServerStatus(change: ServerStatusChange): 'applied' | 'unchanged' | 'unknown';
  /**
   * A paper's scan (documents feature): sets its scanSha256, with an audit entry and a new snapshot for the
   * server, in one transaction that also runs `within` (the document link). `invalid-input` for no such paper.
   */
  attachScan(id: string, paperIndex: number, sha256: string, details: TransitionDetails, within: (db: CounterDatabase, dossier: Dossier) => void): Dossier;
}

export type ServerStatusChange = Readonly<{ dossierId: string; status: DossierStatus; at: string; by: string; note: string | null; cursor: number }>;

export type Lateness = Readonly<{ id: string; code: string; overdue: boolean; dueAt: string; workingDaysLate: number; workingMinutesLate: number }>;

function lookupPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function createDossierService(options: DossierServiceOptions): DossierService {
  const { storage, clock } = options;
  const partition = options.partition ?? DEFAULT_OFFLINE_PARTITION;
  const nowUtc = () => clock.now().toISOString();

  function get(id: string): Dossier {
    const dossier = findDossier(storage.db(), id, nowUtc());
    if (!dossier) throw new CoreError('not-found', `No dossier with id ${id.slice(0, 64)}`);
    return dossier;
  }

  /** The domain change, its audit entry and its outbox job: one transaction, or nothing. */
  function recordChange(dossierId: string, action: string, details: TransitionDetails, at: string, change: () => void): Dossier {
    const db = storage.db();
    // The snapshot queued for the server is also what the caller gets back: read once, committed as read.
    const dossier = db.transaction(() => {
      change();
      const snapshot = findDossier(db, dossierId, nowUtc());
      if (!snapshot) throw new Error(`dossier ${dossierId} vanished inside its own transaction`);
      appendAudit(db, { id: uuidv7(), at, actor: options.actor(), action, entity: 'dossier', entityId: dossierId, details: { ...details, status: snapshot.status, version: snapshot.version } });
      insertOutboxJob(db, { id: uuidv7(), kind: 'dossier.upserted', aggregateId: dossierId, payload: snapshot, createdAt: at });
      options.withinChange?.(db, snapshot, action);
      return snapshot;
    })();
    options.afterCommit();
    return dossier;
  }

  /** The dossier's stored state, moved to `status` at `at`; the caller adjusts the pause and the return. */
  function changeFrom(current: Dossier, status: DossierStatus, at: string): DossierChange {
    return { status, dueAt: current.dueAt, pausedAt: current.pausedAt, pausedMinutes: current.pausedWorkingMinutes, returnedAt: current.returnedAt, updatedAt: at };
  }

  /** Ends a supplement pause at `at`: the clock stood still since `pausedAt`, so the due date moves by that working time. */
  function resumeClock(change: DossierChange, current: Dossier, pausedAt: string, at: string): number {
    const paused = options.dueDates.workingMinutesBetween(pausedAt, at);
    change.pausedAt = null;
    change.pausedMinutes = current.pausedWorkingMinutes + paused;
    change.dueAt = options.dueDates.addWorkingMinutes(current.dueAt, paused);
    return paused;
  }

  return {
    get,

    intake(input) {
      const db = storage.db();
      if (input.id) {
        const existing = findDossier(db, input.id, nowUtc());
        if (existing) return existing; // a retried request: the same dossier, never a second one
      }
      const { counter } = options.settings.get();
      if (!counter.agencyCode) {
        throw new CoreError('counter-not-configured', 'This counter has no agency code: set settings counter.agencyCode or enrol it', { missing: 'agencyCode' });
      }
      const now = clock.now();
      const receivedAt = toVietnamIso(now);
      const procedure = options.procedures.procedureInForce(input.procedureCode, vietnamDate(now));
      if (!procedure) throw new CoreError('not-found', `No procedure ${input.procedureCode} is in force on ${vietnamDate(now)}`, { procedureCode: input.procedureCode });
      const { dueAt, clockStartsAt } = options.dueDates.dueDate({ receivedAt, limit: procedure.timeLimit });
      const id = input.id ?? uuidv7(now.getTime());
      const agencyCode = counter.agencyCode;

      return recordChange(id, 'dossier.received', { procedureCode: procedure.code, channel: input.channel }, receivedAt, () => {
        const { code } = allocateDossierCode(db, { agencyCode, day: receiptDay(now), slot: counter.slot, partition });
        insertDossier(db, {
          id,
          code,
          agencyCode,
          procedure,
          applicant: input.applicant,
          channel: input.channel,
          receivedAt,
          clockStartsAt,
          dueAt,
          papers: input.papers,
          sets: input.sets,
          resultDelivery: input.resultDelivery,
          notes: input.notes ?? null,
          lookupPin: lookupPin(),
          createdBy: options.actor(),
          foldedName: foldVietnamese(input.applicant.fullName),
        });
      });
    },

    transition(id, action, details, expectedVersion) {
      const current = get(id);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new CoreError('conflict', `The dossier is at version ${current.version}, not ${expectedVersion}`, { version: current.version });
      }
      const to = nextStatus(current.status, action);
      if (!to) {
        throw new CoreError('invalid-state', `Cannot ${action} a dossier that is ${DOSSIER_STATUSES[current.status].en.toLowerCase()}`, { status: current.status, action });
      }
      const at = toVietnamIso(clock.now());
      const change = changeFrom(current, to, at);
      let moved: Record<string, unknown> = {};
      if (action === 'requestSupplement') {
        change.pausedAt = at;
      } else if (action === 'supplement' && current.pausedAt) {
        const paused = resumeClock(change, current, current.pausedAt, at);
        moved = { pausedWorkingMinutes: paused, previousDueAt: current.dueAt, dueAt: change.dueAt };
      } else if (action === 'returnResult') {
        change.returnedAt = at;
      }
      const db = storage.db();
      return recordChange(id, `dossier.${action}`, { ...details, ...moved, from: current.status }, at, () => {
        if (!updateDossier(db, id, current.version, change)) {
          throw new CoreError('conflict', 'The dossier was changed at the same time by someone else; reload it and try again');
        }
      });
    },

    reopen(id, reason, expectedVersion) {
      const current = get(id);
      if (expectedVersion !== current.version) {
        throw new CoreError('conflict', `The dossier is at version ${current.version}, not ${expectedVersion}`, { version: current.version });
      }
      if (current.status !== REOPEN.from) {
        throw new CoreError('invalid-state', `Cannot reopen a dossier that is ${DOSSIER_STATUSES[current.status].en.toLowerCase()}`, { status: current.status, action: 'reopen' });
      }
      const at = toVietnamIso(clock.now());
      const change = changeFrom(current, REOPEN.to, at);
      change.returnedAt = null;
      const db = storage.db();
      return recordChange(id, 'dossier.reopen', { reason, from: current.status, previousReturnedAt: current.returnedAt }, at, () => {
        if (!updateDossier(db, id, current.version, change)) {
          throw new CoreError('conflict', 'The dossier was changed at the same time by someone else; reload it and try again');
        }
      });
    },

    applyServerStatus(serverChange) {
      const db = storage.db();
      return db.transaction(() => {
        const current = findDossier(db, serverChange.dossierId, nowUtc());
        if (!current) return 'unknown' as const;
        if (current.status === serverChange.status) return 'unchanged' as const;
        const at = toVietnamIso(clock.now());
        const change = changeFrom(current, serverChange.status, at);
        if (serverChange.status === 'supplement-requested') change.pausedAt ??= at;
        else if (current.pausedAt) resumeClock(change, current, current.pausedAt, at); // leaving a supplement pause, as at the counter
        if (serverChange.status === 'returned') change.returnedAt ??= at;
        if (!updateDossier(db, current.id, current.version, change)) throw new Error('dossier changed inside its own transaction');
        appendAudit(db, {
          id: uuidv7(),
          at,
          actor: `central:${serverChange.by.slice(0, 100)}`,
          action: 'dossier.statusFromServer',
          entity: 'dossier',
          entityId: current.id,
          details: { from: current.status, status: serverChange.status, version: current.version + 1, cursor: serverChange.cursor, serverAt: serverChange.at, ...(serverChange.note === null ? {} : { note: serverChange.note }) },
        });
        return 'applied' as const;
      })();
    },

    attachScan(id, paperIndex, sha256, details, within) {
      const current = get(id);
      if (paperIndex >= current.papers.length) throw new CoreError('invalid-input', `The dossier has ${current.papers.length} papers; there is no paper ${paperIndex}`, { papers: current.papers.length });
      const at = toVietnamIso(clock.now());
      const db = storage.db();
      return recordChange(id, 'dossier.scanAttached', { ...details, paperIndex, sha256 }, at, () => {
        if (!setPaperScan(db, id, paperIndex, sha256, at)) throw new CoreError('conflict', 'The dossier changed while the scan was being attached; try again');
        within(db, current);
      });
    },

    list: (query) => listDossiers(storage.db(), query, nowUtc()),

    registerOf(date) {
      const from = toVietnamIso(startOfVietnamDay(date));
      const to = toVietnamIso(startOfVietnamDay(formatLocalDate(parseLocalDate(date) + 1)));
      const db = storage.db();
      return { received: dossiersReceivedBetween(db, from, to, nowUtc()), finished: dossiersFinishedBetween(db, from, to, nowUtc()) };
    },

    search: (query, limit) => searchDossiers(storage.db(), query, foldVietnamese(query), limit, nowUtc()),

    lateness(id) {
      const dossier = get(id);
      const now = clock.now();
      if (!dossier.overdue) return { id, code: dossier.code, overdue: false, dueAt: dossier.dueAt, workingDaysLate: 0, workingMinutesLate: 0 };
      const workingMinutesLate = options.dueDates.workingMinutesBetween(dossier.dueAt, toVietnamIso(now));
      let workingDaysLate = 0;
      const today = vietnamDate(now);
      for (let day = parseLocalDate(dossier.dueAt.slice(0, 10)) + 1; day <= parseLocalDate(today); day += 1) {
        if (options.dueDates.day(formatLocalDate(day)).working) workingDaysLate += 1;
      }
      return { id, code: dossier.code, overdue: true, dueAt: dossier.dueAt, workingDaysLate, workingMinutesLate };
    },
  };
}

/** Today's first instant in the stored +07:00 form, for "received today". */
export function startOfToday(clock: Clock): string {
  return toVietnamIso(startOfVietnamDay(vietnamDate(clock.now())));
}
