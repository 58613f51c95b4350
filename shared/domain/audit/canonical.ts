/**
 * The audit chain's hashed form, shared by the counter (which writes the chain) and the central server
 * (which re-verifies every entry it receives). Each side hashes this text with SHA-256 using its own crypto.
 */
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

/** The fields in a fixed order plus the previous hash. Changing this needs a migration that re-chains the log. */
export function canonicalAuditText(row: AuditRow): string {
  return JSON.stringify([row.seq, row.id, row.at, row.actor, row.action, row.entity, row.entityId, row.details, row.prevHash]);
}
