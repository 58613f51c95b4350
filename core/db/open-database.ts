import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CoreError } from '../rpc/core-error.ts';
import { assertNotNewerThanCode, migrateDatabase } from './migrate.ts';

export type CounterDatabase = Database.Database;

/** About 40 MiB of WAL at 4 KiB pages. */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;

const CORRUPT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error).code) : undefined;
}

/** Turns what SQLite or the file system says into one of our stable codes; unknown failures stay internal. */
export function classifyOpenError(error: unknown, file: string): CoreError {
  if (error instanceof CoreError) return error;
  const code = sqliteCode(error) ?? '';
  const reason = error instanceof Error ? error.message : String(error);
  if (CORRUPT_CODES.has(code)) return new CoreError('db-corrupt', `${path.basename(file)}: ${reason}`, { sqlite: code });
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return new CoreError('db-read-only', `${path.basename(file)}: ${reason}`, { sqlite: code });
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    return new CoreError('db-unavailable', `${path.basename(file)}: ${reason}`, { sqlite: code });
  }
  return new CoreError('db-unavailable', `${path.basename(file)} could not be opened`, { sqlite: code || undefined });
}

/**
 * SQLite quietly falls back to read-only when it cannot open a file for writing; we would rather say so
 * at once, by name, than fail later with a vaguer error when a clerk saves a dossier.
 */
function assertWritableIfExists(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    throw error;
  }
  fs.closeSync(fd);
}

/**
 * Opens (or creates) a counter's database file: WAL, synchronous=FULL (a dossier whose slip was printed
 * must survive a power cut), foreign keys, busy timeout; checks it is a healthy SQLite file; migrates.
 * Never deletes or rewrites a file it cannot read: a damaged file is left exactly as found for IT.
 */
/**
 * The file holds personal data, clerks' password hashes and the counter's credential: readable by the app's
 * user only (Decree 13/2023). A new file is made 0600 before SQLite opens it (its -wal and -shm files take the
 * same mode); an existing one loses any group/other bits, keeping the owner's (a read-only file stays so).
 * On Windows the data folder's ACL under the user's profile does this job; chmod changes little there.
 */
function keepPrivate(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const { mode } = fs.statSync(file);
    try {
      if ((mode & 0o077) !== 0) fs.chmodSync(file, mode & 0o700);
    } catch {
      // Another user's file (IT opened it as root): opening it still works or fails on its own terms.
    }
  }
}

export function openCounterDatabase(file: string): CounterDatabase {
  let db: CounterDatabase | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    assertWritableIfExists(file);
    keepPrivate(file);
    db = new Database(file, { fileMustExist: false });
    db.pragma('busy_timeout = 5000');
    // Reading the schema first: a file that is not SQLite fails here, before anything writes to it.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CoreError('db-corrupt', `${path.basename(file)}: quick_check reported ${String(check)}`);
    assertNotNewerThanCode(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Checkpoints run in the background between intakes (Storage.checkpoint); this is only the backstop
    // for a process that never starts the core's timers (`desk call`). At the default of 1 000 pages every
    // ~70th intake paid for a checkpoint inside its commit: that was intake's p99.
    db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
    migrateDatabase(db);
    // A write probe: a file we can read but not write is refused now, not when a clerk saves a dossier.
    db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
    return db;
  } catch (error) {
    db?.close();
    throw classifyOpenError(error, file);
  }
}
