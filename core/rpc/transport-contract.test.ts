import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { insertOutboxJob } from '../features/sync/outbox-repo.ts';
import { uuidv7 } from '../ports/ids.ts';
import type { Core } from '../app/create-core.ts';
import { inProcessClient, nodeHostClient, type ContractClient } from '../../test/harness/contract-clients.ts';
import { createTestCore } from '../../test/harness/test-core.ts';
import { makeTempDir, writeGarbageDatabase } from '../../test/harness/temp-dir.ts';

// One suite, two transports: whatever holds in-process must hold over the Node host's real sockets.
const TRANSPORTS = [
  ['in-process dispatcher', (core: Core) => Promise.resolve(inProcessClient(core))],
  ['Node host over HTTP + WebSocket', (core: Core) => nodeHostClient(core)],
] as const;

/** Subscribes (resolving once the host acknowledged it) and gives the first payload `accept` takes. */
async function nextPayload(client: ContractClient, event: 'settings.changed' | 'sync.stateChanged', accept: (payload: unknown) => boolean = () => true) {
  let resolveReceived: (payload: unknown) => void = () => {};
  const received = new Promise<unknown>((resolve) => {
    resolveReceived = resolve;
  });
  const stop = await client.subscribe(event, (payload) => {
    if (accept(payload)) resolveReceived(payload);
  });
  return { received, stop };
}

describe.each(TRANSPORTS)('contract through the %s', (_name, connect) => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let client: ContractClient;

  beforeEach(async () => {
    temp = makeTempDir();
    core = createTestCore(temp.dir);
    core.start();
    client = await connect(core);
  });

  afterEach(async () => {
    await client.close();
    core.stop();
    temp.remove();
  });

  test('an unknown method is answered with unknown-method', async () => {
    const result = await client.invoke('dossiers.deleteEverything', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown-method', message: expect.stringContaining('dossiers.deleteEverything') } });
  });

  test('invalid input is answered with invalid-input and the path of each problem', async () => {
    const result = await client.invoke('settings.update', { language: 'fr', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    const paths = (result.error.details as { issues: { path: string }[] }).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['language', '']));
  });

  test('a valid call returns the value and changes nothing it should not', async () => {
    const updated = await client.invoke('settings.update', { counter: { centreName: 'Trung tâm Phục vụ hành chính công phường Ba Đình' } });
    expect(updated).toMatchObject({ ok: true, value: { language: 'vi', counter: { centreName: 'Trung tâm Phục vụ hành chính công phường Ba Đình', counterName: '' } } });
    const info = await client.invoke('system.info', {});
    expect(info).toMatchObject({ ok: true, value: { schemaVersion: LATEST_SCHEMA_VERSION, storage: { state: 'ready' }, databaseFile: path.join(temp.dir, 'profiles', 'default.sqlite') } });
  });

  test('an event is delivered to a subscriber, and not after it unsubscribes', async () => {
    const first = await nextPayload(client, 'settings.changed');
    await client.invoke('settings.update', { language: 'en' });
    expect(await first.received).toMatchObject({ language: 'en' });

    const afterUnsubscribe: unknown[] = [];
    const stop = await client.subscribe('settings.changed', (payload) => afterUnsubscribe.push(payload));
    await stop();
    await first.stop();
    const witness = await nextPayload(client, 'settings.changed', (payload) => (payload as { language: string }).language === 'vi');
    await client.invoke('settings.update', { language: 'vi' });
    await witness.received; // the later subscriber got it, so the earlier one would have too
    expect(afterUnsubscribe).toEqual([]);
    await witness.stop();
  });

  test('a job written by another connection raises sync.stateChanged with the new depth', async () => {
    const changed = await nextPayload(client, 'sync.stateChanged', (payload) => (payload as { pending: number }).pending === 1);
    const other = new Database(path.join(temp.dir, 'profiles', 'default.sqlite'));
    insertOutboxJob(other, { id: uuidv7(), kind: 'test.job', aggregateId: 'dossier-1', payload: { n: 1 }, createdAt: new Date().toISOString() });
    other.close();
    expect(await changed.received).toMatchObject({ pending: 1, deadLetters: 0, state: 'not-configured' });
    expect(await client.invoke('sync.status', {})).toMatchObject({ ok: true, value: { pending: 1 } });
    await changed.stop();
  });
});

describe.each(TRANSPORTS)('domain errors through the %s', (_name, connect) => {
  test('a corrupt database file maps to db-corrupt, the file is left as it was, other methods still answer', async () => {
    const temp = makeTempDir();
    const file = writeGarbageDatabase(temp.dir);
    const before = fs.readFileSync(file);
    const core = createTestCore(temp.dir);
    const client = await connect(core);
    try {
      const status = await client.invoke('sync.status', {});
      expect(status).toMatchObject({ ok: false, error: { code: 'db-corrupt' } });
      expect(await client.invoke('system.info', {})).toMatchObject({ ok: true, value: { storage: { state: 'unavailable', code: 'db-corrupt' } } });
      expect(await client.invoke('settings.get', {})).toMatchObject({ ok: true });
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    } finally {
      await client.close();
      core.stop();
      temp.remove();
    }
  });
});
