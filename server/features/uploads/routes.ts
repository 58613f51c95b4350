import path from 'node:path';
import { CENTRAL_PATHS, MAX_UPLOAD_CHUNK_BYTES, UploadStartRequestSchema, type UploadState } from '../../../shared/contract/central-api.ts';
import type { AppContext } from '../../app/context.ts';
import { readJson } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { json } from '../../http/reply.ts';
import type { Route } from '../../http/router.ts';
import { withCounter } from '../counters/guard.ts';
import { agencyHoldsFile } from '../documents/repo.ts';
import { completeFile, findUpload, markComplete, setReceived, startUpload, type UploadRow } from './repo.ts';
import { createPartialHashes } from './partial-hashes.ts';
import { discardPartial, finalPath, partialDigest, partialSize, promote, writeChunk } from './store.ts';

const SHA256 = /^[0-9a-f]{64}$/;
const CHUNK_TYPES = /^application\/(offset\+)?octet-stream\b/i;

const stateOf = (row: UploadRow): UploadState => ({ sha256: row.sha256, size: row.size, offset: row.complete ? row.size : row.received, complete: row.complete });
const offsetHeaders = (state: UploadState) => ({ 'Upload-Offset': String(state.offset), 'Upload-Length': String(state.size) });

/** One upload at a time per file: PATCHes for the same SHA-256 take turns (the server is one process). */
function createSerialiser() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return run;
  };
}

export function uploadRoutes(app: AppContext): Route[] {
  const serialise = createSerialiser();
  const hashes = createPartialHashes();

  /** The recorded offset, never past the bytes actually on disk (a crash between write and record). */
  async function reconciled(row: UploadRow): Promise<UploadRow> {
    if (row.complete) return row;
    const onDisk = partialSize(app.dataDir, row.sha256);
    if (onDisk >= row.received) return row;
    await setReceived(app.sql, row.sha256, onDisk);
    return { ...row, received: onDisk };
  }

  async function current(sha256: string): Promise<UploadRow | null> {
    const row = await findUpload(app.sql, sha256);
    return row && reconciled(row);
  }

  const shaParam = (value: string | undefined): string => {
    if (!value || !SHA256.test(value)) throw new ApiError(404, 'not-found', { message: 'No such upload' });
    return value;
  };

  return [
    {
      method: 'POST',
      path: CENTRAL_PATHS.uploads,
      handle: withCounter(app, async (ctx, counter) => {
        const input = await readJson(ctx.req, app.limits.jsonBodyBytes, UploadStartRequestSchema);
        const state = await serialise(input.sha256, async () => {
          const relative = path.relative(app.dataDir, finalPath(app.dataDir, input.sha256));
          const started = { sha256: input.sha256, size: input.size, mediaType: input.mediaType, filePath: relative, pages: input.pages };
          const row = await reconciled(await startUpload(app.sql, { ...started, agencyId: counter.agencyId, dossierId: input.dossierId }));
          if (!row.complete && row.size !== input.size) {
            // Same SHA-256, another size: the earlier start was wrong; begin again with this one.
            discardPartial(app.dataDir, input.sha256, hashes);
            await setReceived(app.sql, input.sha256, 0, input.size);
            return stateOf({ ...row, size: input.size, received: 0 });
          }
          return stateOf(row);
        });
        return json(200, state, offsetHeaders(state));
      }),
    },
    {
      // A verified file, to a counter of an agency one of whose dossiers names it (reuse on another counter).
      // Another agency's file answers 404 like a missing one: a hash tells nobody what exists elsewhere.
      method: 'GET',
      path: `${CENTRAL_PATHS.uploads}/{sha256}`,
      handle: withCounter(app, async (ctx, counter) => {
        const sha256 = shaParam(ctx.params.sha256);
        const file = await completeFile(app.sql, sha256);
        if (!file || !(await agencyHoldsFile(app.sql, counter.agencyId, sha256))) throw new ApiError(404, 'not-found', { message: 'No such file' });
        return { status: 200, file: { path: finalPath(app.dataDir, sha256), size: file.size, mediaType: file.mediaType } };
      }),
    },
    {
      method: 'HEAD',
      path: `${CENTRAL_PATHS.uploads}/{sha256}`,
      handle: withCounter(app, async (ctx) => {
        const row = await current(shaParam(ctx.params.sha256));
        if (!row) throw new ApiError(404, 'not-found', { message: 'No such upload' });
        return { status: 200, headers: offsetHeaders(stateOf(row)) };
      }),
    },
    {
      method: 'PATCH',
      path: `${CENTRAL_PATHS.uploads}/{sha256}`,
      handle: withCounter(app, async (ctx) => {
        const sha256 = shaParam(ctx.params.sha256);
        if (!CHUNK_TYPES.test(ctx.req.headers['content-type'] ?? '')) {
          throw new ApiError(400, 'invalid-input', { message: 'Content-Type must be application/offset+octet-stream' });
        }
        const offset = Number(ctx.req.headers['upload-offset']);
        if (!Number.isSafeInteger(offset) || offset < 0) throw new ApiError(400, 'invalid-input', { message: 'Upload-Offset header missing or invalid' });
        if (Number(ctx.req.headers['content-length'] ?? 0) > MAX_UPLOAD_CHUNK_BYTES) {
          throw new ApiError(413, 'payload-too-large', { message: `A chunk may not exceed ${MAX_UPLOAD_CHUNK_BYTES} bytes`, details: { limit: MAX_UPLOAD_CHUNK_BYTES } });
        }
        const state = await serialise(sha256, async () => {
          const row = await current(sha256);
          if (!row) throw new ApiError(404, 'not-found', { message: 'No such upload; start it with POST first' });
          if (row.complete) return stateOf(row);
          if (offset !== row.received) {
            throw new ApiError(409, 'upload-offset-mismatch', { details: { offset: row.received }, headers: offsetHeaders(stateOf(row)) });
          }
          const room = Math.min(MAX_UPLOAD_CHUNK_BYTES, row.size - row.received);
          const result = await writeChunk(app.dataDir, sha256, offset, ctx.req, room, hashes);
          if (result.overLimit) {
            throw new ApiError(413, 'payload-too-large', { message: `The chunk goes past the file's size or ${MAX_UPLOAD_CHUNK_BYTES} bytes`, headers: offsetHeaders(stateOf(row)) });
          }
          const received = offset + result.written;
          if (received < row.size) {
            await setReceived(app.sql, sha256, received);
            return stateOf({ ...row, received });
          }
          // The last bytes: completion (or the restart at 0) is recorded next. Were the server to stop in
          // between, the older recorded offset stands and the counter sends those bytes again: nothing is lost.
          const actual = await partialDigest(app.dataDir, sha256, row.size, hashes);
          if (actual !== sha256) {
            discardPartial(app.dataDir, sha256, hashes);
            await setReceived(app.sql, sha256, 0);
            throw new ApiError(422, 'upload-checksum-mismatch', { details: { expected: sha256, actual, offset: 0 }, headers: offsetHeaders(stateOf({ ...row, received: 0 })) });
          }
          promote(app.dataDir, sha256, hashes);
          await markComplete(app.sql, sha256);
          return stateOf({ ...row, received: row.size, complete: true });
        });
        return json(200, state, offsetHeaders(state));
      }),
    },
  ];
}
