import type { EventName, EventPayload } from '../../shared/contract/events.ts';
import type { Logger } from '../ports/logger.ts';

export type Unsubscribe = () => void;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
}

/** A listener that throws is logged and does not stop delivery to the others. */
export function createEventBus(logger: Logger): EventBus {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  return {
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as (payload: EventPayload<typeof event>) => void)(payload);
        } catch (error) {
          logger.error('event listener failed', { event, error: error instanceof Error ? error.message : String(error) });
        }
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}
