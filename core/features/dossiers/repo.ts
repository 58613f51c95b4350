import type { Applicant, Dossier, DossierSummary, Paper } from '../../../shared/contract/dossiers.ts';
import type { TimeLimit } from '../../../shared/contract/time-limit.ts';
import { CLOCK_RUNNING_STATUSES, clockRuns, DOSSIER_STATUSES, OPEN_STATUSES, type Channel, type DossierStatus } from '../../../shared/domain/dossiers/status.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import { cachedStatement } from '../../db/statements.ts';

type DossierRow = {
  rowid: number;
  id: string;
  code: string;
  agency_code: string;
  procedure_code: string;
  procedure_name: string;
  procedure_version: string;
  time_limit: string;
  applicant: string;
  applicant_name: string;
  channel: string;
  status: string;
  received_at: string;
  clock_starts_at: string;
  due_at: string;
  due_at_utc: string;
  sets: number;
  result_delivery: string;
  notes: string | null;
  lookup_pin: string;
  paused_at: string | null;
  paused_minutes: number;
  returned_at: string | null;
  version: number;
};

export type NewDossier = Readonly<{
  id: string;
  code: string;
  agencyCode: string;
  procedure: Readonly<{ code: string; name: string; version: string; timeLimit: TimeLimit }>;
  applicant: Applicant;
  channel: Channel;
  receivedAt: string;
  clockStartsAt: string;
  dueAt: string;
  papers: readonly Paper[];
  sets: number;
  resultDelivery: Dossier['resultDelivery'];
  notes: string | null;
  lookupPin: string;
  createdBy: string;
  /** The applicant's name folded for the search index (no diacritics, đ → d). */
  foldedName: string;
}>;

/** Phone numbers are stored as digits with a leading 0, so "+84 912 345 678" and "0912345678" match. */
export function normalisePhone(phone: string | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

function utc(iso: string): string {
  return new Date(iso).toISOString();
}

export function insertDossier(db: CounterDatabase, dossier: NewDossier): void {
  const result = cachedStatement(db, 
      `INSERT INTO dossiers (id, code, agency_code, procedure_code, procedure_name, procedure_version, time_limit,
         applicant, applicant_name, applicant_id_number, applicant_phone, channel, status, received_at, clock_starts_at,
         due_at, due_at_utc, sets, result_delivery, notes, lookup_pin, created_by, updated_at)
       VALUES (@id, @code, @agencyCode, @procedureCode, @procedureName, @procedureVersion, @timeLimit,
         @applicant, @applicantName, @idNumber, @phone, @channel, 'received', @receivedAt, @clockStartsAt,
         @dueAt, @dueAtUtc, @sets, @resultDelivery, @notes, @lookupPin, @createdBy, @receivedAt)`,
    )
    .run({
      id: dossier.id,
      code: dossier.code,
      agencyCode: dossier.agencyCode,
      procedureCode: dossier.procedure.code,
      procedureName: dossier.procedure.name,
      procedureVersion: dossier.procedure.version,
      timeLimit: JSON.stringify(dossier.procedure.timeLimit),
      applicant: JSON.stringify(dossier.applicant),
      applicantName: dossier.applicant.fullName,
      idNumber: dossier.applicant.idNumber ?? null,
      phone: normalisePhone(dossier.applicant.phone),
      channel: dossier.channel,
      receivedAt: dossier.receivedAt,
      clockStartsAt: dossier.clockStartsAt,
      dueAt: dossier.dueAt,
      dueAtUtc: utc(dossier.dueAt),
      sets: dossier.sets,
      resultDelivery: JSON.stringify(dossier.resultDelivery),
      notes: dossier.notes,
      lookupPin: dossier.lookupPin,
      createdBy: dossier.createdBy,
    });
  const insertPaper = cachedStatement(db, 
    `INSERT INTO dossier_papers (dossier_id, position, name, form, count, required, note, scan_sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  dossier.papers.forEach((paper, position) => {
    insertPaper.run(dossier.id, position, paper.name, paper.form, paper.count, paper.required ? 1 : 0, paper.note ?? null, paper.scanSha256 ?? null);
  });
  cachedStatement(db, 'INSERT INTO dossier_names (rowid, name) VALUES (?, ?)').run(result.lastInsertRowid, dossier.foldedName);
}

export type DossierChange = {
  status: DossierStatus;
  dueAt: string;
  pausedAt: string | null;
  pausedMinutes: number;
  returnedAt: string | null;
  updatedAt: string;
};

/** Optimistic: the row changes only if it is still at `version`; returns whether it did. */
export function updateDossier(db: CounterDatabase, id: string, version: number, change: DossierChange): boolean {
  const result = cachedStatement(db, 
      `UPDATE dossiers SET status = @status, due_at = @dueAt, due_at_utc = @dueAtUtc, paused_at = @pausedAt,
         paused_minutes = @pausedMinutes, returned_at = @returnedAt, updated_at = @updatedAt, version = version + 1
       WHERE id = @id AND version = @version`,
    )
    .run({ ...change, dueAtUtc: utc(change.dueAt), id, version });
  return result.changes === 1;
}

/** A paper's digitised copy (scanning): the dossier's version moves so the next snapshot supersedes the last. */
export function setPaperScan(db: CounterDatabase, id: string, position: number, sha256: string, updatedAt: string): boolean {
  const paper = cachedStatement(db, 'UPDATE dossier_papers SET scan_sha256 = ? WHERE dossier_id = ? AND position = ?').run(sha256, id, position);
  if (paper.changes !== 1) return false;
  cachedStatement(db, 'UPDATE dossiers SET updated_at = ?, version = version + 1 WHERE id = ?').run(updatedAt, id);
  return true;
}

function papersOf(db: CounterDatabase, id: string): Paper[] {
  const rows = cachedStatement(db, 'SELECT name, form, count, required, note, scan_sha256 FROM dossier_papers WHERE dossier_id = ? ORDER BY position').all(id) as {
    name: string;
    form: Paper['form'];
    count: number;
    required: number;
    note: string | null;
    scan_sha256: string | null;
  }[];
  return rows.map((row) => ({
    name: row.name,
    form: row.form,
    count: row.count,
    required: row.required === 1,
    ...(row.note === null ? {} : { note: row.note }),
    ...(row.scan_sha256 === null ? {} : { scanSha256: row.scan_sha256 }),
  }));
}

/** A constant SQL list from the domain's own status names (never from input). */
function sqlList(statuses: readonly DossierStatus[]): string {
  return `(${statuses.map((status) => `'${status}'`).join(', ')})`;
}
const CLOCK_RUNNING_SQL = sqlList(CLOCK_RUNNING_STATUSES);
const OPEN_SQL = sqlList(OPEN_STATUSES);

function isOverdue(row: Pick<DossierRow, 'status' | 'due_at_utc'>, nowUtc: string): boolean {
  return clockRuns(row.status as DossierStatus) && row.due_at_utc < nowUtc;
}

function toDossier(db: CounterDatabase, row: DossierRow, nowUtc: string): Dossier {
  const status = row.status as DossierStatus;
  return {
    id: row.id,
    code: row.code,
    agencyCode: row.agency_code,
    procedure: { code: row.procedure_code, name: row.procedure_name, version: row.procedure_version, timeLimit: JSON.parse(row.time_limit) as TimeLimit },
    applicant: JSON.parse(row.applicant) as Applicant,
    channel: row.channel as Channel,
    status,
    statusCode: DOSSIER_STATUSES[status].nationalCode,
    receivedAt: row.received_at,
    clockStartsAt: row.clock_starts_at,
    dueAt: row.due_at,
    papers: papersOf(db, row.id),
    sets: row.sets,
    resultDelivery: JSON.parse(row.result_delivery) as Dossier['resultDelivery'],
    notes: row.notes,
    lookupPin: row.lookup_pin,
    pausedAt: row.paused_at,
    pausedWorkingMinutes: row.paused_minutes,
    returnedAt: row.returned_at,
    overdue: isOverdue(row, nowUtc),
    version: row.version,
  };
}

export function findDossier(db: CounterDatabase, id: string, nowUtc: string): Dossier | null {
  const row = cachedStatement(db, 'SELECT rowid, * FROM dossiers WHERE id = ?').get(id) as DossierRow | undefined;
  return row ? toDossier(db, row, nowUtc) : null;
}

/**
 * The day's register (reports): dossiers received in [from, to), and those whose result was returned or that
 * were refused in it, oldest first. Bounds in the stored +07:00 form (text order is time order). A refused
 * dossier is in a final state, so its last change is the refusal.
 */
export function dossiersReceivedBetween(db: CounterDatabase, from: string, to: string, nowUtc: string): Dossier[] {
  const rows = cachedStatement(db, 'SELECT rowid, * FROM dossiers WHERE received_at >= ? AND received_at < ? ORDER BY received_at, code').all(from, to) as DossierRow[];
  return rows.map((row) => toDossier(db, row, nowUtc));
}

export function dossiersFinishedBetween(db: CounterDatabase, from: string, to: string, nowUtc: string): Dossier[] {
  const rows = cachedStatement(db, 
    `SELECT rowid, * FROM dossiers
     WHERE (returned_at >= @from AND returned_at < @to) OR (status = 'refused' AND updated_at >= @from AND updated_at < @to)
     ORDER BY coalesce(returned_at, updated_at), code`,
  ).all({ from, to }) as DossierRow[];
  return rows.map((row) => toDossier(db, row, nowUtc));
}

const SUMMARY_COLUMNS = 'id, code, status, received_at, due_at, due_at_utc, applicant_name, procedure_code, procedure_name';
type SummaryRow = Pick<DossierRow, 'id' | 'code' | 'status' | 'received_at' | 'due_at' | 'due_at_utc' | 'applicant_name' | 'procedure_code' | 'procedure_name'>;

function toSummary(row: SummaryRow, nowUtc: string): DossierSummary {
  const status = row.status as DossierStatus;
  return {
    id: row.id,
    code: row.code,
    status,
    statusCode: DOSSIER_STATUSES[status].nationalCode,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    overdue: isOverdue(row, nowUtc),
    applicantName: row.applicant_name,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
  };
}

export type ListQuery =
  /** `since` in the stored form (…+07:00): every received_at has that one offset, so text order is time order. */
  | Readonly<{ kind: 'receivedSince'; since: string; limit: number }>
  | Readonly<{ kind: 'dueBefore'; beforeUtc: string; limit: number }>
  | Readonly<{ kind: 'dueBetween'; fromUtc: string; toUtc: string; limit: number }>
  | Readonly<{ kind: 'open'; limit: number }>
  | Readonly<{ kind: 'all'; limit: number }>;

export function listDossiers(db: CounterDatabase, query: ListQuery, nowUtc: string): DossierSummary[] {
  let rows: SummaryRow[];
  switch (query.kind) {
    case 'receivedSince':
      rows = cachedStatement(db, `SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE received_at >= ? ORDER BY received_at DESC LIMIT ?`).all(query.since, query.limit) as SummaryRow[];
      break;
    case 'dueBefore':
      rows = cachedStatement(db, `SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE status IN ${CLOCK_RUNNING_SQL} AND due_at_utc < ? ORDER BY due_at_utc LIMIT ?`).all(query.beforeUtc, query.limit) as SummaryRow[];
      break;
    case 'dueBetween':
      rows = cachedStatement(db, `SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE status IN ${CLOCK_RUNNING_SQL} AND due_at_utc >= ? AND due_at_utc <= ? ORDER BY due_at_utc LIMIT ?`).all(query.fromUtc, query.toUtc, query.limit) as SummaryRow[];
      break;
    case 'open':
      rows = cachedStatement(db, `SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE status IN ${OPEN_SQL} ORDER BY due_at_utc LIMIT ?`).all(query.limit) as SummaryRow[];
      break;
    case 'all':
      rows = cachedStatement(db, `SELECT ${SUMMARY_COLUMNS} FROM dossiers ORDER BY received_at DESC LIMIT ?`).all(query.limit) as SummaryRow[];
      break;
  }
  return rows.map((row) => toSummary(row, nowUtc));
}

/**
 * Search, by the shape of the query: digits → ID number, phone, look-up PIN; a dossier code or its
 * "yyMMdd-NNNN" tail → code; anything else → the applicant's name through FTS5 (every word must match,
 * the last one as a prefix, so a clerk can stop typing early).
 */
export function searchDossiers(db: CounterDatabase, rawQuery: string, foldedQuery: string, limit: number, nowUtc: string): DossierSummary[] {
  const compact = rawQuery.replace(/\s+/g, '');
  let rows: SummaryRow[];
  if (/^\+?\d+$/.test(compact)) {
    const digits = normalisePhone(compact) ?? compact;
    rows = cachedStatement(db, 
        `SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE applicant_id_number >= @q AND applicant_id_number < @q || ':'
         UNION SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE applicant_phone >= @phone AND applicant_phone < @phone || ':'
         UNION SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE lookup_pin = @q
         ORDER BY received_at DESC LIMIT @limit`,
      )
      .all({ q: compact, phone: digits, limit }) as SummaryRow[];
  } else if (/^\d{6}-\d{1,4}$/.test(compact)) {
    rows = cachedStatement(db, `SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE code_tail >= ? AND code_tail < ? || ':' ORDER BY received_at DESC LIMIT ?`).all(compact, compact, limit) as SummaryRow[];
  } else if (/^[0-9A-Za-z]{3}\.[0-9A-Za-z.-]*$/.test(compact)) {
    const upper = compact.toUpperCase();
    rows = cachedStatement(db, `SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE code >= ? AND code < ? || '~' ORDER BY received_at DESC LIMIT ?`).all(upper, upper, limit) as SummaryRow[];
  } else {
    const words = foldedQuery.split(' ').map((word) => word.replace(/[^a-z0-9]/g, '')).filter((word) => word.length > 0);
    if (words.length === 0) return [];
    const match = words.map((word, index) => (index === words.length - 1 ? `"${word}"*` : `"${word}"`)).join(' ');
    rows = cachedStatement(db, 
        `SELECT ${SUMMARY_COLUMNS.split(', ').map((column) => `d.${column}`).join(', ')}
         FROM dossier_names JOIN dossiers d ON d.rowid = dossier_names.rowid
         WHERE dossier_names MATCH ? ORDER BY d.received_at DESC LIMIT ?`,
      )
      .all(match, limit) as SummaryRow[];
  }
  return rows.map((row) => toSummary(row, nowUtc));
}
