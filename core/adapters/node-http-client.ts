import http from 'node:http';
import https from 'node:https';
import { HttpNetworkError, type HttpClient, type HttpRequest, type HttpResponse } from '../ports/http-client.ts';

/**
 * The counter's HTTP client on node:http / node:https with keep-alive agents.
 *
 * Why not `fetch`: undici copies every request body twice more (BodyInit → its own copy → a web stream chunk),
 * which for 8 MiB scan chunks cost more CPU than the SHA-256 of the bytes, and on a 2-core counter that CPU is
 * the upload's ceiling (docs/SYNC.md "Scan upload throughput"). It also re-sends a request on a fresh
 * connection by itself when a kept-alive socket turns out closed; here nothing is re-sent behind sync's back:
 * a failed request is an HttpNetworkError and sync's own retry (idempotent by id / offset) decides.
 */
export function createNodeHttpClient(): HttpClient {
  // Kept-alive sockets are dropped a second before the idle time the server announces (`Keep-Alive: timeout=5`,
  // which Node's agent reads), else after 60 s idle: a request is not written into a socket the server is
  // closing. Agents of this client only, not the process-wide global one.
  const agentOptions = { keepAlive: true, keepAliveMsecs: 1_000, maxSockets: 8, timeout: 60_000 };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  return {
    request: (request) => send(request, agents),
  };
}

function send(request: HttpRequest, agents: Readonly<{ 'http:': http.Agent; 'https:': https.Agent }>): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      reject(new HttpNetworkError(`not a URL: ${request.url}`));
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reject(new HttpNetworkError(`unsupported protocol ${url.protocol}`));
      return;
    }
    const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
    const headers: Record<string, string> = { ...request.headers };
    if (body !== undefined) headers['content-length'] = String(body.byteLength);
    let settled = false;
    let answer: HttpResponse | null = null;
    let bodyDone = false;
    // Resolved only once the answer is in AND the request body has left (or its connection closed): a server
    // may answer before reading the whole body, and the caller reuses the body's buffer after this resolves.
    const settleIfDone = () => {
      if (settled || answer === null || !bodyDone) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outgoing.destroy();
      reject(new HttpNetworkError(reason));
    };
    const module = url.protocol === 'https:' ? https : http;
    let outgoing: http.ClientRequest;
    try {
      outgoing = module.request(url, { method: request.method, headers, agent: agents[url.protocol] }, onAnswer);
    } catch (error) {
      // A header node:http refuses (a control character): the request never left.
      reject(new HttpNetworkError(error instanceof Error ? error.message : String(error)));
      return;
    }
    function onAnswer(incoming: http.IncomingMessage): void {
      const parts: Buffer[] = [];
      incoming.on('data', (part: Buffer) => parts.push(part));
      incoming.on('error', (error) => fail(error.message));
      incoming.on('close', () => incoming.complete || fail('the answer was cut'));
      incoming.on('end', () => {
        if (settled) return;
        if (!incoming.complete) {
          fail('the answer was cut');
          return;
        }
        const responseHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (value !== undefined) responseHeaders[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        const status = incoming.statusCode ?? 0;
        const bytes = Buffer.concat(parts);
        answer =
          request.responseType === 'bytes' && status >= 200 && status < 300
            ? { status, headers: responseHeaders, body: '', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
            : { status, headers: responseHeaders, body: bytes.toString('utf8') };
        settleIfDone();
      });
    }
    // The whole exchange, not only idle time: a server trickling bytes must not hold a drain forever.
    const timer = setTimeout(() => fail(`no complete answer within ${request.timeoutMs} ms`), request.timeoutMs);
    outgoing.on('error', (error) => fail(error.message));
    const bodyLeft = () => {
      bodyDone = true;
      settleIfDone();
    };
    outgoing.on('finish', bodyLeft);
    outgoing.on('close', bodyLeft);
    outgoing.end(body);
  });
}
