import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import {
  AuditUploadRequestSchema,
  CENTRAL_PATHS,
  CodeBlockRequestSchema,
  EnrolRequestSchema,
  PushRequestSchema,
  type AuditEntryWire,
  type CentralErrorCode,
  type PushResult,
  type StatusChange,
} from '../../../../shared/contract/central-api.ts';

/**
 * A small central server for sync tests, faithful to shared/contract/central-api.ts: real HTTP on
 * 127.0.0.1:0, requests validated with the contract's own schemas, Bearer `<counterId>.<secret>`, a Date
 * header on every answer. Switches inject the failures the counter must survive. Not the reference server
 * (server/): that one is tested against the counter through the fault proxy.
 */
/** reset: the connection drops before an answer; afterApply: the request is handled, then the answer is lost. */
export type Failure = Readonly<{ status?: number; code?: CentralErrorCode; retryAfter?: string; reset?: boolean; afterApply?: boolean }>;
type Enrolment = Readonly<{ agencyCode: string; agencyName: string; counterName: string; slot: number }>;
type Reply = Readonly<{ status: number; body?: unknown; headers?: Record<string, string> }>;

export type StandIn = Awaited<ReturnType<typeof startStandIn>>;

const MESSAGES: Partial<Record<CentralErrorCode, string>> = { 'rate-limited': 'Too many requests', internal: 'Server error' };

function fail(status: number, code: CentralErrorCode, message = MESSAGES[code] ?? code, details?: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: { error: { code, message, messageVi: message, ...(details === undefined ? {} : { details }) } } };
}

export async function startStandIn(clock: Readonly<{ now: () => Date }> = { now: () => new Date() }) {
  const enrolmentCodes = new Map<string, Enrolment>();
  const counters = new Map<string, { secret: string; revoked: boolean } & Enrolment>();
  const dossiers = new Map<string, { version: number; status: string; code: string }>();
  const seenJobIds: string[] = [];
  const requests: { method: string; path: string }[] = [];
  const audit: AuditEntryWire[] = [];
  const statusChanges: StatusChange[] = [];
  const nextBlock = new Map<string, number>();
  const failures = new Map<string, Failure[]>();
  const switches = { delayMs: 0, clockOffsetMs: 0, rejectDossiers: new Set<string>(), conflictDossiers: new Set<string>(), poisonDossiers: new Set<string>(), auditGapOnce: null as number | null, auditMismatchOnce: false };

  const now = () => new Date(clock.now().getTime() + switches.clockOffsetMs);

  function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> | Reply {
    const parsed = schema.safeParse(body);
    return parsed.success ? parsed.data : fail(400, 'invalid-input', 'Invalid request', { issues: parsed.error.issues.length });
  }

  function push(body: unknown): Reply {
    const request = parse(PushRequestSchema, body);
    if ('status' in request) return request;
    // A poisoned item makes the whole request invalid, as a strict server's validation would.
    if (request.items.some((item) => 'dossier' in item && switches.poisonDossiers.has(item.dossier.id))) return fail(422, 'invalid-input', 'An item is invalid');
    const results = request.items.map((item): PushResult => {
      seenJobIds.push(item.jobId);
      // Receipts (docs/RECEIPTS.md) are accepted as they come; the reference server checks and stores them.
      if (!('dossier' in item)) return { jobId: item.jobId, outcome: 'applied' };
      const { dossier } = item;
      if (switches.rejectDossiers.has(dossier.id)) return { jobId: item.jobId, outcome: 'rejected', code: 'invalid-input', message: 'procedure unknown to the server' };
      if (switches.conflictDossiers.has(dossier.id)) return { jobId: item.jobId, outcome: 'conflict', code: 'dossier-code-collision', message: 'Another dossier holds this code' };
      const held = dossiers.get(dossier.id);
      if (held && held.version >= dossier.version) return { jobId: item.jobId, outcome: 'unchanged', serverVersion: held.version };
      dossiers.set(dossier.id, { version: dossier.version, status: dossier.status, code: dossier.code });
      return { jobId: item.jobId, outcome: 'applied', serverVersion: dossier.version };
    });
    return { status: 200, body: { results, serverTime: now().toISOString() } };
  }

  function uploadAudit(body: unknown): Reply {
    const request = parse(AuditUploadRequestSchema, body);
    if ('status' in request) return request;
    if (switches.auditMismatchOnce) {
      switches.auditMismatchOnce = false;
      return fail(409, 'audit-chain-mismatch', 'Entry does not verify', { seq: request.entries[0]?.seq });
    }
    if (switches.auditGapOnce !== null) {
      const expectedSeq = switches.auditGapOnce;
      switches.auditGapOnce = null;
      audit.splice(expectedSeq - 1);
      return fail(409, 'audit-chain-gap', `Entries must continue from seq ${expectedSeq}`, { expectedSeq, acceptedThroughSeq: expectedSeq - 1 });
    }
    for (const entry of request.entries) {
      if (entry.seq <= audit.length) continue;
      if (entry.seq > audit.length + 1) return fail(409, 'audit-chain-gap', 'gap', { expectedSeq: audit.length + 1, acceptedThroughSeq: audit.length });
      audit.push(entry);
    }
    return { status: 200, body: { acceptedThroughSeq: audit.length } };
  }

  function route(method: string, url: URL, body: unknown, authorization: string | undefined): Reply {
    const path = url.pathname;
    if (method === 'GET' && path === CENTRAL_PATHS.health) return { status: 200, body: { ok: true, serverTime: now().toISOString(), apiVersion: 1 } };
    if (method === 'POST' && path === CENTRAL_PATHS.enrol) {
      const request = parse(EnrolRequestSchema, body);
      if ('status' in request) return request;
      const enrolment = enrolmentCodes.get(request.code);
      if (!enrolment) return fail(400, 'enrolment-code-invalid');
      enrolmentCodes.delete(request.code);
      const counterId = randomUUID();
      const secret = randomBytes(24).toString('base64url');
      counters.set(counterId, { ...enrolment, secret, revoked: false });
      return { status: 201, body: { counterId, credential: `${counterId}.${secret}`, ...enrolment, serverTime: now().toISOString() } };
    }
    const [counterId = '', secret] = (authorization?.replace(/^Bearer /, '') ?? '').split('.', 2);
    const counter = counters.get(counterId);
    if (!counter || counter.secret !== secret) return fail(401, 'unauthorized');
    if (counter.revoked) return fail(401, 'credential-revoked');
    if (method === 'POST' && path === CENTRAL_PATHS.push) return push(body);
    if (method === 'POST' && path === CENTRAL_PATHS.auditEntries) return uploadAudit(body);
    if (method === 'GET' && path === CENTRAL_PATHS.statusChanges) {
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const changes = statusChanges.filter((change) => change.cursor > after).slice(0, limit);
      return { status: 200, body: { changes, nextCursor: changes.at(-1)?.cursor ?? after } };
    }
    if (method === 'POST' && path === CENTRAL_PATHS.codeBlocks) {
      const request = parse(CodeBlockRequestSchema, body);
      if ('status' in request) return request;
      const first = nextBlock.get(request.day) ?? 1;
      if (first + request.count - 1 > 5999) return fail(409, 'code-space-exhausted');
      nextBlock.set(request.day, first + request.count);
      return { status: 201, body: { agencyCode: counter.agencyCode, day: request.day, first, last: first + request.count - 1, reservedAt: now().toISOString() } };
    }
    return fail(404, 'not-found');
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      requests.push({ method: req.method ?? '', path: url.pathname });
      const injected = failures.get(url.pathname)?.shift() ?? failures.get('*')?.shift();
      setTimeout(() => {
        if (injected?.reset && !injected.afterApply) return void req.socket.destroy();
        let body: unknown;
        try {
          body = chunks.length === 0 ? undefined : JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        const status = injected?.status ?? 500;
        const reply = injected && !injected.afterApply
          ? fail(status, injected.code ?? (status === 429 ? 'rate-limited' : 'internal'), undefined, undefined, injected.retryAfter ? { 'retry-after': injected.retryAfter } : {})
          : route(req.method ?? 'GET', url, body, req.headers.authorization);
        if (injected?.afterApply) return void req.socket.destroy();
        res.writeHead(reply.status, { 'content-type': 'application/json', date: now().toUTCString(), ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      }, switches.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    switches,
    dossiers,
    seenJobIds,
    requests,
    audit,
    addEnrolmentCode(code: string, enrolment: Enrolment): void {
      enrolmentCodes.set(code, enrolment);
    },
    revokeAll(revoked = true): void {
      for (const counter of counters.values()) counter.revoked = revoked;
    },
    /** The next `times` requests to `path` ('*' for any) fail this way, before reaching the routes. */
    failNext(path: string, failure: Failure, times = 1): void {
      failures.set(path, [...(failures.get(path) ?? []), ...Array<Failure>(times).fill(failure)]);
    },
    addStatusChange(change: Omit<StatusChange, 'cursor' | 'at'>): StatusChange {
      const full = { ...change, cursor: statusChanges.length + 1, at: now().toISOString() };
      statusChanges.push(full);
      return full;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
