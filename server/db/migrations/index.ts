import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-receipts.ts';
import { migration0003 } from './0003-enrolment-retry.ts';
import { migration0004 } from './0004-document-search.ts';
import { migration0005 } from './0005-receipt-signers.ts';

export type Migration = Readonly<{ version: number; name: string; sql: string }>;

/** In order. Append only: a migration that shipped is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];
