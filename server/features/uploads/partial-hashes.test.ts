import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { createPartialHashes, type PartialHashes } from './partial-hashes.ts';
import { partialDigest, partialPath, writeChunk } from './store.ts';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A request body as the socket delivers it: pieces of 64 KiB. */
const body = (bytes: Buffer) => Readable.from(Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536)));

let temp: ReturnType<typeof makeTempDir>;
let hashes: PartialHashes;
const file = randomBytes(3 * 1024 * 1024 + 123);
const name = sha(file);

beforeEach(() => {
  temp = makeTempDir('partial-hashes-');
  hashes = createPartialHashes();
});
afterEach(() => temp.remove());

async function upload(from: number, to: number, into = hashes) {
  return writeChunk(temp.dir, name, from, body(file.subarray(from, to)), to - from, into);
}

test('chunks written in turn give the digest of the whole file, equal to the file on disk', async () => {
  await upload(0, 1_000_000);
  await upload(1_000_000, 2_500_000);
  await upload(2_500_000, file.length);
  expect(await partialDigest(temp.dir, name, file.length, hashes)).toBe(name);
  expect(sha(fs.readFileSync(partialPath(temp.dir, name)))).toBe(name);
});

test('a partial file changed by anything else between chunks is hashed from disk, so the change is caught', async () => {
  await upload(0, 1_000_000);
  const partial = partialPath(temp.dir, name);
  const held = fs.readFileSync(partial);
  held[10] = held[10]! ^ 0xff;
  fs.writeFileSync(partial, held);
  await upload(1_000_000, file.length);
  expect(await partialDigest(temp.dir, name, file.length, hashes)).toBe(sha(Buffer.concat([held, file.subarray(1_000_000)])));
  expect(await partialDigest(temp.dir, name, file.length, hashes)).not.toBe(name);
});

test('after a restart (nothing in memory) the upload resumes with the hash of what the file holds', async () => {
  await upload(0, 2_000_000);
  const restarted = createPartialHashes();
  await upload(2_000_000, file.length, restarted);
  expect(await partialDigest(temp.dir, name, file.length, restarted)).toBe(name);
});

test('a refused chunk (past its limit) leaves no bytes and no stale running hash behind', async () => {
  await upload(0, 1_000_000);
  const refused = await writeChunk(temp.dir, name, 1_000_000, body(file.subarray(1_000_000, 2_000_000)), 500_000, hashes);
  expect(refused).toEqual({ written: 0, overLimit: true });
  expect(fs.statSync(partialPath(temp.dir, name)).size).toBe(1_000_000);
  await upload(1_000_000, file.length);
  expect(await partialDigest(temp.dir, name, file.length, hashes)).toBe(name);
});

test('a body cut by the network keeps what arrived, and the hash follows exactly those bytes', async () => {
  async function* cut() {
    yield file.subarray(0, 700_000);
    yield file.subarray(700_000, 1_400_000);
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error('socket hang up');
  }
  const result = await writeChunk(temp.dir, name, 0, cut(), file.length, hashes);
  expect(result.overLimit).toBe(false);
  await upload(result.written, file.length);
  expect(await partialDigest(temp.dir, name, file.length, hashes)).toBe(name);
  expect(path.basename(partialPath(temp.dir, name))).toBe(`${name}.partial`);
});
