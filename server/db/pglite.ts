import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Row, Sql, SqlExecutor } from './sql.ts';

type PGliteLike = Pick<PGlite, 'query' | 'exec'>;

function executor(db: PGliteLike): SqlExecutor {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await db.query<T>(text, [...params]);
      return result.rows;
    },
    async exec(text: string): Promise<void> {
      await db.exec(text);
    },
  };
}

/** The embedded default: PostgreSQL compiled to WASM, its files under `dataDir` (created when missing). */
export async function openPglite(dataDir: string): Promise<Sql> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    ...executor(db),
    transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) => db.transaction((tx) => work(executor(tx))),
    close: () => db.close(),
  };
}
