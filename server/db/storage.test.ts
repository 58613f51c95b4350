import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { openStorage } from './open.ts';
import { MIGRATIONS } from './migrations/index.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mot-cua-storage-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('embedded storage', () => {
  it('migrates once, refuses a second process on the same folder, and reopens', async () => {
    const dataDir = tempDir();
    const sql = await openStorage({ dataDir });
    expect(sql.kind).toBe('pglite');
    expect((await migrate(sql)).applied).toEqual([]);
    expect(() => lockDataDir(dataDir)).not.toThrow(); // same process: the lock is ours
    fs.writeFileSync(path.join(dataDir, 'pglite.lock'), String(process.ppid));
    await expect(openStorage({ dataDir })).rejects.toThrow(/in use by process/);
    fs.writeFileSync(path.join(dataDir, 'pglite.lock'), String(process.pid));
    await sql.close();
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
    const reopened = await openStorage({ dataDir });
    const rows = await reopened.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((migration) => migration.version));
    await reopened.close();
  }, 60_000);

  it('a lock left by a dead process is taken over', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'pglite.lock'), '999999999');
    const unlock = lockDataDir(dataDir);
    expect(fs.readFileSync(path.join(dataDir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
  });
});
