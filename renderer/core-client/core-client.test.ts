import { describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync.ts';
import { CoreClientError } from './core-client-error.ts';
import { createCoreClient } from './core-client.ts';
import { createFakeTransport } from './fake-transport.ts';

const STATUS: SyncStatus = { state: 'offline', problem: 'server-unreachable', pending: 2, scansPending: 0, auditPending: 0, deadLetters: 0, lastSyncAt: null, lastError: 'down', checkedAt: null, clockSkewSeconds: null };

describe('createCoreClient', () => {
  it('returns the output of a call', async () => {
    const transport = createFakeTransport({ 'sync.status': () => STATUS });
    const client = createCoreClient(transport);
    await expect(client.call('sync.status', {})).resolves.toEqual(STATUS);
    expect(transport.calls).toEqual([{ method: 'sync.status', input: {} }]);
  });

  it('throws CoreClientError with the code, message and details of an ok:false answer', async () => {
    const client = createCoreClient(
      createFakeTransport({
        'sync.status': () => {
          throw new CoreClientError('db-corrupt', 'default.sqlite: file is not a database', { sqlite: 'SQLITE_NOTADB' });
        },
      }),
    );
    const error = await client.call('sync.status', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoreClientError);
    expect(error).toMatchObject({ code: 'db-corrupt', message: 'default.sqlite: file is not a database', details: { sqlite: 'SQLITE_NOTADB' } });
  });

  it('refuses an answer that does not match the contract', async () => {
    const client = createCoreClient(
      createFakeTransport({ 'sync.status': () => ({ ...STATUS, pending: -1 }) }),
    );
    await expect(client.call('sync.status', {})).rejects.toMatchObject({ code: 'internal' });
  });

  it('delivers events that match the contract and drops the rest', () => {
    const transport = createFakeTransport();
    const client = createCoreClient(transport);
    const seen: SyncStatus[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const off = client.on('sync.stateChanged', (status) => seen.push(status));

    transport.emit('sync.stateChanged', STATUS);
    transport.emit('sync.stateChanged', { state: 'exploded' });
    expect(seen).toEqual([STATUS]);
    expect(warn).toHaveBeenCalledOnce();

    off();
    transport.emit('sync.stateChanged', STATUS);
    expect(seen).toHaveLength(1);
    expect(transport.listenerCount('sync.stateChanged')).toBe(0);
    warn.mockRestore();
  });

  it('passes resync notices through, and is silent for transports without them', () => {
    const transport = createFakeTransport();
    const resyncs = vi.fn();
    const off = createCoreClient(transport).onResync(resyncs);
    transport.resync();
    off();
    transport.resync();
    expect(resyncs).toHaveBeenCalledOnce();

    const plain = createCoreClient({
      invoke: (method, input) => transport.invoke(method, input),
      subscribe: (event, listener) => transport.subscribe(event, listener),
    });
    expect(() => plain.onResync(resyncs)()).not.toThrow();
  });
});
