import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { CENTRAL_PATHS, MAX_UPLOAD_CHUNK_BYTES, UploadStateSchema, type UploadState } from '../../../shared/contract/central-api.ts';
import { HttpNetworkError, type HttpClient } from '../../ports/http-client.ts';
import { backoffDelayMs, parseRetryAfter } from './backoff.ts';
import { jsonBodyOf, type CentralFailure } from './central-client.ts';
import { hasOutboxJob } from './outbox-queue.ts';
import type { StepResult, SyncStepContext } from './push.ts';

/** What the documents feature offers the upload step (core/features/documents/service.ts). */
export type ScanUploads = Readonly<{
  uploadQueue(limit: number): readonly Readonly<{ sha256: string; size: number; pages?: number; attempts: number; dossierIds: readonly string[] }>[];
  fileOf(sha256: string): string | null;
  uploadRetry(sha256: string, attempts: number, delayMs: number, error: string): void;
  uploadConfirmed(sha256: string): void;
  /** A person asked to sync now: scans waiting out a backoff are due at once. */
  makeDue(): void;
  /** Documents linked to dossiers and not yet confirmed by the server, whether due now or backing off. */
  waiting(): number;
  applyRetention(): number;
}>;

/** PATCH with bytes: the JSON client does not carry binary bodies, so this one request is made here. */
export type RawUpload = Readonly<{ http: HttpClient; serverUrl: () => string | null; credential: () => string | null; timeoutMs: number; chunkBytes?: number }>;

type Outcome = 'confirmed' | 'damaged' | Readonly<{ failure: CentralFailure }>;

/** Files in flight at once: one file's round trips and the server's disk sync overlap another's bytes. */
const FILES_IN_FLIGHT = 3;
const SEVERITY: Readonly<Record<StepResult, number>> = { done: 0, 'retry-later': 1, paused: 2 };

/** A dossier the server does not have yet (a snapshot waiting, or refused) gets no files: they would dangle. */
function serverHasDossier(ctx: SyncStepContext, dossierId: string): boolean {
  return !hasOutboxJob(ctx.db(), dossierId);
}

/**
 * The SHA-256 of the bytes sent so far, so the file is read once: the local copy is checked against its name
 * before the last chunk leaves (a damaged file never completes an upload). When the server moves the offset
 * (a resume, a 409, a restart at 0) the hash is brought to the new offset from the file.
 */
function createSendHash(file: string) {
  let hash = createHash('sha256');
  let hashedTo = 0;
  return {
    async advanceTo(offset: number): Promise<void> {
      if (offset === hashedTo) return;
      if (offset < hashedTo) {
        hash = createHash('sha256');
        hashedTo = 0;
      }
      if (offset === hashedTo) return;
      // Streamed in 1 MiB pieces, so a large prefix never blocks the core (and the window) at once.
      for await (const piece of fs.createReadStream(file, { start: hashedTo, end: offset - 1, highWaterMark: 1024 * 1024 })) hash.update(piece as Buffer);
      hashedTo = offset;
    },
    add(chunk: Buffer): void {
      hash.update(chunk);
      hashedTo += chunk.length;
    },
    /** The digest so far, leaving the running hash usable (a 409 may send the same bytes again). */
    peek: (): string => hash.copy().digest('hex'),
  };
}

/** Reads into `buffer` (one per sender, reused: 8 MiB allocated per chunk kept the garbage collector busy). */
function readChunk(file: string, offset: number, length: number, buffer: Buffer): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, offset));
  } finally {
    fs.closeSync(fd);
  }
}

async function patchChunk(raw: RawUpload, sha256: string, offset: number, chunk: Buffer): Promise<{ status: number; body: unknown; retryAfter: string | undefined } | null> {
  const base = raw.serverUrl();
  if (base === null) return null;
  const headers: Record<string, string> = { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), accept: 'application/json' };
  const credential = raw.credential();
  if (credential !== null) headers.authorization = `Bearer ${credential}`;
  try {
    const response = await raw.http.request({ method: 'PATCH', url: new URL(`${CENTRAL_PATHS.uploads}/${sha256}`, base).toString(), headers, body: chunk, timeoutMs: raw.timeoutMs });
    return { status: response.status, body: jsonBodyOf(response.body), retryAfter: response.headers['retry-after'] };
  } catch (error) {
    if (error instanceof HttpNetworkError) return null;
    throw error;
  }
}

/**
 * One file: POST start (the server answers its offset — where a cut upload resumes — or `complete`), then
 * PATCH chunks of ≤ 8 MiB from that offset. 409 offset mismatch → continue from the server's offset; 422
 * checksum mismatch → the server restarted at 0, so does the counter (once a drain; the local file was
 * verified first, so a second mismatch is the network's and waits for the backoff).
 */
async function uploadOne(ctx: SyncStepContext, raw: RawUpload, file: string, item: Readonly<{ sha256: string; size: number; pages?: number; dossierIds: readonly string[] }>, buffer: Buffer): Promise<Outcome> {
  let state: UploadState | null = null;
  for (const dossierId of item.dossierIds) {
    const answer = await ctx.client.call({ method: 'POST', path: CENTRAL_PATHS.uploads, body: { sha256: item.sha256, size: item.size, dossierId, mediaType: 'application/pdf', ...(item.pages ? { pages: item.pages } : {}) } }, UploadStateSchema);
    if (!answer.ok) return { failure: answer.failure };
    state = answer.value;
  }
  if (state === null) return { failure: { kind: 'client-error', status: 0, code: 'no-dossier', message: 'not linked', details: undefined } };
  const chunkBytes = buffer.length;
  const sent = createSendHash(file);
  let restarts = 0;
  while (!state.complete) {
    if (ctx.stopped()) return { failure: { kind: 'retry', problem: 'server-unreachable', message: 'stopping', retryAfterMs: null } };
    const chunk = readChunk(file, state.offset, Math.min(chunkBytes, item.size - state.offset), buffer);
    await sent.advanceTo(state.offset);
    sent.add(chunk);
    if (chunk.length < Math.min(chunkBytes, item.size - state.offset) || (state.offset + chunk.length === item.size && sent.peek() !== item.sha256)) return 'damaged';
    const answer = await patchChunk(raw, item.sha256, state.offset, chunk);
    if (answer === null) return { failure: { kind: 'retry', problem: 'server-unreachable', message: 'The upload was cut; it resumes from the server’s offset', retryAfterMs: null } };
    const code = (answer.body as { error?: { code?: string; details?: { offset?: unknown } } } | undefined)?.error;
    if (answer.status === 200) {
      const parsed = UploadStateSchema.safeParse(answer.body);
      if (!parsed.success) return { failure: { kind: 'retry', problem: 'server-error', message: 'The upload answer does not match the contract', retryAfterMs: null } };
      state = parsed.data;
    } else if (answer.status === 409 && typeof code?.details?.offset === 'number' && code.details.offset <= item.size) {
      state = { ...state, offset: code.details.offset };
    } else if (answer.status === 422 && code?.code === 'upload-checksum-mismatch' && restarts === 0) {
      restarts += 1;
      state = { ...state, offset: 0 };
    } else if (answer.status === 401 || answer.status === 403) {
      return { failure: { kind: 'refused', status: answer.status, code: code?.code ?? `http-${answer.status}`, message: `The server refused this counter's credential (HTTP ${answer.status})` } };
    } else {
      const retryAfterMs = parseRetryAfter(answer.retryAfter, ctx.clock.now());
      return { failure: { kind: 'retry', problem: 'server-error', message: `The upload answered HTTP ${answer.status} (${code?.code ?? 'unknown'})`, retryAfterMs } };
    }
  }
  return 'confirmed';
}

/**
 * The sync step for scans: documents linked to dossiers the server already has, not yet confirmed, due by
 * their own backoff (persisted per document), a few files at a time. Then retention: confirmed files older
 * than the setting leave the counter. Paths, names and contents are never logged; counts and codes only.
 */
export async function uploadScans(ctx: SyncStepContext, scans: ScanUploads, raw: RawUpload): Promise<StepResult> {
  const due = scans.uploadQueue(20).filter((item) => item.dossierIds.every((id) => serverHasDossier(ctx, id)));
  let result = 'done' as StepResult;
  let next = 0;
  const confirmed: string[] = [];
  const chunkBytes = Math.min(raw.chunkBytes ?? MAX_UPLOAD_CHUNK_BYTES, MAX_UPLOAD_CHUNK_BYTES);
  const sendFiles = async () => {
    // A chunk's bytes are read into the sender's buffer only after the previous chunk's answer came back,
    // that is after the HTTP client has written all of it: the buffer is never changed under a request.
    const buffer = Buffer.allocUnsafe(chunkBytes);
    for (let item = due[next++]; item !== undefined && result === 'done' && !ctx.stopped(); item = due[next++]) {
      const outcome = await uploadItem(ctx, scans, raw, item, buffer, confirmed);
      // A paused credential outranks a failing server, which outranks success, whichever file ends last.
      if (SEVERITY[outcome] > SEVERITY[result]) result = outcome;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, due.length) }, sendFiles));
  } finally {
    // One commit (one disk sync) for the round's confirmations: a commit per file stalled the other files'
    // transfers on this one thread. A confirmation lost to a crash costs one POST: the server answers complete.
    if (confirmed.length > 0) {
      ctx.db().transaction(() => {
        for (const sha256 of confirmed) scans.uploadConfirmed(sha256);
      })();
    }
  }
  if (result !== 'paused') scans.applyRetention();
  return result;
}

/** One document: uploaded (its confirmation written with the round's), or given its next attempt (the server failing stops the others). */
async function uploadItem(
  ctx: SyncStepContext,
  scans: ScanUploads,
  raw: RawUpload,
  item: Readonly<{ sha256: string; size: number; attempts: number; dossierIds: readonly string[] }>,
  buffer: Buffer,
  confirmed: string[],
): Promise<StepResult> {
  const file = scans.fileOf(item.sha256);
  const outcome = file === null ? 'damaged' : await uploadOne(ctx, raw, file, item, buffer);
  if (outcome === 'confirmed') {
    ctx.report(null);
    confirmed.push(item.sha256);
    return 'done';
  }
  if (outcome === 'damaged') {
    scans.uploadRetry(item.sha256, item.attempts + 1, 24 * 3600_000, 'The file on this counter is missing or damaged');
    ctx.logger.error('scan file missing or damaged; not uploaded', { attempts: item.attempts + 1 });
    return 'done';
  }
  const { failure } = outcome;
  ctx.report(failure);
  if (failure.kind === 'refused') return 'paused';
  const retryAfter = failure.kind === 'retry' ? failure.retryAfterMs : null;
  scans.uploadRetry(item.sha256, item.attempts + 1, backoffDelayMs(item.attempts + 1, ctx.random, retryAfter), failure.message);
  ctx.logger.warn('scan upload will be retried', { attempts: item.attempts + 1, kind: failure.kind, code: 'code' in failure ? failure.code : failure.problem });
  // The server is failing: the other files would fail the same way.
  return failure.kind === 'retry' ? 'retry-later' : 'done';
}
