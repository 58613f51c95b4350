import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createSyncedCounter, type SyncedCounter } from '../../../test/harness/sync-counter.ts';

// The worker's timer ticks every 25 ms of real time, but due times follow the fake clock: nothing waits
// for a backoff to pass in real time.
let counter: SyncedCounter;
beforeEach(async () => {
  counter = await createSyncedCounter({ syncIntervalMs: 25 });
  await counter.enrol();
  await counter.call('sync.now');
});
afterEach(() => counter.close());

const count = (path: string) => counter.standIn.requests.filter((request) => request.path === path).length;

function job(): { attempts: number; next_attempt_at: string; last_error: string | null } {
  const db = counter.sqlite();
  try {
    return db.prepare('SELECT attempts, next_attempt_at, last_error FROM outbox').get() as { attempts: number; next_attempt_at: string; last_error: string | null };
  } finally {
    db.close();
  }
}

const at = (ms: number) => new Date(counter.now().getTime() + ms).toISOString();

describe('retries with backoff that survives a restart', () => {
  test('a 5xx schedules a retry; after a restart the job waits for its time, then goes', async () => {
    await counter.intake(1);
    counter.standIn.failNext('/api/v1/sync/push', { status: 503 });
    expect(await counter.call('sync.now')).toMatchObject({ pending: 1, state: 'offline', problem: 'server-error' });
    // attempt 1 with the random draw 0.5: 1 s + 0.5 × 2 s
    expect(job()).toMatchObject({ attempts: 1, next_attempt_at: at(2_000), last_error: expect.stringContaining('503') });

    counter.restart();
    expect(job()).toMatchObject({ attempts: 1, next_attempt_at: at(2_000) });
    const pushesBefore = count('/api/v1/sync/push');
    const pullsBefore = count('/api/v1/status-changes');
    counter.core.start();
    await expect.poll(() => count('/api/v1/status-changes')).toBeGreaterThan(pullsBefore + 1);
    expect(count('/api/v1/sync/push')).toBe(pushesBefore);

    counter.advance(2_000);
    await expect.poll(() => counter.standIn.dossiers.size).toBe(1);
    expect(await counter.call('sync.status')).toMatchObject({ pending: 0, state: 'online' });
  });

  test('a 429 waits at least as long as Retry-After says', async () => {
    await counter.intake(1);
    counter.standIn.failNext('/api/v1/sync/push', { status: 429, retryAfter: '120' });
    await counter.call('sync.now');
    expect(job()).toMatchObject({ attempts: 1, next_attempt_at: at(120_000) });
  });

  test('a dropped connection retries with a growing delay', async () => {
    await counter.intake(1);
    counter.standIn.failNext('/api/v1/sync/push', { reset: true }, 2);
    expect(await counter.call('sync.now')).toMatchObject({ state: 'offline', problem: 'server-unreachable' });
    expect(job()).toMatchObject({ attempts: 1, next_attempt_at: at(2_000) });
    expect(await counter.call('sync.now')).toMatchObject({ pending: 1 });
    expect(job()).toMatchObject({ attempts: 2, next_attempt_at: at(3_000) });
    expect(await counter.call('sync.now')).toMatchObject({ pending: 0, state: 'online' });
  });

  test('a commit wakes the started worker, which sends at once', async () => {
    counter.core.start();
    const [dossier] = await counter.intake(1);
    await expect.poll(() => counter.standIn.dossiers.has(dossier!.id)).toBe(true);
    await expect.poll(async () => (await counter.call<{ pending: number }>('sync.status')).pending).toBe(0);
  });
});
