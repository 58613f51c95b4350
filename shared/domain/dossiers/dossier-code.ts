import { vietnamDate } from '../time/vietnam-time.ts';

/**
 * The official dossier code `<agency code>-<yyMMdd of receipt>-<NNNN>` (DOMAIN.md): the sequence is the
 * agency's for that day, shared by all its counters. How counters share it offline: docs/DOSSIER-CODES.md.
 */
export const MAX_DAILY_SEQUENCE = 9999;

/** The receipt day in Vietnam's time (UTC+7, no DST) as yyMMdd, whatever the machine's time zone. */
export function receiptDay(instant: Date): string {
  return vietnamDate(instant).slice(2).replaceAll('-', '');
}

export function formatDossierCode(agencyCode: string, day: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) throw new RangeError(`sequence out of range: ${sequence}`);
  return `${agencyCode}-${day}-${String(sequence).padStart(4, '0')}`;
}

const CODE_PATTERN = /^([0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3})-(\d{6})-(\d{4})$/;

export function parseDossierCode(code: string): { agencyCode: string; day: string; sequence: number } | null {
  const match = CODE_PATTERN.exec(code.trim());
  if (!match) return null;
  return { agencyCode: match[1]!, day: match[2]!, sequence: Number(match[3]) };
}

/**
 * The offline partition: slot k (1-based) owns sequences [first + (k-1)·size, first + k·size − 1] of every
 * day. Blocks reserved from the server are taken from below `first`, so the two never overlap.
 */
export type OfflinePartition = Readonly<{ firstSequence: number; slotSize: number }>;
export const DEFAULT_OFFLINE_PARTITION: OfflinePartition = { firstSequence: 6000, slotSize: 100 };

export function slotRange(partition: OfflinePartition, slot: number): { first: number; last: number } {
  const first = partition.firstSequence + (slot - 1) * partition.slotSize;
  const last = Math.min(first + partition.slotSize - 1, MAX_DAILY_SEQUENCE);
  if (slot < 1 || first > MAX_DAILY_SEQUENCE) throw new RangeError(`slot ${slot} has no room in the daily sequence`);
  return { first, last };
}
