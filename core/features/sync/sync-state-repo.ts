import type { CounterDatabase } from '../../db/open-database.ts';
import { cachedStatement } from '../../db/statements.ts';

export type SyncState = Readonly<{
  serverUrl: string | null;
  counterId: string | null;
  credential: string | null;
  enrolledAt: string | null;
  auditAckedSeq: number;
  auditAttempts: number;
  auditNextAttemptAt: string | null;
  auditProblem: Readonly<{ code: string; message: string; at: string }> | null;
  statusCursor: number;
  lastSyncAt: string | null;
  clockSkewSeconds: number | null;
}>;

type Row = {
  server_url: string | null;
  counter_id: string | null;
  credential: string | null;
  enrolled_at: string | null;
  audit_acked_seq: number;
  audit_attempts: number;
  audit_next_attempt_at: string | null;
  audit_problem_code: string | null;
  audit_problem_message: string | null;
  audit_problem_at: string | null;
  status_cursor: number;
  last_sync_at: string | null;
  clock_skew_seconds: number | null;
};

export function readSyncState(db: CounterDatabase): SyncState {
  const row = cachedStatement(db, 'SELECT * FROM sync_state WHERE id = 1').get() as Row;
  return {
    serverUrl: row.server_url,
    counterId: row.counter_id,
    credential: row.credential,
    enrolledAt: row.enrolled_at,
    auditAckedSeq: row.audit_acked_seq,
    auditAttempts: row.audit_attempts,
    auditNextAttemptAt: row.audit_next_attempt_at,
    auditProblem: row.audit_problem_code === null ? null : { code: row.audit_problem_code, message: row.audit_problem_message ?? '', at: row.audit_problem_at ?? '' },
    statusCursor: row.status_cursor,
    lastSyncAt: row.last_sync_at,
    clockSkewSeconds: row.clock_skew_seconds,
  };
}

export function saveEnrolment(db: CounterDatabase, enrolment: Readonly<{ serverUrl: string; counterId: string; credential: string; at: string }>): void {
  // A new enrolment may be with another server: its cursors start again from the beginning. The pending
  // enrolment's nonce has done its work once a credential is held.
  cachedStatement(db,
    `UPDATE sync_state SET server_url = @serverUrl, counter_id = @counterId, credential = @credential, enrolled_at = @at,
       audit_acked_seq = 0, audit_attempts = 0, audit_next_attempt_at = NULL, audit_problem_code = NULL,
       audit_problem_message = NULL, audit_problem_at = NULL, status_cursor = 0,
       pending_enrol_key = NULL, pending_enrol_nonce = NULL
     WHERE id = 1`,
  ).run(enrolment);
}

/** A rotated credential replaces the current one; the enrolment, its cursors and its server stay. */
export function saveCredential(db: CounterDatabase, credential: string): void {
  cachedStatement(db, 'UPDATE sync_state SET credential = @credential WHERE id = 1').run({ credential });
}

/**
 * The client nonce of an enrolment not yet answered, when `key` (server + code, hashed: enrolmentKey) is the
 * same as the pending one; null for any other code, which starts a new attempt sequence with a new nonce.
 */
export function readPendingEnrolmentNonce(db: CounterDatabase, key: string): string | null {
  const row = cachedStatement(db, 'SELECT pending_enrol_key AS key, pending_enrol_nonce AS nonce FROM sync_state WHERE id = 1').get() as { key: string | null; nonce: string | null };
  return row.key === key ? row.nonce : null;
}

/** Written before the request leaves, so a retry after a crash or restart sends the same nonce. */
export function savePendingEnrolment(db: CounterDatabase, key: string | null, nonce: string | null): void {
  cachedStatement(db, 'UPDATE sync_state SET pending_enrol_key = ?, pending_enrol_nonce = ? WHERE id = 1').run(key, nonce);
}

export function recordAuditAck(db: CounterDatabase, seq: number): void {
  cachedStatement(db, 'UPDATE sync_state SET audit_acked_seq = ?, audit_attempts = 0, audit_next_attempt_at = NULL WHERE id = 1').run(seq);
}

export function recordAuditRetry(db: CounterDatabase, attempts: number, nextAttemptAt: string): void {
  cachedStatement(db, 'UPDATE sync_state SET audit_attempts = ?, audit_next_attempt_at = ? WHERE id = 1').run(attempts, nextAttemptAt);
}

/** A person asked to sync now: the audit upload's backoff is lifted too (its attempt count stays). */
export function makeAuditDue(db: CounterDatabase): void {
  cachedStatement(db, 'UPDATE sync_state SET audit_next_attempt_at = NULL WHERE id = 1').run();
}

export function recordAuditProblem(db: CounterDatabase, problem: Readonly<{ code: string; message: string; at: string }> | null): void {
  cachedStatement(db, 'UPDATE sync_state SET audit_problem_code = ?, audit_problem_message = ?, audit_problem_at = ?, audit_attempts = 0, audit_next_attempt_at = NULL WHERE id = 1').run(
    problem?.code ?? null,
    problem?.message ?? null,
    problem?.at ?? null,
  );
}

/** Call in the transaction that applies the changes up to `cursor`, so a crash can neither skip nor repeat them. */
export function recordStatusCursor(db: CounterDatabase, cursor: number): void {
  cachedStatement(db, 'UPDATE sync_state SET status_cursor = ? WHERE id = 1').run(cursor);
}

export function recordSyncedAt(db: CounterDatabase, at: string): void {
  cachedStatement(db, 'UPDATE sync_state SET last_sync_at = ? WHERE id = 1').run(at);
}

export function recordClockSkew(db: CounterDatabase, skewSeconds: number, at: string): void {
  cachedStatement(db, 'UPDATE sync_state SET clock_skew_seconds = ?, clock_checked_at = ? WHERE id = 1').run(skewSeconds, at);
}
