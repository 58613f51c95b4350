import { migration0001 } from './0001-initial.ts';

export type Migration = Readonly<{ version: number; name: string; sql: string }>;

/** In order. Append only: a migration that shipped is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration0001];
