import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder per test; removed by the returned function. */
export function makeTempDir(prefix = 'mot-cua-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes bytes that are not a SQLite file where the default profile's database would be. */
export function writeGarbageDatabase(dataDir: string): string {
  const file = path.join(dataDir, 'profiles', 'default.sqlite');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from('Đây không phải là một tệp SQLite. This is not a SQLite file.\n'.repeat(200)));
  return file;
}
