import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/**
 * The SHA-256 of each partial upload's bytes so far, kept while they are written, so a completed file is
 * verified without reading it all back (that read and its second hash were a third of the server's CPU per
 * uploaded byte; docs/SYNC.md "Scan upload throughput").
 *
 * A running hash is the hash of the bytes this process wrote, not of the file. It is trusted only while the
 * file is exactly as this process left it: its size, modification time (to the file system's resolution) and
 * inode are recorded after each synced write and compared before the next one and before the final digest. A file changed by anything else
 * (a restore, a repair, a damaged disk block rewritten, the test that flips a byte in it), a server restart
 * (nothing in memory) or an entry dropped for room all fall back to hashing the file from disk.
 */
type Running = { hash: Hash; covered: number; stamp: string };

/** Entries kept at most: a Hash state is a few hundred bytes; more partial uploads than this are unusual. */
const MAX_RUNNING = 1_000;
const READ_BYTES = 4 * 1024 * 1024;

async function stampOf(handle: FileHandle): Promise<string> {
  const stat = await handle.stat({ bigint: true });
  return `${stat.size}:${stat.mtimeNs}:${stat.ino}`;
}

/** Hashes the file's first `length` bytes from disk, in large reads (few thread-pool round trips). */
async function hashFromDisk(handle: FileHandle, length: number): Promise<Hash> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(Math.min(READ_BYTES, Math.max(1, length)));
  for (let position = 0; position < length; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, length - position), position);
    if (bytesRead === 0) throw new Error('the partial file is shorter than its recorded offset');
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash;
}

export type PartialHashes = ReturnType<typeof createPartialHashes>;

/** One per server (keyed by the partial file's path, so two servers in one process never share an entry). */
export function createPartialHashes() {
  const running = new Map<string, Running>();

  const trusted = async (file: string, handle: FileHandle, offset: number): Promise<Running | null> => {
    const entry = running.get(file);
    if (!entry || entry.covered !== offset) return null;
    return entry.stamp === (await stampOf(handle)) ? entry : null;
  };

  return {
    /** The hash of `[0, offset)` of the open partial file, ready to take the bytes written from `offset`. */
    async resume(file: string, handle: FileHandle, offset: number): Promise<Running> {
      const entry = (await trusted(file, handle, offset)) ?? { hash: await hashFromDisk(handle, offset), covered: offset, stamp: '' };
      running.delete(file); // re-inserted last: the oldest entry is the first dropped for room
      running.set(file, entry);
      while (running.size > MAX_RUNNING) running.delete(running.keys().next().value!);
      return entry;
    },
    /** After the write is cut to its end and synced: the file as this process left it. */
    async settled(handle: FileHandle, entry: Running): Promise<void> {
      entry.stamp = await stampOf(handle);
    },
    /** The written bytes and the hash no longer agree (a refused or failed write): hash from disk next time. */
    forget(file: string): void {
      running.delete(file);
    },
    /** The SHA-256 of the first `size` bytes of the partial file: the running hash when trusted, else from disk. */
    async digest(file: string, handle: FileHandle, size: number): Promise<string> {
      const entry = await trusted(file, handle, size);
      running.delete(file);
      return (entry?.hash ?? (await hashFromDisk(handle, size))).digest('hex');
    },
  };
}
