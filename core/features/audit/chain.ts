import { createHash } from 'node:crypto';

export type AuditRow = Readonly<{
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  /** The stored JSON text, hashed as stored so verification never depends on re-serialisation. */
  details: string;
  prevHash: string;
}>;

/** The first entry links to this instead of a previous hash. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 over the entry's fields in a fixed order plus the previous entry's hash: changing or removing any
 * row breaks every link after it. Changing this function needs a migration that re-chains the log.
 */
export function hashAuditRow(row: AuditRow): string {
  const canonical = JSON.stringify([row.seq, row.id, row.at, row.actor, row.action, row.entity, row.entityId, row.details, row.prevHash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
