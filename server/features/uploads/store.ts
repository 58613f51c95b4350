import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function discardPartial(dataDir: string, sha256: string): void {
  fs.rmSync(partialPath(dataDir, sha256), { force: true });
}

/** Pieces of a request body are gathered to about this size before each write: fewer, larger writes. */
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * Writes the request body into the partial file from `offset`, at most `limit` bytes. Returns how
 * many bytes were written and whether the body went past `limit`: a body cut by the network keeps what
 * arrived, so the counter resumes from there. One write is in flight while the next batch arrives. The file
 * is cut after the new end (a crash may have left stale bytes beyond the recorded offset) and synced before
 * the offset is recorded.
 */
export async function writeChunk(
  dataDir: string,
  sha256: string,
  offset: number,
  body: AsyncIterable<Buffer>,
  limit: number,
): Promise<{ written: number; overLimit: boolean }> {
  const file = partialPath(dataDir, sha256);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const handle = await fs.promises.open(file, fs.existsSync(file) ? 'r+' : 'w+');
  let written = 0;
  let received = 0;
  let overLimit = false;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = () => {
    const data = batch.length === 1 ? batch[0]! : Buffer.concat(batch, batchBytes);
    batch = [];
    batchBytes = 0;
    inFlight = inFlight.then(async () => {
      const position = offset + written;
      let done = 0;
      while (done < data.length) done += (await handle.write(data, done, data.length - done, position + done)).bytesWritten;
      written += data.length;
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
    // A failed write: only the bytes written before it count.
  } finally {
    if (overLimit) written = 0; // nothing of a refused chunk is kept
    await handle.truncate(offset + written);
    await handle.sync();
    await handle.close();
  }
  return { written, overLimit };
}

export function promote(dataDir: string, sha256: string): void {
  fs.renameSync(partialPath(dataDir, sha256), finalPath(dataDir, sha256));
}
