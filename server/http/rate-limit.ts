/**
 * Token buckets in memory, one per key (a counter id, a client IP). The reference server is one process, so
 * memory is the right place; a deployment with several processes would limit at its reverse proxy instead.
 */
export type RateLimiter = Readonly<{
  /** Takes one token; when none is left, says how many whole seconds until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number };
}>;

const MAX_BUCKETS = 50_000;

export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  return {
    take(key) {
      const time = now();
      if (buckets.size > MAX_BUCKETS) buckets.clear(); // forgetting is safe: a bucket only ever refills
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * perMs);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
