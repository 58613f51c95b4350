import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { openStorage } from '../../server/db/open.ts';
import { GENESIS_HASH, canonicalAuditText } from '../../shared/domain/audit/canonical.ts';

/** What a counter's own file says it holds: the truth the central server must match after a sync. */
export type CounterTruth = Readonly<{
  counterId: string;
  dossiers: ReadonlyMap<string, Readonly<{ version: number; code: string }>>;
  audit: ReadonlyMap<number, string>;
  outbox: number;
}>;

export function readCounterTruth(databaseFile: string): CounterTruth {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const state = db.prepare('SELECT counter_id FROM sync_state WHERE id = 1').get() as { counter_id: string } | undefined;
    if (!state?.counter_id) throw new Error(`${databaseFile} is not enrolled`);
    const dossiers = new Map((db.prepare('SELECT id, version, code FROM dossiers').all() as { id: string; version: number; code: string }[]).map((row) => [row.id, { version: row.version, code: row.code }]));
    const audit = new Map((db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all() as { seq: number; hash: string }[]).map((row) => [row.seq, row.hash]));
    const { outbox } = db.prepare('SELECT count(*) AS outbox FROM outbox').get() as { outbox: number };
    return { counterId: state.counter_id, dossiers, audit, outbox };
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
    };
  } finally {
    await sql.close();
  }
}
