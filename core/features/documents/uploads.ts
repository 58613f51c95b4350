import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/contract/scanning.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { makeScratchDir } from './store.ts';

type Upload = { dir: string; file: string; size: number; received: number; startedAt: number };

/** Files being sent at once; beyond it the oldest unfinished one is dropped (an abandoned tab cannot fill the disk). */
const MAX_OPEN_UPLOADS = 100;

/**
 * Files sent from the clerk's machine in chunks, each into its own private scratch folder (DATA/tmp/scans,
 * 0700) until `take` hands them to the import, which reads and checks them as it does files from an import
 * folder. Scratch folders are removed on finish (success or failure), when an upload is dropped, and at the
 * next start after a crash (`clearScratch`).
 */
export function createUploads(dataDir: string, now: () => number = Date.now) {
  const uploads = new Map<string, Upload>();

  function drop(id: string): void {
    const upload = uploads.get(id);
    uploads.delete(id);
    if (upload) fs.rmSync(upload.dir, { recursive: true, force: true });
  }

  return {
    /** The folder every upload's scratch folder is under: the only place `take`n paths may come from. */
    root: path.join(dataDir, 'tmp', 'scans'),
    start(size: number, maxBytes: number): { uploadId: string; chunkBytes: number } {
      if (size > maxBytes) throw new CoreError('file-too-large', `The file is ${size} bytes; the limit is ${maxBytes}`, { size, limit: maxBytes });
      while (uploads.size >= MAX_OPEN_UPLOADS) drop([...uploads.entries()].sort((a, b) => a[1].startedAt - b[1].startedAt)[0]![0]);
      const uploadId = randomUUID();
      const dir = makeScratchDir(dataDir, 'upload');
      const file = path.join(dir, 'file');
      fs.writeFileSync(file, Buffer.alloc(0), { mode: 0o600 });
      uploads.set(uploadId, { dir, file, size, received: 0, startedAt: now() });
      return { uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
    },
    chunk(uploadId: string, offset: number, base64: string): { received: number } {
      const upload = uploads.get(uploadId);
      if (!upload) throw new CoreError('not-found', 'No such upload (finished, or dropped after a restart); send the file again');
      if (offset !== upload.received) throw new CoreError('conflict', `Expected the bytes from offset ${upload.received}`, { received: upload.received });
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length > UPLOAD_CHUNK_BYTES) throw new CoreError('invalid-input', `A chunk holds at most ${UPLOAD_CHUNK_BYTES} bytes`);
      if (upload.received + bytes.length > upload.size) {
        drop(uploadId);
        throw new CoreError('invalid-input', 'More bytes than the size announced; nothing of the file was kept');
      }
      fs.appendFileSync(upload.file, bytes);
      upload.received += bytes.length;
      return { received: upload.received };
    },
    /** The complete files' paths, for the import; `release` must follow whatever the import does. */
    take(uploadIds: readonly string[]): { paths: string[]; release: () => void } {
      const release = () => uploadIds.forEach(drop);
      const paths = uploadIds.map((id) => {
        const upload = uploads.get(id);
        if (!upload) {
          release();
          throw new CoreError('not-found', 'No such upload (finished, or dropped after a restart); send the file again');
        }
        if (upload.received !== upload.size) {
          release();
          throw new CoreError('invalid-input', `The file arrived incomplete (${upload.received} of ${upload.size} bytes); send it again`);
        }
        return upload.file;
      });
      return { paths, release };
    },
    dropAll(): void {
      [...uploads.keys()].forEach(drop);
    },
  };
}
