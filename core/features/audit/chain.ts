import { createHash } from 'node:crypto';
import { canonicalAuditText, type AuditRow } from '../../../shared/domain/audit/canonical.ts';

export { GENESIS_HASH, type AuditRow } from '../../../shared/domain/audit/canonical.ts';

/** SHA-256 over the canonical text: changing or removing any row breaks every link after it. */
export function hashAuditRow(row: AuditRow): string {
  return createHash('sha256').update(canonicalAuditText(row), 'utf8').digest('hex');
}
