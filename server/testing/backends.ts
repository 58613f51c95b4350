import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.ts';
import { openPostgres } from '../db/postgres.ts';
import type { Sql } from '../db/sql.ts';
import { startPostgres, type PostgresCluster } from './postgres.ts';

/** Where a test suite's storage comes from; the same suite runs against each. */
export type Backend = Readonly<{
  name: 'pglite' | 'postgres';
  /** A migrated, empty database and a data folder for files. */
  open(): Promise<{ sql: Sql; dataDir: string }>;
  /** Removes everything `open` made. */
  dispose(): Promise<void>;
}>;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mot-cua-server-'));
}

export function pgliteBackend(): Backend {
  const dirs: string[] = [];
  const open: Sql[] = [];
  return {
    name: 'pglite',
    async open() {
      const dataDir = tempDir();
      dirs.push(dataDir);
      const sql = await openPglite(path.join(dataDir, 'pglite'));
      open.push(sql);
      await migrate(sql);
      return { sql, dataDir };
    },
    async dispose() {
      for (const sql of open) await sql.close().catch(() => undefined);
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(): Backend {
  let cluster: PostgresCluster | null = null;
  const dirs: string[] = [];
  const open: Sql[] = [];
  return {
    name: 'postgres',
    async open() {
      cluster ??= await startPostgres();
      const dataDir = tempDir();
      dirs.push(dataDir);
      const sql = openPostgres(cluster.url);
      open.push(sql);
      await migrate(sql);
      return { sql, dataDir };
    },
    async dispose() {
      for (const sql of open) await sql.close().catch(() => undefined);
      cluster?.stop();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
