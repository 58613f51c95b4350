import { formatDossierCode, slotRange, type OfflinePartition } from '../../../shared/domain/dossiers/dossier-code.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { cachedStatement } from '../../db/statements.ts';

export type CodeAllocation = Readonly<{ code: string; sequence: number; source: 'reserved-block' | 'counter-slot' }>;

export type AllocationRequest = Readonly<{ agencyCode: string; day: string; slot: number | null; partition: OfflinePartition }>;

/**
 * Takes the next number of the day for this counter. MUST run inside the transaction that inserts the
 * dossier: the number and the dossier commit together or not at all, so a crash can neither reuse a number
 * that was printed nor lose one. Blocks reserved by the central server are used first; otherwise the
 * counter's own slot of the day's sequence, which no other counter of the agency ever uses.
 */
export function allocateDossierCode(db: CounterDatabase, request: AllocationRequest): CodeAllocation {
  const { agencyCode, day } = request;
  const block = cachedStatement(db, 
      `SELECT first_sequence, next_sequence FROM code_blocks
       WHERE agency_code = ? AND day = ? AND next_sequence <= last_sequence
       ORDER BY first_sequence LIMIT 1`,
    )
    .get(agencyCode, day) as { first_sequence: number; next_sequence: number } | undefined;
  if (block) {
    cachedStatement(db, 'UPDATE code_blocks SET next_sequence = next_sequence + 1 WHERE agency_code = ? AND day = ? AND first_sequence = ?').run(agencyCode, day, block.first_sequence);
    return { code: formatDossierCode(agencyCode, day, block.next_sequence), sequence: block.next_sequence, source: 'reserved-block' };
  }

  if (request.slot === null) {
    throw new CoreError('counter-not-configured', 'This counter has no slot in the agency’s daily sequence and no reserved block: set settings counter.slot or enrol it', { missing: 'slot' });
  }
  const range = slotRange(request.partition, request.slot);
  cachedStatement(db, 
    `INSERT INTO code_sequences (agency_code, day, next_sequence, last_sequence) VALUES (?, ?, ?, ?)
     ON CONFLICT (agency_code, day) DO NOTHING`,
  ).run(agencyCode, day, range.first, range.last);
  const row = cachedStatement(db, 'SELECT next_sequence, last_sequence FROM code_sequences WHERE agency_code = ? AND day = ?').get(agencyCode, day) as { next_sequence: number; last_sequence: number };
  if (row.next_sequence > row.last_sequence) {
    throw new CoreError('code-space-exhausted', `This counter has used all ${request.partition.slotSize} dossier numbers of its slot for ${day}; connect to the central server for a new block`, { day, slot: request.slot });
  }
  cachedStatement(db, 'UPDATE code_sequences SET next_sequence = next_sequence + 1 WHERE agency_code = ? AND day = ?').run(agencyCode, day);
  return { code: formatDossierCode(agencyCode, day, row.next_sequence), sequence: row.next_sequence, source: 'counter-slot' };
}

/** For sync: a block the central server reserved for this counter (ranges are disjoint by the server's rule). */
export function addReservedBlock(db: CounterDatabase, block: Readonly<{ agencyCode: string; day: string; first: number; last: number; reservedAt: string }>): void {
  cachedStatement(db, 
    `INSERT INTO code_blocks (agency_code, day, first_sequence, last_sequence, next_sequence, reserved_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(block.agencyCode, block.day, block.first, block.last, block.first, block.reservedAt);
}

/** Numbers still unused in this counter's reserved blocks of a day (sync tops them up when low). */
export function remainingReserved(db: CounterDatabase, agencyCode: string, day: string): number {
  const row = cachedStatement(db, 'SELECT coalesce(sum(last_sequence - next_sequence + 1), 0) AS remaining FROM code_blocks WHERE agency_code = ? AND day = ?').get(agencyCode, day) as { remaining: number };
  return row.remaining;
}
