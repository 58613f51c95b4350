import type { AppContext } from '../../app/context.ts';
import { ApiError } from '../../http/errors.ts';
import type { RateLimiter } from '../../http/rate-limit.ts';
import type { Reply, RequestContext } from '../../http/reply.ts';
import { authenticateCounter, type CounterPrincipal } from './service.ts';

type Handler = (ctx: RequestContext) => Promise<Reply>;

/** Takes one token from `limiter` for `key`, or answers 429 with Retry-After. */
export function spend(limiter: RateLimiter, key: string): void {
  const taken = limiter.take(key);
  if (!taken.ok) throw new ApiError(429, 'rate-limited', { details: { retryAfterSeconds: taken.retryAfterSeconds }, headers: { 'Retry-After': String(taken.retryAfterSeconds) } });
}

/**
 * Wraps a handler that needs a principal: authenticates it from the Authorization header, then applies the
 * authenticated rate limit under `limitKey`. Failed attempts count against the caller's IP, so a stream of
 * bad credentials is slowed too.
 */
export function withPrincipal<P>(
  app: AppContext,
  authenticate: (authorization: string | undefined) => Promise<P>,
  limitKey: (principal: P) => string,
  handler: (ctx: RequestContext, principal: P) => Promise<Reply>,
): Handler {
  return async (ctx) => {
    let principal: P;
    try {
      principal = await authenticate(ctx.req.headers.authorization);
    } catch (error) {
      spend(app.limiters.anonymous, `auth-failed:${ctx.clientIp}`);
      throw error;
    }
    spend(app.limiters.counter, limitKey(principal));
    return handler(ctx, principal);
  };
}

/** Wraps a handler that needs a counter: authenticates, then applies the per-counter rate limit. */
export function withCounter(app: AppContext, handler: (ctx: RequestContext, counter: CounterPrincipal) => Promise<Reply>): Handler {
  return withPrincipal(app, (authorization) => authenticateCounter(app, authorization), (counter) => counter.counterId, handler);
}

/** The IP-keyed limit for routes nobody authenticates to. */
export function withAnonymousLimit(app: AppContext, handler: Handler): Handler {
  return async (ctx) => {
    spend(app.limiters.anonymous, ctx.clientIp);
    return handler(ctx);
  };
}
