import type { AppContext } from '../../app/context.ts';
import { ApiError } from '../../http/errors.ts';
import type { Reply, RequestContext } from '../../http/reply.ts';
import { authenticateCounter, type CounterPrincipal } from './service.ts';

export type CounterHandler = (ctx: RequestContext, counter: CounterPrincipal) => Promise<Reply>;

function limited(retryAfterSeconds: number): ApiError {
  return new ApiError(429, 'rate-limited', { details: { retryAfterSeconds }, headers: { 'Retry-After': String(retryAfterSeconds) } });
}

/** Wraps a handler that needs a counter: authenticates, then applies the per-counter rate limit. */
export function withCounter(app: AppContext, handler: CounterHandler): (ctx: RequestContext) => Promise<Reply> {
  return async (ctx) => {
    let counter: CounterPrincipal;
    try {
      counter = await authenticateCounter(app, ctx.req.headers.authorization);
    } catch (error) {
      // Failed attempts count against the caller's IP, so a stream of bad credentials is slowed too.
      const taken = app.limiters.anonymous.take(`auth-failed:${ctx.clientIp}`);
      if (!taken.ok) throw limited(taken.retryAfterSeconds);
      throw error;
    }
    const taken = app.limiters.counter.take(counter.counterId);
    if (!taken.ok) throw limited(taken.retryAfterSeconds);
    return handler(ctx, counter);
  };
}

/** The IP-keyed limit for routes nobody authenticates to. */
export function withAnonymousLimit(app: AppContext, handler: (ctx: RequestContext) => Promise<Reply>): (ctx: RequestContext) => Promise<Reply> {
  return async (ctx) => {
    const taken = app.limiters.anonymous.take(ctx.clientIp);
    if (!taken.ok) throw limited(taken.retryAfterSeconds);
    return handler(ctx);
  };
}

export { limited as rateLimitedError };
