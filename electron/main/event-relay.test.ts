import { describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract/events.ts';
import { createEventRelay } from './event-relay.ts';

function fakeSource() {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    source: (event: EventName, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit: (event: EventName, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

describe('createEventRelay', () => {
  it('forwards to each client once, however often it subscribes', () => {
    const core = fakeSource();
    const relay = createEventRelay(core.source);
    const sent: unknown[] = [];
    expect(relay.subscribe(1, 'settings.changed', (event, payload) => sent.push([event, payload]))).toBe(true);
    expect(relay.subscribe(1, 'settings.changed', (event, payload) => sent.push([event, payload]))).toBe(true);
    core.emit('settings.changed', { language: 'en' });
    expect(sent).toEqual([['settings.changed', { language: 'en' }]]);
    expect(core.count()).toBe(1);
  });

  it('refuses names outside the contract', () => {
    const core = fakeSource();
    const relay = createEventRelay(core.source);
    expect(relay.subscribe(1, 'constructor', () => {})).toBe(false);
    expect(relay.subscribe(1, '__proto__', () => {})).toBe(false);
    expect(relay.size()).toBe(0);
  });

  it('unsubscribes one event, and drops everything of a destroyed client', () => {
    const core = fakeSource();
    const relay = createEventRelay(core.source);
    relay.subscribe(1, 'settings.changed', () => {});
    relay.subscribe(1, 'sync.stateChanged', () => {});
    relay.subscribe(2, 'settings.changed', () => {});
    relay.unsubscribe(1, 'settings.changed');
    expect(relay.size()).toBe(2);
    relay.removeClient(1);
    expect(relay.size()).toBe(1);
    relay.removeClient(2);
    relay.removeClient(3);
    expect(relay.size()).toBe(0);
    expect(core.count()).toBe(0);
  });
});
