import { EVENT_NAMES } from '../../shared/contract/names.ts';
import type { EventName } from '../../shared/contract/events.ts';

type EventSource = (event: EventName, listener: (payload: unknown) => void) => () => void;
type Send = (event: EventName, payload: unknown) => void;

export interface EventRelay {
  /** Idempotent: a page that subscribes twice to one event receives each payload once. False for unknown names. */
  subscribe(clientId: number, event: string, send: Send): boolean;
  unsubscribe(clientId: number, event: string): void;
  /** On webContents destroyed (and reloads): drop every core subscription the client held. */
  removeClient(clientId: number): void;
  /** Number of live core subscriptions, for tests and leak checks. */
  size(): number;
}

const allowedEvents: ReadonlySet<string> = new Set(EVENT_NAMES);

function isAllowedEvent(name: string): name is EventName {
  return allowedEvents.has(name);
}

/**
 * Which renderer listens to which core event. Pure bookkeeping (no electron) so leaks are unit-tested:
 * one core subscription per (client, event); the preload fans out to the page's listeners.
 */
export function createEventRelay(source: EventSource): EventRelay {
  const clients = new Map<number, Map<EventName, () => void>>();
  return {
    subscribe(clientId, event, send) {
      if (!isAllowedEvent(event)) return false;
      const held = clients.get(clientId) ?? new Map<EventName, () => void>();
      clients.set(clientId, held);
      if (!held.has(event)) held.set(event, source(event, (payload) => send(event, payload)));
      return true;
    },
    unsubscribe(clientId, event) {
      const held = clients.get(clientId);
      if (!held || !isAllowedEvent(event)) return;
      held.get(event)?.();
      held.delete(event);
      if (held.size === 0) clients.delete(clientId);
    },
    removeClient(clientId) {
      const held = clients.get(clientId);
      if (!held) return;
      for (const stop of held.values()) stop();
      clients.delete(clientId);
    },
    size: () => [...clients.values()].reduce((total, held) => total + held.size, 0),
  };
}
