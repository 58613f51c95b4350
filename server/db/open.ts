import path from 'node:path';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Sql } from './sql.ts';

export type StorageOptions = Readonly<{ dataDir: string; databaseUrl?: string | undefined }>;

/** PostgreSQL when a URL is given, else PGlite under `<dataDir>/pglite` (locked to this process); migrated. */
export async function openStorage(options: StorageOptions): Promise<Sql> {
  let sql: Sql;
  if (options.databaseUrl) {
    sql = openPostgres(options.databaseUrl);
  } else {
    const dir = path.join(options.dataDir, 'pglite');
    const unlock = lockDataDir(options.dataDir);
    try {
      const embedded = await openPglite(dir);
      sql = { ...embedded, close: () => embedded.close().finally(unlock) };
    } catch (error) {
      unlock();
      throw error;
    }
  }
  try {
    await migrate(sql);
  } catch (error) {
    await sql.close();
    throw error;
  }
  return sql;
}
