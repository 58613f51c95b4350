import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStorage } from '../../server/db/open.ts';
import type { Sql } from '../../server/db/sql.ts';
import { GENESIS_HASH, canonicalAuditText } from '../../shared/domain/audit/canonical.ts';

/** What a counter's own file says it holds: the truth the central server must match after a sync. */
export type CounterTruth = Readonly<{
  counterId: string;
  dossiers: ReadonlyMap<string, Readonly<{ version: number; code: string }>>;
  audit: ReadonlyMap<number, string>;
  outbox: number;
  /** Scanned papers (SHA-256) and whether the server has confirmed each. */
  documents: ReadonlyMap<string, boolean>;
}>;

export function readCounterTruth(databaseFile: string): CounterTruth {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const state = db.prepare('SELECT counter_id FROM sync_state WHERE id = 1').get() as { counter_id: string } | undefined;
    if (!state?.counter_id) throw new Error(`${databaseFile} is not enrolled`);
    const dossiers = new Map((db.prepare('SELECT id, version, code FROM dossiers').all() as { id: string; version: number; code: string }[]).map((row) => [row.id, { version: row.version, code: row.code }]));
    const audit = new Map((db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all() as { seq: number; hash: string }[]).map((row) => [row.seq, row.hash]));
    const { outbox } = db.prepare('SELECT count(*) AS outbox FROM outbox').get() as { outbox: number };
    const documents = new Map((db.prepare('SELECT sha256, confirmed_at FROM documents').all() as { sha256: string; confirmed_at: string | null }[]).map((row) => [row.sha256, row.confirmed_at !== null]));
    return { counterId: state.counter_id, dossiers, audit, outbox, documents };
  } finally {
    db.close();
  }
}

/** What the counter still has to send beyond its outbox: audit entries not acknowledged, scans not confirmed. */
export function localBacklog(databaseFile: string): number {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const audit = db.prepare('SELECT coalesce((SELECT max(seq) FROM audit_log), 0) - coalesce((SELECT audit_acked_seq FROM sync_state WHERE id = 1), 0) AS n').get() as { n: number };
    const scans = db.prepare('SELECT count(*) AS n FROM documents WHERE confirmed_at IS NULL AND removed_at IS NULL').get() as { n: number };
    return audit.n + scans.n;
  } finally {
    db.close();
  }
}

/** Why the scans not yet confirmed are waiting, grouped by their recorded error (for a run that did not drain). */
export function waitingScans(databaseFile: string): string {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT coalesce(upload_error, '(no error)') AS error, count(*) AS n, max(upload_attempts) AS attempts, min(upload_next_at) AS next
         FROM documents WHERE confirmed_at IS NULL AND removed_at IS NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 5`,
      )
      .all() as { error: string; n: number; attempts: number; next: string | null }[];
    return rows.map((row) => `${row.n}× "${row.error}" (attempts ≤ ${row.attempts}, next ${row.next ?? 'now'})`).join('; ');
  } finally {
    db.close();
  }
}

export type Comparison = Readonly<{
  serverDossiers: number;
  missing: number;
  extra: number;
  duplicateCodes: number;
  codeConflicts: number;
  staleVersions: number;
  auditEntries: number;
  auditMismatches: number;
  auditChainBreaks: number;
  countersOutbox: number;
  scans: number;
  /** Scans the counter still waits to have confirmed. */
  scansUnconfirmed: number;
  /** Scans the server lacks, holds incomplete, or holds with other bytes (SHA-256 of its file). */
  scansMismatched: number;
}>;

type AuditRow = { counter_id: string; seq: number; id: string; at: string; actor: string; action: string; entity: string; entity_id: string; details: string; prev_hash: string; hash: string };

/** Opens the (stopped) server's storage and counts every way it could differ from the counters. */
export async function compareWithServer(serverDir: string, databaseUrl: string | undefined, counters: readonly CounterTruth[]): Promise<Comparison> {
  const sql = await openStorage({ dataDir: serverDir, databaseUrl });
  try {
    const rows = await sql.query<{ id: string; counter_version: number; code: string; code_conflict: boolean }>('SELECT id, counter_version, code, code_conflict FROM dossiers');
    const server = new Map(rows.map((row) => [row.id, row]));
    const expected = new Map(counters.flatMap((counter) => [...counter.dossiers]));
    let missing = 0;
    let staleVersions = 0;
    for (const [id, local] of expected) {
      const held = server.get(id);
      if (!held) missing += 1;
      else if (held.counter_version !== local.version || held.code !== local.code) staleVersions += 1;
    }
    const codes = new Set(rows.map((row) => row.code));
    const auditRows = await sql.query<AuditRow>('SELECT * FROM audit_entries ORDER BY counter_id, seq');
    let auditMismatches = 0;
    let auditChainBreaks = 0;
    for (const counter of counters) {
      const mine = auditRows.filter((row) => row.counter_id === counter.counterId);
      if (mine.length !== counter.audit.size) auditMismatches += Math.abs(mine.length - counter.audit.size);
      let prevHash = GENESIS_HASH;
      for (const [index, row] of mine.entries()) {
        if (counter.audit.get(row.seq) !== row.hash) auditMismatches += 1;
        const recomputed = createHash('sha256')
          .update(canonicalAuditText({ seq: row.seq, id: row.id, at: row.at, actor: row.actor, action: row.action, entity: row.entity, entityId: row.entity_id, details: row.details, prevHash: row.prev_hash }))
          .digest('hex');
        if (row.seq !== index + 1 || row.prev_hash !== prevHash || recomputed !== row.hash) auditChainBreaks += 1;
        prevHash = row.hash;
      }
    }
    return {
      serverDossiers: rows.length,
      missing,
      extra: rows.filter((row) => !expected.has(row.id)).length,
      duplicateCodes: rows.length - codes.size,
      codeConflicts: rows.filter((row) => row.code_conflict).length,
      staleVersions,
      auditEntries: auditRows.length,
      auditMismatches,
      auditChainBreaks,
      countersOutbox: counters.reduce((sum, counter) => sum + counter.outbox, 0),
      ...(await compareScans(sql, serverDir, counters)),
    };
  } finally {
    await sql.close();
  }
}

/** Every scan a counter holds must be on the server, complete, byte-identical (its file hashed again here). */
async function compareScans(sql: Sql, serverDir: string, counters: readonly CounterTruth[]): Promise<Pick<Comparison, 'scans' | 'scansUnconfirmed' | 'scansMismatched'>> {
  const uploads = new Map((await sql.query<{ sha256: string; complete: boolean; file_path: string }>('SELECT sha256, complete, file_path FROM uploads')).map((row) => [row.sha256, row]));
  let scans = 0;
  let scansUnconfirmed = 0;
  let scansMismatched = 0;
  for (const counter of counters) {
    for (const [sha256, confirmed] of counter.documents) {
      scans += 1;
      if (!confirmed) scansUnconfirmed += 1;
      const held = uploads.get(sha256);
      const file = held ? (path.isAbsolute(held.file_path) ? held.file_path : path.join(serverDir, held.file_path)) : null;
      const same = held?.complete === true && file !== null && fs.existsSync(file) && createHash('sha256').update(fs.readFileSync(file)).digest('hex') === sha256;
      if (!same) scansMismatched += 1;
    }
  }
  return { scans, scansUnconfirmed, scansMismatched };
}
