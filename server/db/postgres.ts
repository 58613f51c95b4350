import pg from 'pg';
import type { Row, Sql, SqlExecutor } from './sql.ts';

type Queryable = Pick<pg.PoolClient, 'query'>;

function executor(client: Queryable): SqlExecutor {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await client.query<T>(text, [...params]);
      return result.rows;
    },
    async exec(text: string): Promise<void> {
      // Without parameters `pg` uses the simple query protocol, which accepts several statements.
      await client.query(text);
    },
  };
}

/** Production storage: a pool on DATABASE_URL. */
export function openPostgres(connectionString: string, poolSize = 10): Sql {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its connection must not crash the server; the pool replaces it.
  pool.on('error', (error) => console.error(`postgres pool: ${error.message}`));
  return {
    kind: 'postgres',
    ...executor(pool),
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
