import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers; the router writes it. `body` is for non-JSON answers (HTML, nothing for HEAD). */
export type Reply = Readonly<{
  status: number;
  json?: unknown;
  html?: string;
  /** A file streamed as it is (scans), with its media type and size. */
  file?: Readonly<{ path: string; size: number; mediaType: string }>;
  headers?: Readonly<Record<string, string>>;
}>;

export type RequestContext = Readonly<{
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Readonly<Record<string, string>>;
  clientIp: string;
}>;

export const json = (status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Reply => ({ status, json: body, headers });

export function writeReply(res: ServerResponse, reply: Reply, method: string): void {
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  // Nothing here is for caches between the counter and the server except what carries an ETag.
  if (!res.hasHeader('Cache-Control')) res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (reply.file !== undefined) {
    res.setHeader('Content-Type', reply.file.mediaType);
    res.setHeader('Content-Length', reply.file.size);
    if (method === 'HEAD') return void res.end();
    const stream = fs.createReadStream(reply.file.path);
    stream.on('error', () => res.destroy()); // the length was promised: a cut answer, never a short one
    stream.pipe(res);
    return;
  }
  let body: string | undefined;
  if (reply.json !== undefined) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    body = JSON.stringify(reply.json);
  } else if (reply.html !== undefined) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    // The look-up page uses no script and no external asset; say so to the browser.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    res.setHeader('Referrer-Policy', 'no-referrer');
    body = reply.html;
  }
  if (body === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(method === 'HEAD' ? undefined : body);
}
