import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('rate limiter', () => {
  it('allows a burst of one minute’s allowance, then says when to retry, and refills', () => {
    let now = 0;
    const limiter = createRateLimiter(6, () => now);
    for (let i = 0; i < 6; i += 1) expect(limiter.take('ip')).toEqual({ ok: true });
    expect(limiter.take('ip')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(limiter.take('other')).toEqual({ ok: true });
    now += 10_000;
    expect(limiter.take('ip')).toEqual({ ok: true });
  });
});
