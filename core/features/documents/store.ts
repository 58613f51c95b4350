import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Documents live under DATA/documents/<sha[0..2]>/<sha>.pdf: addressed by content, so the same paper stored
// twice is one file, and a file under its final name is always complete (written to a temp name beside it,
// flushed, then renamed). Mode 0600 / folders 0700: scans are personal data (Decree 13/2023), readable only
// by the app's user. (Windows ignores POSIX modes; the profile folder's ACL protects them there.)

export const DOCUMENTS_DIR = 'documents';

export function documentPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, DOCUMENTS_DIR, sha256.slice(0, 2), `${sha256}.pdf`);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/** Stores the bytes under their SHA-256 (nothing happens when the file is already there); returns the hash. */
export function storeDocument(dataDir: string, bytes: Uint8Array): { sha256: string; file: string; created: boolean } {
  const sha256 = sha256Of(bytes);
  const file = documentPath(dataDir, sha256);
  if (fs.existsSync(file) && fs.statSync(file).size === bytes.length) return { sha256, file, created: false };
  ensurePrivateDir(path.join(dataDir, DOCUMENTS_DIR));
  ensurePrivateDir(path.dirname(file));
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return { sha256, file, created: true };
}

/** Removes a stored document's file (retention); a missing file is fine. */
export function removeDocumentFile(dataDir: string, sha256: string): void {
  fs.rmSync(documentPath(dataDir, sha256), { force: true });
}

/** A private scratch folder under DATA/tmp/scans for one scan or import; the caller removes it. */
export function makeScratchDir(dataDir: string, label: string): string {
  const root = path.join(dataDir, 'tmp', 'scans');
  ensurePrivateDir(path.dirname(root));
  ensurePrivateDir(root);
  return fs.mkdtempSync(path.join(root, `${label}-`));
}

/** Scratch folders left by a crash mid-scan: nothing in them was ever a document. */
export function clearScratch(dataDir: string): void {
  fs.rmSync(path.join(dataDir, 'tmp', 'scans'), { recursive: true, force: true });
}
