import type { Database } from 'better-sqlite3';
import { CoreError } from '../rpc/core-error.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';

export function readSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses, before anything is written, a file made by a newer version of the app; returns its version. */
export function assertNotNewerThanCode(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = readSchemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new CoreError(
      'db-too-new',
      `The data file is at schema version ${current}; this app knows versions up to ${latest}.`,
      { fileVersion: current, appVersion: latest },
    );
  }
  return current;
}

/**
 * Brings the file up to `target` (the latest by default), one transaction per migration with its
 * user_version, so a crash leaves the file at a whole version. A file newer than the code is refused
 * before anything is written to it.
 */
export function migrateDatabase(db: Database, target: number = LATEST_SCHEMA_VERSION, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = assertNotNewerThanCode(db, migrations);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return readSchemaVersion(db);
}
