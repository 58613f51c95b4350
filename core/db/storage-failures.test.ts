import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeReadOnly } from '../../test/harness/read-only-file.ts';
import { createTestCore } from '../../test/harness/test-core.ts';
import { makeTempDir } from '../../test/harness/temp-dir.ts';
import { insertOutboxJob } from '../features/sync/outbox-repo.ts';
import { openCounterDatabase } from './open-database.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'profiles', 'default.sqlite');
  const db = openCounterDatabase(file);
  insertOutboxJob(db, { id: 'job-kept', kind: 'dossier.received', aggregateId: 'd-1', payload: {}, createdAt: '2026-11-23T01:00:00.000Z' });
  db.close();
});
afterEach(() => temp.remove());

describe('a database file the counter cannot write', () => {
  test('is reported as db-read-only, the core keeps answering, and the saved job is still there afterwards', async () => {
    const before = fs.readFileSync(file);
    const restore = makeReadOnly(file);
    try {
      const core = createTestCore(temp.dir);
      expect(core.storageState()).toMatchObject({ state: 'unavailable', code: 'db-read-only' });
      expect(await core.dispatch('sync.status', {})).toMatchObject({ ok: false, error: { code: 'db-read-only' } });
      expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true });
      core.stop();
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    } finally {
      restore();
    }
    const core = createTestCore(temp.dir);
    expect(await core.dispatch('sync.status', {})).toMatchObject({ ok: true, value: { pending: 1 } });
    core.stop();
  });
});
