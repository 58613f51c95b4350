import type { Sql } from './sql.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

// Any constant will do; it only has to be the same for every server process migrating this database.
const MIGRATION_LOCK = 78_650_001;

export class DatabaseTooNewError extends Error {}

/**
 * Applies pending migrations, each in its own transaction with its row in schema_migrations. Two servers
 * starting together on one PostgreSQL database take turns through an advisory lock. A database migrated by
 * newer code is refused rather than used with a schema this code does not know.
 */
export async function migrate(sql: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<{ applied: number[] }> {
  await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  const latestKnown = Math.max(0, ...migrations.map((migration) => migration.version));
  for (const migration of migrations) {
    const done = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      const newest = Math.max(0, ...rows.map((row) => Number(row.version)));
      if (newest > latestKnown) throw new DatabaseTooNewError(`database schema ${newest} is newer than this server (${latestKnown})`);
      if (rows.some((row) => Number(row.version) === migration.version)) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return { applied };
}
