import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, ipcChannel } from '../../shared/contract/names.ts';
import { createBridge, type PreloadIpc } from './bridge.ts';

type IpcListener = (event: unknown, payload: unknown) => void;

function fakeIpc(answer: (channel: string, input: unknown) => Promise<unknown> = () => Promise.resolve({ ok: true, value: {} })) {
  const invoked: [string, unknown][] = [];
  const sent: [string, string][] = [];
  const listeners = new Map<string, Set<IpcListener>>();
  const ipc: PreloadIpc = {
    invoke: (channel, input) => {
      invoked.push([channel, input]);
      return answer(channel, input);
    },
    send: (channel, name) => void sent.push([channel, name]),
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const deliver = (channel: string, payload: unknown) => {
    const ipcEvent = { sender: 'IpcRendererEvent', ports: [] };
    listeners.get(channel)?.forEach((listener) => listener(ipcEvent, payload));
  };
  const listenerCount = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { ipc, invoked, sent, deliver, listenerCount };
}

describe('createBridge', () => {
  it('exposes exactly invoke and subscribe', () => {
    expect(Object.keys(createBridge(fakeIpc().ipc)).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards every contract method on its derived channel', async () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    for (const method of METHOD_NAMES) await bridge.invoke(method, { a: 1 });
    expect(fake.invoked.map(([channel]) => channel)).toEqual(METHOD_NAMES.map((m) => ipcChannel.invoke(m)));
  });

  it.each(['nope', 'core:system.info', '__proto__', 'toString', ''])('answers unknown method %j with an envelope, sending nothing', async (method) => {
    const fake = fakeIpc();
    const result = await createBridge(fake.ipc).invoke(method, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(fake.invoked).toEqual([]);
  });

  it('turns a rejected invoke into an internal envelope', async () => {
    const fake = fakeIpc(() => Promise.reject(new Error('No handler registered')));
    await expect(createBridge(fake.ipc).invoke('system.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'host-unreachable' } });
  });

  it('throws for an unknown event', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(() => bridge.subscribe('outbox.secret', () => {})).toThrow(/Unknown event/);
    expect(() => bridge.subscribe('constructor', () => {})).toThrow(/Unknown event/);
  });

  it('hands the page only the payload, never the IpcRendererEvent', () => {
    const fake = fakeIpc();
    const received: unknown[][] = [];
    createBridge(fake.ipc).subscribe('settings.changed', (...args: unknown[]) => received.push(args));
    fake.deliver(ipcChannel.event('settings.changed'), { language: 'en' });
    expect(received).toEqual([[{ language: 'en' }]]);
  });

  it('asks main once per event and lets go when the last listener leaves', () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    const event = EVENT_NAMES[0];
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = bridge.subscribe(event, (p) => first.push(p));
    const stopSecond = bridge.subscribe(event, (p) => second.push(p));
    expect(fake.sent).toEqual([[ipcChannel.subscribe, event]]);
    fake.deliver(ipcChannel.event(event), 1);
    stopFirst();
    stopFirst();
    fake.deliver(ipcChannel.event(event), 2);
    expect(first).toEqual([1]);
    expect(second).toEqual([1, 2]);
    stopSecond();
    expect(fake.sent).toEqual([
      [ipcChannel.subscribe, event],
      [ipcChannel.unsubscribe, event],
    ]);
    expect(fake.listenerCount()).toBe(0);
  });

  it('keeps delivering to the others when one listener throws', async () => {
    const fake = fakeIpc();
    const bridge = createBridge(fake.ipc);
    const got: unknown[] = [];
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      bridge.subscribe('settings.changed', () => {
        throw new Error('listener bug');
      });
      bridge.subscribe('settings.changed', (p) => got.push(p));
      fake.deliver(ipcChannel.event('settings.changed'), 'x');
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(got).toEqual(['x']);
  });
});
