/** Vietnam keeps UTC+7 all year (no daylight saving), so local time is a fixed shift of UTC. */
const OFFSET_MS = 7 * 60 * 60 * 1000;

/** An instant written the way Vietnamese records show it: 2026-11-23T08:15:00+07:00. */
export function toVietnamIso(instant: Date): string {
  const local = new Date(instant.getTime() + OFFSET_MS).toISOString(); // "…Z" but holding local wall time
  return `${local.slice(0, 19)}+07:00`;
}

/** The local calendar date (YYYY-MM-DD) of an instant in Vietnam. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Vietnamese local date begins. */
export function startOfVietnamDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+07:00`));
}
