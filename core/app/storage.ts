import type { StorageState } from '../../shared/contract/system.ts';
import { openCounterDatabase, type CounterDatabase } from '../db/open-database.ts';
import { CoreError } from '../rpc/core-error.ts';
import type { Logger } from '../ports/logger.ts';

export interface Storage {
  readonly file: string;
  state(): StorageState;
  /** The open database, or a CoreError with the reason it is unavailable (db-corrupt, db-read-only, …). */
  db(): CounterDatabase;
  /**
   * Copies committed pages from the WAL into the file without blocking writers (PASSIVE). Run often, in
   * idle time, so no commit pays for a large checkpoint.
   */
  checkpoint(): void;
  close(): void;
}

/**
 * Opens the counter's file once. When it cannot be opened the core still runs: every method that needs
 * the data answers with the reason, so the UI can tell the clerk and IT, and the file is left untouched.
 */
export function openStorage(file: string, logger: Logger): Storage {
  let db: CounterDatabase | undefined;
  let failure: CoreError | undefined;
  try {
    db = openCounterDatabase(file);
  } catch (error) {
    failure = error instanceof CoreError ? error : new CoreError('db-unavailable', 'The data file could not be opened');
    logger.error('database unavailable', { code: failure.code, reason: failure.message });
  }
  return {
    file,
    state: () => (failure ? { state: 'unavailable', code: failure.code, message: failure.message } : { state: 'ready' }),
    db() {
      if (db) return db;
      throw failure ?? new CoreError('db-unavailable', 'The data file is closed');
    },
    checkpoint() {
      db?.pragma('wal_checkpoint(PASSIVE)');
    },
    close() {
      db?.close();
      db = undefined;
      failure ??= new CoreError('db-unavailable', 'The data file is closed');
    },
  };
}
