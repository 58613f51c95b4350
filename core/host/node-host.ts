import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { isEventName } from '../../shared/contract/events.ts';
import type { ErrorCode } from '../../shared/contract/errors.ts';
import { failResult, type RpcResult } from '../../shared/contract/result.ts';
import { ClientSocketMessageSchema, EVENTS_PATH, MAX_REQUEST_BYTES, RPC_PATH_PREFIX, type ServerSocketMessage } from '../../shared/contract/wire.ts';
import type { Core } from '../app/create-core.ts';
import type { Logger } from '../ports/logger.ts';
import { isAllowedOrigin, isOwnHost, loopbackAddress } from './loopback.ts';
import { contentTypeFor, resolveStaticPath, UI_CONTENT_SECURITY_POLICY } from './static-path.ts';

export type NodeHostOptions = Readonly<{
  core: Core;
  /** The built renderer (dist/renderer). */
  uiDir: string;
  port: number;
  host?: string;
  logger: Logger;
}>;

export type NodeHost = Readonly<{ url: string; port: number; close(): Promise<void> }>;

/** Past this we stop draining an oversized body and drop the connection. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

const STATUS_FOR: Partial<Record<ErrorCode, number>> = {
  'invalid-json': 400,
  'forbidden-origin': 403,
  'not-found': 404,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
};

function sendEnvelope(response: http.ServerResponse, result: RpcResult<unknown>, status = 200): void {
  const body = JSON.stringify(result);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

function sendFailure(response: http.ServerResponse, code: ErrorCode, message: string): void {
  sendEnvelope(response, failResult(code, message), STATUS_FOR[code] ?? 400);
}

type BodyResult = { kind: 'body'; text: string } | { kind: 'too-large' };

/** Reads at most MAX_REQUEST_BYTES; a larger body is drained (up to a cap) so the client can read our answer. */
function readBody(request: http.IncomingMessage): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) request.destroy();
    });
    request.on('end', () => resolve(size > MAX_REQUEST_BYTES ? { kind: 'too-large' } : { kind: 'body', text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', reject);
  });
}

function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && /^application\/json\s*(;|$)/i.test(header);
}

async function handleRpc(core: Core, request: http.IncomingMessage, response: http.ServerResponse, method: string): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendEnvelope(response, failResult('invalid-input', 'Calls are made with POST'), 405);
    return;
  }
  if (!isJsonContentType(request.headers['content-type'])) {
    sendFailure(response, 'unsupported-media-type', 'Content-Type must be application/json');
    return;
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_DRAIN_BYTES) {
    response.setHeader('Connection', 'close');
    sendFailure(response, 'payload-too-large', `The request may be at most ${MAX_REQUEST_BYTES} bytes`);
    request.destroy();
    return;
  }
  const body = await readBody(request);
  if (body.kind === 'too-large') {
    sendFailure(response, 'payload-too-large', `The request may be at most ${MAX_REQUEST_BYTES} bytes`);
    return;
  }
  let input: unknown = {};
  if (body.text.trim() !== '') {
    try {
      input = JSON.parse(body.text);
    } catch (error) {
      sendFailure(response, 'invalid-json', `The request body is not valid JSON: ${error instanceof Error ? error.message : ''}`.trim());
      return;
    }
  }
  sendEnvelope(response, await core.dispatch(method, input));
}

function serveStatic(uiDir: string, request: http.IncomingMessage, response: http.ServerResponse, pathname: string): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
    return;
  }
  const indexFile = resolveStaticPath(uiDir, '/');
  if (!indexFile || !fs.existsSync(indexFile)) {
    response.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Giao diện chưa được build: chạy `npm run build:renderer`.\nThe UI is not built: run `npm run build:renderer`.\n');
    return;
  }
  let file = resolveStaticPath(uiDir, pathname);
  if (file === null) {
    response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    // Screens are client-side routes: a path without a file extension gets the app; a missing asset is a 404.
    if (/\.[a-z0-9]+$/i.test(pathname)) {
      response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    file = indexFile;
  }
  const content = fs.readFileSync(file);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(file),
    'Content-Length': content.length,
    'Content-Security-Policy': UI_CONTENT_SECURITY_POLICY,
    'X-Frame-Options': 'DENY',
  });
  response.end(request.method === 'HEAD' ? undefined : content);
}

function send(socket: WebSocket, message: ServerSocketMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** One socket, many subscriptions; all are dropped when the socket closes. */
function attachEventSocket(core: Core, socket: WebSocket): void {
  const subscriptions = new Map<string, () => void>();
  socket.on('message', (data, isBinary) => {
    let message: unknown;
    try {
      if (isBinary) throw new Error('binary frame');
      message = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'));
    } catch {
      send(socket, { type: 'error', code: 'invalid-json', message: 'Messages must be JSON' });
      return;
    }
    const parsed = ClientSocketMessageSchema.safeParse(message);
    if (!parsed.success) {
      send(socket, { type: 'error', code: 'invalid-input', message: 'Expected {type: "subscribe"|"unsubscribe", event}' });
      return;
    }
    const { type, event } = parsed.data;
    if (!isEventName(event)) {
      send(socket, { type: 'error', code: 'invalid-input', message: `Unknown event: ${event}` });
      return;
    }
    if (type === 'subscribe') {
      if (!subscriptions.has(event)) {
        subscriptions.set(event, core.subscribe(event, (payload) => send(socket, { type: 'event', event, payload })));
      }
      send(socket, { type: 'subscribed', event });
    } else {
      subscriptions.get(event)?.();
      subscriptions.delete(event);
      send(socket, { type: 'unsubscribed', event });
    }
  });
  socket.on('close', () => {
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  });
}

/**
 * `desk serve`: the built UI plus the contract over HTTP (calls) and WebSocket (events), on loopback
 * only. Every bad request gets an envelope with a stable code; none of them stops the process.
 */
export async function startNodeHost(options: NodeHostOptions): Promise<NodeHost> {
  const { core, logger } = options;
  const address = loopbackAddress(options.host ?? '127.0.0.1');
  let port = options.port;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (!isOwnHost(request.headers.host, port)) {
      sendFailure(response, 'forbidden-origin', 'Unknown Host header');
      return;
    }
    if (!isAllowedOrigin(request.headers.origin, port)) {
      sendFailure(response, 'forbidden-origin', 'Requests from other sites are refused');
      return;
    }
    if (url.pathname.startsWith(RPC_PATH_PREFIX)) {
      handleRpc(core, request, response, decodeURIComponent(url.pathname.slice(RPC_PATH_PREFIX.length))).catch((error: unknown) => {
        logger.error('rpc request failed', { error: error instanceof Error ? error.message : String(error) });
        if (!response.headersSent) sendFailure(response, 'internal', 'Internal error');
      });
      return;
    }
    serveStatic(options.uiDir, request, response, url.pathname);
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (url.pathname !== EVENTS_PATH || !isOwnHost(request.headers.host, port) || !isAllowedOrigin(request.headers.origin, port)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachEventSocket(core, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const hostInUrl = address === '::1' ? '[::1]' : address;
  return {
    url: `http://${hostInUrl}:${port}`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
