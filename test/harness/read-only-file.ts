import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * Makes a file impossible for this process to write, as a counter PC does when the clerk's account has
 * no write permission. Root ignores permission bits, so as root the file is made immutable instead.
 * Returns the function that undoes it. Throws when neither works: the test must not quietly pass.
 */
export function makeReadOnly(file: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', file]);
    return () => execFileSync('chattr', ['-i', file]);
  }
  fs.chmodSync(file, 0o444);
  return () => fs.chmodSync(file, 0o644);
}
