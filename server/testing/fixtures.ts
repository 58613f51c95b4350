import { createHash, randomUUID } from 'node:crypto';
import type { AuditEntryWire } from '../../shared/contract/central-api.ts';
import type { Dossier } from '../../shared/contract/dossiers.ts';
import { GENESIS_HASH, canonicalAuditText } from '../../shared/domain/audit/canonical.ts';
import { formatDossierCode } from '../../shared/domain/dossiers/dossier-code.ts';

export function makeDossier(agencyCode: string, sequence: number, overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: randomUUID(),
    code: formatDossierCode(agencyCode, '261123', sequence),
    agencyCode,
    procedure: { code: '2.000815', name: 'Chứng thực bản sao từ bản chính', version: '2025-07-01', timeLimit: { unit: 'workingDays', value: 3 } },
    applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '001090012345' },
    channel: 'direct',
    status: 'received',
    statusCode: 2,
    receivedAt: '2026-11-23T08:15:00+07:00',
    clockStartsAt: '2026-11-23T08:15:00+07:00',
    dueAt: '2026-11-26T17:00:00+07:00',
    papers: [{ name: 'Bản chính giấy khai sinh', form: 'original', count: 1, required: true }],
    sets: 1,
    resultDelivery: { method: 'counter' },
    notes: null,
    lookupPin: '123456',
    pausedAt: null,
    pausedWorkingMinutes: 0,
    returnedAt: null,
    overdue: false,
    version: 1,
    ...overrides,
  };
}

export const pushItem = (dossier: Dossier, jobId: string = randomUUID()) => ({ jobId, kind: 'dossier.upserted' as const, dossier });

/** A valid chain of `count` entries starting after `previous` (GENESIS when none). */
export function makeAuditChain(count: number, from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): AuditEntryWire[] {
  const entries: AuditEntryWire[] = [];
  let prevHash = from.hash;
  for (let i = 1; i <= count; i += 1) {
    const row = {
      seq: from.seq + i,
      id: randomUUID(),
      at: '2026-11-23T08:15:00+07:00',
      actor: 'clerk:lan',
      action: 'dossier.received',
      entity: 'dossier',
      entityId: randomUUID(),
      details: JSON.stringify({ n: from.seq + i }),
      prevHash,
    };
    const hash = createHash('sha256').update(canonicalAuditText(row)).digest('hex');
    entries.push({ ...row, hash });
    prevHash = hash;
  }
  return entries;
}
