import { afterEach, beforeEach, expect, test } from 'vitest';
import { BACKSTOP_CHECKPOINT_PAGES } from '../db/open-database.ts';
import { insertOutboxJob } from '../features/sync/outbox-repo.ts';
import { createTestCore } from '../../test/harness/test-core.ts';
import { makeTempDir } from '../../test/harness/temp-dir.ts';
import type { Core } from './create-core.ts';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;

beforeEach(() => {
  temp = makeTempDir();
  core = createTestCore(temp.dir, { checkpointIntervalMs: 20 });
});
afterEach(() => {
  core.stop();
  temp.remove();
});

test('commits do not pay for checkpoints: the automatic one is only a high backstop', () => {
  expect(core.storage.db().pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_CHECKPOINT_PAGES);
});

test('the running core moves committed pages from the WAL into the file in the background', async () => {
  const db = core.storage.db();
  for (let i = 0; i < 50; i += 1) {
    db.transaction(() => insertOutboxJob(db, { id: `job-${i}`, kind: 'test', aggregateId: 'd', payload: { i }, createdAt: '2026-11-23T01:00:00.000Z' }))();
  }
  // NOOP reports the WAL's state without checkpointing.
  const before = db.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
  expect(before[0]!.log).toBeGreaterThan(before[0]!.checkpointed); // written, not yet in the file
  core.start();
  await expect.poll(() => {
    const state = db.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    return state[0]!.log === state[0]!.checkpointed || state[0]!.log === 0;
  }).toBe(true);
});
