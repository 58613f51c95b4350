import type { Database } from 'better-sqlite3';
import { migrate0001 } from './0001-create-outbox.ts';
import { migrate0002 } from './0002-create-audit-log.ts';
import { migrate0003 } from './0003-create-catalogue.ts';
import { migrate0004 } from './0004-create-dossiers.ts';
import { migrate0005 } from './0005-create-sync-state.ts';
import { migrate0006 } from './0006-create-printing.ts';
import { migrate0007 } from './0007-create-documents.ts';
import { migrate0008 } from './0008-create-receipts.ts';
import { migrate0009 } from './0009-create-clerks.ts';
import { migrate0010 } from './0010-add-pending-enrolment.ts';
import { migrate0011 } from './0011-create-form-templates.ts';

export type Migration = Readonly<{ version: number; name: string; up: (db: Database) => void }>;

/** In order; a migration is never edited once released, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'create-outbox', up: migrate0001 },
  { version: 2, name: 'create-audit-log', up: migrate0002 },
  { version: 3, name: 'create-catalogue', up: migrate0003 },
  { version: 4, name: 'create-dossiers', up: migrate0004 },
  { version: 5, name: 'create-sync-state', up: migrate0005 },
  { version: 6, name: 'create-printing', up: migrate0006 },
  { version: 7, name: 'create-documents', up: migrate0007 },
  { version: 8, name: 'create-receipts', up: migrate0008 },
  { version: 9, name: 'create-clerks', up: migrate0009 },
  { version: 10, name: 'add-pending-enrolment', up: migrate0010 },
  { version: 11, name: 'create-form-templates', up: migrate0011 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
