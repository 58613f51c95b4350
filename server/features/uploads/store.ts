import fs from 'node:fs';
import path from 'node:path';
import type { PartialHashes } from './partial-hashes.ts';

/**
 * Scan files under `<dataDir>/uploads/<first two hex>/<sha256>`. Bytes arrive into `<sha256>.partial` and
 * the file is renamed to its final name only after its SHA-256 matched, so a file under its final name is
 * always complete and verified.
 */
export function finalPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'uploads', sha256.slice(0, 2), sha256);
}

export function partialPath(dataDir: string, sha256: string): string {
  return `${finalPath(dataDir, sha256)}.partial`;
}

export function partialSize(dataDir: string, sha256: string): number {
  try {
    return fs.statSync(partialPath(dataDir, sha256)).size;
  } catch {
    return 0;
  }
}

/** The SHA-256 of a partial upload of `size` bytes (running when trusted, else read from disk). */
export async function partialDigest(dataDir: string, sha256: string, size: number, hashes: PartialHashes): Promise<string> {
  const file = partialPath(dataDir, sha256);
  const handle = await fs.promises.open(file, 'r');
  try {
    return await hashes.digest(file, handle, size);
  } finally {
    await handle.close();
  }
}

export function discardPartial(dataDir: string, sha256: string, hashes: PartialHashes): void {
  hashes.forget(partialPath(dataDir, sha256));
  fs.rmSync(partialPath(dataDir, sha256), { force: true });
}

/** Pieces of a request body are gathered to about this size before each write: fewer, larger writes. */
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * Writes the request body into the partial file from `offset`, at most `limit` bytes. Returns how
 * many bytes were written and whether the body went past `limit`: a body cut by the network keeps what
 * arrived, so the counter resumes from there. One write is in flight while the next batch arrives. The file
 * is cut after the new end (a crash may have left stale bytes beyond the recorded offset) and synced before
 * the offset is recorded. Each batch is added to the file's running SHA-256 once it is written (`hashes`).
 */
export async function writeChunk(
  dataDir: string,
  sha256: string,
  offset: number,
  body: AsyncIterable<Buffer>,
  limit: number,
  hashes: PartialHashes,
): Promise<{ written: number; overLimit: boolean }> {
  const file = partialPath(dataDir, sha256);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const handle = await fs.promises.open(file, fs.existsSync(file) ? 'r+' : 'w+');
  let running;
  try {
    running = await hashes.resume(file, handle, offset);
  } catch (error) {
    await handle.close();
    throw error;
  }
  let written = 0;
  let failed = false;
  let received = 0;
  let overLimit = false;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = () => {
    const pieces = batch;
    const size = batchBytes;
    batch = [];
    batchBytes = 0;
    inFlight = inFlight.then(async () => {
      // The pieces as they came off the socket, in one vectored write: no copy into a batch buffer.
      let done = (await handle.writev(pieces, offset + written)).bytesWritten;
      if (done < size) {
        const rest = Buffer.concat(pieces, size);
        while (done < size) done += (await handle.write(rest, done, size - done, offset + written + done)).bytesWritten;
      }
      for (const piece of pieces) running.hash.update(piece);
      running.covered += size;
      written += size;
    });
    return inFlight;
  };
  try {
    for await (const chunk of body) {
      received += chunk.length;
      if (received > limit) {
        overLimit = true;
        break;
      }
      batch.push(chunk);
      batchBytes += chunk.length;
      // Waits only for the previous write: the socket keeps filling the next batch meanwhile.
      if (batchBytes >= WRITE_BATCH_BYTES) {
        await inFlight;
        void flush().catch(() => undefined);
      }
    }
  } catch {
    // The client went away mid-body: what arrived is kept.
  }
  try {
    if (!overLimit && batchBytes > 0) void flush().catch(() => undefined);
    await inFlight;
  } catch {
    // A failed write: only the bytes written before it count (the hash may hold a part of the failed batch).
    failed = true;
  }
  if (overLimit) written = 0; // nothing of a refused chunk is kept
  try {
    await handle.truncate(offset + written);
    await handle.sync();
    if (overLimit || failed) hashes.forget(file);
    else await hashes.settled(handle, running);
  } catch (error) {
    hashes.forget(file);
    throw error;
  } finally {
    await handle.close();
  }
  return { written, overLimit };
}

export function promote(dataDir: string, sha256: string, hashes: PartialHashes): void {
  hashes.forget(partialPath(dataDir, sha256));
  fs.renameSync(partialPath(dataDir, sha256), finalPath(dataDir, sha256));
}
