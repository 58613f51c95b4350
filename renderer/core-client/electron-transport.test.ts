import { describe, expect, it, vi } from 'vitest';
import type { BridgeApi } from '../../shared/contract/transport.ts';
import { createElectronTransport } from './electron-transport.ts';

describe('createElectronTransport', () => {
  it('passes calls and envelopes through the bridge', async () => {
    const invoke = vi.fn<BridgeApi['invoke']>(() => Promise.resolve({ ok: false, error: { code: 'not-found', message: 'no' } }));
    const transport = createElectronTransport({ invoke, subscribe: () => () => undefined });
    await expect(transport.invoke('counter.get', {})).resolves.toEqual({ ok: false, error: { code: 'not-found', message: 'no' } });
    expect(invoke).toHaveBeenCalledWith('counter.get', {});
  });

  it('turns a rejected IPC call or a malformed answer into an internal error', async () => {
    const rejecting = createElectronTransport({ invoke: () => Promise.reject(new Error('gone')), subscribe: () => () => undefined });
    await expect(rejecting.invoke('counter.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'host-unreachable' } });
    const malformed = createElectronTransport({ invoke: () => Promise.resolve('nope' as never), subscribe: () => () => undefined });
    await expect(malformed.invoke('counter.get', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('subscribes through the bridge and returns its unsubscribe', () => {
    const unsubscribe = vi.fn();
    const subscribe = vi.fn((_event: string, _listener: (payload: unknown) => void) => unsubscribe);
    const transport = createElectronTransport({ invoke: vi.fn(), subscribe });
    const listener = vi.fn();
    transport.subscribe('settings.changed', listener)();
    expect(subscribe).toHaveBeenCalledWith('settings.changed', listener);
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});
