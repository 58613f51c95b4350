import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { makeTempDir } from '../../test/harness/temp-dir.ts';
import { openCounterDatabase } from './open-database.ts';

// The counter's file holds personal data, password hashes and the server credential: the app's user only.
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

test.skipIf(process.platform === 'win32')('a new data file and its WAL are readable by the owner only', () => {
  const file = path.join(temp.dir, 'data', 'mot-cua.sqlite');
  const db = openCounterDatabase(file);
  db.prepare('INSERT INTO outbox (id, kind, aggregate_id, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)').run('j-1', 'dossier.upserted', 'd-1', '{}', '2026-11-24T08:00:00+07:00', '2026-11-24T08:00:00+07:00');
  expect(modeOf(file)).toBe(0o600);
  expect(modeOf(`${file}-wal`)).toBe(0o600);
  db.close();
});

test.skipIf(process.platform === 'win32')('an existing file readable by others is closed to them, keeping its data', () => {
  const file = path.join(temp.dir, 'mot-cua.sqlite');
  openCounterDatabase(file).close();
  fs.chmodSync(file, 0o644);
  const db = openCounterDatabase(file);
  expect(modeOf(file)).toBe(0o600);
  expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  db.close();
});
