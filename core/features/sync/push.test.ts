import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DeadLetter, SyncStatus } from '../../../shared/contract/sync.ts';
import { createSyncedCounter, TEST_AGENCY, type SyncedCounter } from '../../../test/harness/sync-counter.ts';

let counter: SyncedCounter;
beforeEach(async () => {
  counter = await createSyncedCounter({ syncBatchSize: 100 });
});
afterEach(() => counter.close());

const pushes = () => counter.standIn.requests.filter((request) => request.path === '/api/v1/sync/push').length;

describe('enrolment', () => {
  test('a one-time code becomes the credential, the server address and the counter identity', async () => {
    expect(await counter.enrol()).toMatchObject({ agencyCode: TEST_AGENCY.agencyCode, slot: 2, counterName: 'Quầy 2' });
    const settings = await counter.call<{ serverUrl: string; counter: Record<string, unknown> }>('settings.get');
    expect(settings).toMatchObject({ serverUrl: counter.standIn.url, counter: { agencyCode: TEST_AGENCY.agencyCode, slot: 2, counterName: 'Quầy 2', centreName: TEST_AGENCY.agencyName } });
    const identity = await counter.call<{ enrolled: boolean; counterCode: string }>('counter.get');
    expect(identity.enrolled).toBe(true);
    const db = counter.sqlite();
    const row = db.prepare('SELECT counter_id, credential FROM sync_state').get() as { counter_id: string; credential: string };
    db.close();
    expect(row.counter_id).toBe(identity.counterCode);
    expect(row.credential.startsWith(`${row.counter_id}.`)).toBe(true);
  });

  test('a used or wrong code, and an unreachable server, are stable error codes', async () => {
    await counter.enrol('ENROL-ONCE-1');
    expect(await counter.failure('sync.enroll', { serverUrl: counter.standIn.url, code: 'ENROL-ONCE-1' })).toBe('enrolment-code-invalid');
    expect(await counter.failure('sync.enroll', { serverUrl: 'http://127.0.0.1:9', code: 'ENROL-ANY-2' })).toBe('server-unreachable');
  });
});

describe('pushing the outbox', () => {
  test('a backlog drains in batches and the queue ends empty', async () => {
    await counter.enrol();
    await counter.intake(90);
    counter.advance(24 * 3600_000); // a new day: the slot holds 100 numbers a day
    await counter.intake(90);
    const status = await counter.call<SyncStatus>('sync.now');
    expect(status).toMatchObject({ state: 'online', pending: 0, deadLetters: 0, problem: null });
    expect(status.lastSyncAt).not.toBeNull();
    expect(counter.standIn.dossiers.size).toBe(180);
    expect(pushes()).toBe(2);
  });

  test('several snapshots of one dossier are coalesced: only the newest is sent', async () => {
    await counter.enrol();
    const [dossier, other] = await counter.intake(2);
    await counter.call('dossiers.startProcessing', { id: dossier!.id });
    await counter.call('dossiers.markResultReady', { id: dossier!.id });
    expect(await counter.call('sync.status')).toMatchObject({ pending: 4 });
    await counter.call('sync.now');
    expect(counter.standIn.seenJobIds).toHaveLength(2);
    expect(counter.standIn.dossiers.get(dossier!.id)).toMatchObject({ version: 3, status: 'result-ready' });
    expect(counter.standIn.dossiers.get(other!.id)).toMatchObject({ version: 1 });
  });

  test('an item the server rejects goes to dead letters with its reason; the others flow; retry after a fix', async () => {
    await counter.enrol();
    const dossiers = await counter.intake(3);
    counter.standIn.switches.rejectDossiers.add(dossiers[1]!.id);
    expect(await counter.call('sync.now')).toMatchObject({ pending: 0, deadLetters: 1 });
    expect(counter.standIn.dossiers.size).toBe(2);
    const { items } = await counter.call<{ items: DeadLetter[] }>('sync.deadLetters', {});
    expect(items).toEqual([expect.objectContaining({ kind: 'dossier.upserted', outcome: 'rejected', reasonCode: 'invalid-input', dossierCode: dossiers[1]!.code, attempts: 1 })]);
    expect(JSON.stringify(items)).not.toMatch(/Nguyễn|001090012345/);
    counter.standIn.switches.rejectDossiers.clear();
    expect(await counter.call('sync.retry', { ids: [items[0]!.id] })).toEqual({ retried: 1 });
    expect(await counter.call('sync.now')).toMatchObject({ pending: 0, deadLetters: 0 });
    expect(counter.standIn.dossiers.size).toBe(3);
  });

  test('a whole request refused as invalid (422) is split up so only the poisoned item dies', async () => {
    await counter.enrol();
    const dossiers = await counter.intake(5);
    counter.standIn.switches.poisonDossiers.add(dossiers[2]!.id);
    expect(await counter.call('sync.now')).toMatchObject({ pending: 0, deadLetters: 1 });
    expect([...counter.standIn.dossiers.keys()].sort()).toEqual(dossiers.filter((_, i) => i !== 2).map((d) => d.id).sort());
    const { items } = await counter.call<{ items: DeadLetter[] }>('sync.deadLetters', {});
    expect(items[0]).toMatchObject({ dossierCode: dossiers[2]!.code, reasonCode: 'invalid-input' });
  });

  test('a conflict is done for the queue but stays visible with its reason', async () => {
    await counter.enrol();
    const [dossier] = await counter.intake(1);
    counter.standIn.switches.conflictDossiers.add(dossier!.id);
    expect(await counter.call('sync.now')).toMatchObject({ pending: 0, deadLetters: 1 });
    const { items } = await counter.call<{ items: DeadLetter[] }>('sync.deadLetters', {});
    expect(items[0]).toMatchObject({ outcome: 'conflict', reasonCode: 'dossier-code-collision', dossierCode: dossier!.code });
  });

  test('a duplicated delivery (the answer was lost) is recognised as unchanged and the queue ends empty', async () => {
    await counter.enrol();
    const [dossier] = await counter.intake(1);
    counter.standIn.failNext('/api/v1/sync/push', { afterApply: true, reset: true });
    expect(await counter.call('sync.now')).toMatchObject({ pending: 1, state: 'offline', problem: 'server-unreachable' });
    expect(await counter.call('sync.now')).toMatchObject({ pending: 0, state: 'online' });
    expect(counter.standIn.seenJobIds).toHaveLength(2);
    expect(new Set(counter.standIn.seenJobIds).size).toBe(1);
    expect(counter.standIn.dossiers.get(dossier!.id)).toMatchObject({ version: 1 });
  });

  test('a refused credential (401) pauses sending until a person acts; sync.now after the fix resumes', async () => {
    await counter.enrol();
    await counter.intake(2);
    counter.standIn.revokeAll();
    expect(await counter.call('sync.now')).toMatchObject({ state: 'paused', problem: 'credential-refused', pending: 2 });
    const before = pushes();
    counter.core.start();
    await counter.intake(1); // a commit wakes the worker, which stays paused
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pushes()).toBe(before);
    counter.standIn.revokeAll(false);
    expect(await counter.call('sync.now')).toMatchObject({ state: 'online', problem: null, pending: 0 });
    expect(counter.standIn.dossiers.size).toBe(3);
  });
});
