import type { Database } from 'better-sqlite3';
import { migrate0001 } from './0001-create-outbox.ts';
import { migrate0002 } from './0002-create-audit-log.ts';
import { migrate0003 } from './0003-create-catalogue.ts';
import { migrate0004 } from './0004-create-dossiers.ts';
import { migrate0005 } from './0005-create-sync-state.ts';
import { migrate0006 } from './0006-create-printing.ts';

export type Migration = Readonly<{ version: number; name: string; up: (db: Database) => void }>;

/** In order; a migration is never edited once released, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'create-outbox', up: migrate0001 },
  { version: 2, name: 'create-audit-log', up: migrate0002 },
  { version: 3, name: 'create-catalogue', up: migrate0003 },
  { version: 4, name: 'create-dossiers', up: migrate0004 },
  { version: 5, name: 'create-sync-state', up: migrate0005 },
  { version: 6, name: 'create-printing', up: migrate0006 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
