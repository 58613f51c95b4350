import type { AuditEntryWire } from '../../../shared/contract/central-api.ts';
import { GENESIS_HASH, canonicalAuditText } from '../../../shared/domain/audit/canonical.ts';
import type { SqlExecutor } from '../../db/sql.ts';
import { sha256Hex } from '../counters/secrets.ts';

export type ChainOutcome =
  | Readonly<{ ok: true; acceptedThroughSeq: number }>
  | Readonly<{ ok: false; code: 'audit-chain-gap'; acceptedThroughSeq: number; expectedSeq: number }>
  | Readonly<{ ok: false; code: 'audit-chain-mismatch'; acceptedThroughSeq: number; seq: number; reason: 'hash' | 'link' | 'differs-from-stored' }>;

export function auditHash(entry: AuditEntryWire): string {
  return sha256Hex(canonicalAuditText(entry));
}

/**
 * Appends a counter's entries to its chain, re-verifying each: its hash must be the SHA-256 of its canonical
 * text, and its prevHash the stored hash of the entry before (GENESIS for seq 1). An entry the server already
 * holds is fine when identical (a retried upload) and a mismatch when not (the counter's log was altered).
 * Entries verified before a problem stay stored: the counter resends from `expectedSeq`, not from scratch.
 * The caller locks the counter's row, so one counter's uploads take turns.
 */
export async function appendToChain(tx: SqlExecutor, counterId: string, entries: readonly AuditEntryWire[]): Promise<ChainOutcome> {
  const last = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_entries WHERE counter_id = $1 ORDER BY seq DESC LIMIT 1', [counterId]);
  let lastSeq = last[0] ? Number(last[0].seq) : 0;
  let lastHash = last[0]?.hash ?? GENESIS_HASH;
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (entry.seq <= lastSeq) {
      const stored = await tx.query<{ hash: string }>('SELECT hash FROM audit_entries WHERE counter_id = $1 AND seq = $2', [counterId, entry.seq]);
      if (stored[0]?.hash !== entry.hash) return { ok: false, code: 'audit-chain-mismatch', acceptedThroughSeq: lastSeq, seq: entry.seq, reason: 'differs-from-stored' };
      // Same hash but altered content is still an altered entry.
      if (auditHash(entry) !== entry.hash) return { ok: false, code: 'audit-chain-mismatch', acceptedThroughSeq: lastSeq, seq: entry.seq, reason: 'hash' };
      continue;
    }
    if (entry.seq > lastSeq + 1) return { ok: false, code: 'audit-chain-gap', acceptedThroughSeq: lastSeq, expectedSeq: lastSeq + 1 };
    if (auditHash(entry) !== entry.hash) return { ok: false, code: 'audit-chain-mismatch', acceptedThroughSeq: lastSeq, seq: entry.seq, reason: 'hash' };
    if (entry.prevHash !== lastHash) return { ok: false, code: 'audit-chain-mismatch', acceptedThroughSeq: lastSeq, seq: entry.seq, reason: 'link' };
    await tx.query(
      `INSERT INTO audit_entries (counter_id, seq, id, at, actor, action, entity, entity_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [counterId, entry.seq, entry.id, entry.at, entry.actor, entry.action, entry.entity, entry.entityId, entry.details, entry.prevHash, entry.hash],
    );
    lastSeq = entry.seq;
    lastHash = entry.hash;
  }
  return { ok: true, acceptedThroughSeq: lastSeq };
}
