/**
 * Retry delays for whole-request failures (network, timeout, 5xx, 429). Exponential with full jitter, so
 * forty counters that lost the network together do not return together; the floor keeps a counter from
 * retrying in a tight loop when the random draw is near zero.
 *   delay(n) = 1 s + random × min(10 min, 2 s × 2^(n−1)),  n = attempts so far (1, 2, …)
 * A server's Retry-After is honoured as a minimum.
 */
export const BACKOFF = { floorMs: 1_000, baseMs: 2_000, capMs: 10 * 60_000 } as const;

export function backoffDelayMs(attempts: number, random: () => number, retryAfterMs: number | null = null): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** exponent);
  const jittered = BACKOFF.floorMs + Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. Capped at a day. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    ms = at - now.getTime();
  }
  return Math.min(Math.max(ms, 0), 24 * 3600_000);
}
