import { idFromName } from './printer-draft.ts';

/** A fingerprint as the supervisor compares it with the scanner's page: upper-case hex in groups of four. */
export function groupFingerprint(sha256: string): string {
  return (sha256.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

/** An id for a new eSCL scanner setting (`^[a-z0-9-]{1,40}$`), from its name, not one already taken. */
export function esclIdFor(name: string, taken: readonly string[]): string {
  const stem = idFromName(name).slice(0, 34).replace(/-+$/, '') || 'may-quet';
  if (!taken.includes(stem)) return stem;
  for (let n = 2; ; n += 1) if (!taken.includes(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** `2026-11-25T03:00:00.000Z` → `25/11/2026` (the date only: what a scanner's page shows). */
export function dayOf(iso: string): string {
  const match = /^(\d{4})-(\d\d)-(\d\d)/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
