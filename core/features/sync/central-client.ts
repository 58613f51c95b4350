import type { z } from 'zod';
import { CentralErrorSchema } from '../../../shared/contract/central-api.ts';
import type { Clock } from '../../ports/clock.ts';
import { HttpNetworkError, type HttpClient } from '../../ports/http-client.ts';
import { parseRetryAfter } from './backoff.ts';

/**
 * What went wrong with one request, in the terms the outbox acts on:
 * retry — network, timeout, 408/429/5xx, or an answer that breaks the contract: nothing is lost, try later;
 * refused — 401/403: the credential is not accepted; stop sending until a person acts;
 * client-error — any other 4xx: the request itself is wrong (400/422 dead-letter; 409 has its own rules).
 */
export type CentralFailure =
  | Readonly<{ kind: 'retry'; problem: 'server-unreachable' | 'server-error'; message: string; retryAfterMs: number | null }>
  | Readonly<{ kind: 'refused'; status: number; code: string; message: string }>
  | Readonly<{ kind: 'client-error'; status: number; code: string; message: string; details: unknown }>;

export type CentralAnswer<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; failure: CentralFailure }>;

export type CentralClientOptions = Readonly<{
  http: HttpClient;
  clock: Clock;
  timeoutMs: number;
  serverUrl: () => string | null;
  /** `<counterId>.<secret>`, or null before enrolment (enrolment itself needs none). */
  credential: () => string | null;
  /** Every answer carries the server's time: server minus counter, in seconds. */
  onClockSkew: (skewSeconds: number) => void;
}>;

/**
 * `ifNoneMatch`: a conditional GET of versioned reference data. The server's 304 reaches the caller's schema
 * as an `undefined` body, so such a caller passes `Schema.optional()` and reads `undefined` as "unchanged".
 */
export type CentralCall = Readonly<{
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  ifNoneMatch?: string;
  /** Shorter than the client's own limit for a call a clerk is waiting on (a look-up while the server is away). */
  timeoutMs?: number;
}>;

export interface CentralClient {
  call<S extends z.ZodType>(request: CentralCall, schema: S): Promise<CentralAnswer<z.output<S>>>;
  /** A GET whose 2xx answer is a file: its bytes as they came (the caller verifies them); errors as for `call`. */
  download(path: string, timeoutMs?: number): Promise<CentralAnswer<Uint8Array>>;
}

/** What a 2xx answer becomes: a value, or null when it breaks the contract. */
type Decode<T> = (status: number, body: unknown, bytes: Uint8Array | undefined) => { value: T } | null;

/** Server minus counter, in seconds to one decimal, against the midpoint of the request's round trip. */
export function clockSkewSeconds(serverMs: number, sentAt: number, receivedAt: number): number {
  return Math.round((serverMs - (sentAt + receivedAt) / 2) / 100) / 10;
}

/** A response body as JSON; an empty or unparseable body is `undefined`. */
export function jsonBodyOf(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function serverTimeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as { serverTime?: unknown }).serverTime;
  return typeof value === 'string' ? value : undefined;
}

export function createCentralClient(options: CentralClientOptions): CentralClient {
  const { http, clock } = options;

  /** The body's serverTime (milliseconds) when there is one, else the Date header (seconds). */
  function checkClock(sentAt: number, receivedAt: number, dateHeader: string | undefined, body: unknown): void {
    const stated = serverTimeOf(body) ?? dateHeader;
    const serverMs = stated === undefined ? Number.NaN : Date.parse(stated);
    if (!Number.isNaN(serverMs)) options.onClockSkew(clockSkewSeconds(serverMs, sentAt, receivedAt));
  }

  async function withCredential<T>(request: CentralCall, decode: Decode<T>, bytes: boolean): Promise<CentralAnswer<T>> {
    const credential = options.credential();
    const answer = await send(request, decode, credential, bytes);
    // Refused with a credential that was replaced meanwhile (a rotation finished while this request was on
    // its way, and the server forgot the old one when the new one was first used): once more with the new.
    if (!answer.ok && answer.failure.kind === 'refused' && options.credential() !== credential) return send(request, decode, options.credential(), bytes);
    return answer;
  }

  const client: CentralClient = {
    call(request, schema) {
      return withCredential(
        request,
        (status, body) => {
          const parsed = schema.safeParse(status === 304 ? undefined : body);
          return parsed.success ? { value: parsed.data } : null;
        },
        false,
      );
    },
    download(path, timeoutMs) {
      return withCredential({ method: 'GET', path, ...(timeoutMs === undefined ? {} : { timeoutMs }) }, (_status, _body, bytes) => (bytes === undefined ? null : { value: bytes }), true);
    },
  };
  return client;

  async function send<T>(request: CentralCall, decode: Decode<T>, credential: string | null, bytes: boolean): Promise<CentralAnswer<T>> {
    const base = options.serverUrl();
    if (base === null) return { ok: false, failure: { kind: 'retry', problem: 'server-unreachable', message: 'No server address', retryAfterMs: null } };
    const headers: Record<string, string> = { accept: bytes ? '*/*' : 'application/json' };
    if (credential !== null) headers.authorization = `Bearer ${credential}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.ifNoneMatch !== undefined) headers['if-none-match'] = request.ifNoneMatch;
    const sentAt = clock.now().getTime();
    let response;
    try {
      response = await http.request({
        method: request.method,
        url: new URL(request.path, base).toString(),
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        ...(bytes ? { responseType: 'bytes' as const } : {}),
        timeoutMs: request.timeoutMs ?? options.timeoutMs,
      });
    } catch (error) {
      const reason = error instanceof HttpNetworkError ? error.message : 'request failed';
      return { ok: false, failure: { kind: 'retry', problem: 'server-unreachable', message: `No connection to the server: ${reason}`, retryAfterMs: null } };
    }
    const receivedAt = clock.now().getTime();
    const body = jsonBodyOf(response.body);
    checkClock(sentAt, receivedAt, response.headers.date, body);
    const { status } = response;
    if ((status >= 200 && status < 300) || (status === 304 && request.ifNoneMatch !== undefined)) {
      const decoded = decode(status, body, response.bytes);
      if (decoded !== null) return { ok: true, value: decoded.value };
      return { ok: false, failure: { kind: 'retry', problem: 'server-error', message: `The server's answer to ${request.path} does not match the contract`, retryAfterMs: null } };
    }
    const error = CentralErrorSchema.safeParse(body);
    const code = error.success ? error.data.error.code : `http-${status}`;
    const message = error.success ? error.data.error.message : `HTTP ${status}`;
    if (status === 401 || status === 403) return { ok: false, failure: { kind: 'refused', status, code, message: `The server refused this counter's credential (HTTP ${status} ${code})` } };
    if (status === 408 || status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], new Date(receivedAt));
      return { ok: false, failure: { kind: 'retry', problem: 'server-error', message: `The server answered HTTP ${status} (${code})`, retryAfterMs } };
    }
    return { ok: false, failure: { kind: 'client-error', status, code, message, details: error.success ? error.data.error.details : undefined } };
  }
}
