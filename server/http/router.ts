import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errorEnvelope } from './errors.ts';
import { writeReply, type Reply, type RequestContext } from './reply.ts';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH';

export type Route = Readonly<{
  method: Method;
  /** `/api/v1/uploads/{sha256}`: `{name}` matches one path segment. */
  path: string;
  handle: (ctx: RequestContext) => Promise<Reply>;
}>;

type CompiledRoute = Route & { pattern: RegExp; names: string[] };

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}$`), names };
}

export type RouterOptions = Readonly<{
  trustProxy: boolean;
  log: (line: string) => void;
}>;

export function clientIpOf(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  // Only behind a reverse proxy the operator configured: otherwise anyone could pick their own rate-limit key.
  if (trustProxy && typeof forwarded === 'string') return forwarded.split(',')[0]!.trim();
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Matches method and path, runs the handler, and turns every failure into the JSON error envelope (a route
 * that serves HTML renders its own errors). Unknown errors are logged with their stack and answered
 * `internal` without details: SQL and paths stay on the server.
 */
export function createRouter(routes: readonly Route[], options: RouterOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const compiled = routes.map(compile);
  return (req, res) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    void (async () => {
      try {
        const candidates = compiled.filter((route) => route.pattern.test(url.pathname));
        if (candidates.length === 0) throw new ApiError(404, 'not-found', { message: `No such path: ${url.pathname}` });
        const route = candidates.find((candidate) => candidate.method === method);
        if (!route) {
          const allow = [...new Set(candidates.map((candidate) => candidate.method))].join(', ');
          throw new ApiError(405, 'not-found', { message: `${method} is not supported here; use ${allow}`, headers: { Allow: allow } });
        }
        const match = route.pattern.exec(url.pathname)!;
        const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
        const reply = await route.handle({ req, res, url, params, clientIp: clientIpOf(req, options.trustProxy) });
        writeReply(res, reply, method);
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError(500, 'internal');
        if (!(error instanceof ApiError)) options.log(`${method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (res.headersSent) {
          res.destroy();
          return;
        }
        // A refused body is not read to its end; close the connection after the answer rather than drain it.
        if (!req.complete) res.setHeader('Connection', 'close');
        writeReply(res, { status: apiError.status, json: errorEnvelope(apiError), headers: apiError.headers }, method);
      }
    })();
  };
}
