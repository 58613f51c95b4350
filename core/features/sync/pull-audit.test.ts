import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { DeadLetter, SyncStatus } from '../../../shared/contract/sync.ts';
import { createSyncedCounter, type SyncedCounter } from '../../../test/harness/sync-counter.ts';

let counter: SyncedCounter;
beforeEach(async () => {
  counter = await createSyncedCounter();
  await counter.enrol();
});
afterEach(() => counter.close());

const count = (path: string) => counter.standIn.requests.filter((request) => request.path === path).length;

function localChain(): { seq: number; hash: string }[] {
  const db = counter.sqlite();
  try {
    return db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').all() as { seq: number; hash: string }[];
  } finally {
    db.close();
  }
}

describe('audit upload', () => {
  test('the chain reaches the server in seq order, exactly as stored', async () => {
    await counter.intake(3);
    await counter.call('sync.now');
    expect(counter.standIn.audit.map(({ seq, hash }) => ({ seq, hash }))).toEqual(localChain());
  });

  // Found by the chaos run: a failed audit upload kept its backoff through sync.now, on a clock that had stopped.
  test('sync.now lifts the audit upload\'s backoff too', async () => {
    await counter.intake(2);
    counter.standIn.failNext('/api/v1/audit-entries', { status: 503 });
    await counter.call('sync.now');
    expect(counter.standIn.audit).toHaveLength(0);
    await counter.call('sync.now');
    expect(counter.standIn.audit.map(({ seq, hash }) => ({ seq, hash }))).toEqual(localChain());
  });

  // Found by the chaos run: under steady faults one job was always backing off, and the audit never left.
  test('a job backing off does not hold the audit log back', async () => {
    await counter.intake(1);
    counter.standIn.failNext('/api/v1/sync/push', { status: 503 });
    expect(await counter.call('sync.now')).toMatchObject({ pending: 1, problem: 'server-error' });
    expect(counter.standIn.audit).toHaveLength(0); // the server was failing: no point in a second request
    counter.core.start(); // the worker's own wakes: the job is not due yet, the audit is
    await expect.poll(() => counter.standIn.audit.length).toBe(localChain().length);
    expect(await counter.call('sync.status')).toMatchObject({ pending: 1 });
  });

  test('a gap answer restarts the upload from the seq the server names', async () => {
    await counter.intake(3);
    await counter.call('sync.now');
    counter.standIn.switches.auditGapOnce = 2; // the server lost entries 2 and 3
    await counter.intake(1);
    await counter.call('sync.now');
    expect(counter.standIn.audit.map(({ seq, hash }) => ({ seq, hash }))).toEqual(localChain());
  });

  test('a mismatch is a visible problem that stops the upload until IT retries, not a loop', async () => {
    await counter.intake(1);
    counter.standIn.switches.auditMismatchOnce = true;
    expect(await counter.call('sync.now')).toMatchObject({ deadLetters: 1, pending: 0 });
    const { items } = await counter.call<{ items: DeadLetter[] }>('sync.deadLetters', {});
    expect(items).toEqual([expect.objectContaining({ id: 'audit-chain', outcome: 'mismatch', reasonCode: 'audit-chain-mismatch' })]);
    const uploads = count('/api/v1/audit-entries');
    await counter.intake(1);
    await counter.call('sync.now');
    expect(count('/api/v1/audit-entries')).toBe(uploads);
    expect(await counter.call('sync.retry', { ids: ['audit-chain'] })).toEqual({ retried: 1 });
    expect(await counter.call('sync.now')).toMatchObject({ deadLetters: 0 });
    expect(counter.standIn.audit).toHaveLength(2);
  });
});

describe('status changes from the server', () => {
  test('are applied once, with an audit entry, even when pulled again; unknown dossiers are skipped', async () => {
    const [dossier] = await counter.intake(1);
    await counter.call('sync.now');
    counter.standIn.addStatusChange({ dossierId: '019a0000-0000-7000-8000-000000000000', code: 'X', status: 'processing', by: 'back office', note: null });
    counter.standIn.addStatusChange({ dossierId: dossier!.id, code: dossier!.code, status: 'processing', by: 'Chuyên viên Lê Thị B', note: 'Đã chuyển phòng Tư pháp' });
    await counter.call('sync.now');
    expect(await counter.call<Dossier>('dossiers.get', { id: dossier!.id })).toMatchObject({ status: 'processing', version: 2 });
    const timeline = async () => (await counter.call<{ entries: { action: string; actorName: string | null }[] }>('audit.timeline', { entity: 'dossier', entityId: dossier!.id })).entries.filter((entry) => entry.action === 'dossier.statusFromServer');
    expect(await timeline()).toMatchObject([{ actorName: 'Chuyên viên Lê Thị B' }]);

    // Pulled twice: the cursor is rewound (as if the answer had been lost); the change is not applied again.
    const db = counter.sqlite();
    db.prepare('UPDATE sync_state SET status_cursor = 0').run();
    db.close();
    expect(await counter.call('sync.now')).toMatchObject({ pending: 0 });
    expect(await timeline()).toHaveLength(1);
    expect(await counter.call<Dossier>('dossiers.get', { id: dossier!.id })).toMatchObject({ version: 2 });
  });
});

describe('clock and code blocks', () => {
  test('the server clock is compared on every exchange and the skew reported', async () => {
    expect((await counter.call<SyncStatus>('sync.now')).clockSkewSeconds).toBe(0);
    counter.standIn.switches.clockOffsetMs = -300_000;
    expect((await counter.call<SyncStatus>('sync.now')).clockSkewSeconds).toBe(-300);
  });

  test('a steady skew is written once a minute, not on every exchange; a change of a second shows at once', async () => {
    const writtenAt = () => {
      const db = counter.sqlite();
      const row = db.prepare('SELECT clock_checked_at AS at FROM sync_state').get() as { at: string | null };
      db.close();
      return row.at;
    };
    await counter.call('sync.now');
    const first = writtenAt();
    counter.advance(10_000);
    await counter.call('sync.now');
    expect(writtenAt()).toBe(first); // same skew, ten seconds on: no disk write
    counter.standIn.switches.clockOffsetMs = -2_000;
    expect((await counter.call<SyncStatus>('sync.now')).clockSkewSeconds).toBe(-2);
    counter.advance(61_000);
    await counter.call('sync.now');
    expect(writtenAt()).not.toBe(first);
  });

  test('numbers are reserved for today, and for tomorrow after the cut-off, and used before the slot', async () => {
    await counter.call('sync.now');
    const [dossier] = await counter.intake(1);
    expect(dossier!.code).toBe('000.00.12.H12-261123-0001');
    counter.advance(7 * 3600_000); // 16:00 in Vietnam
    await counter.call('sync.now');
    const db = counter.sqlite();
    const blocks = db.prepare('SELECT day, first_sequence, last_sequence FROM code_blocks ORDER BY day').all();
    db.close();
    expect(blocks).toEqual([
      { day: '261123', first_sequence: 1, last_sequence: 20 },
      { day: '261124', first_sequence: 1, last_sequence: 20 },
    ]);
  });
});
