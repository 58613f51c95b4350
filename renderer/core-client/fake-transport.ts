import type { EventName } from '../../shared/contract/events.ts';
import type { Input, MethodName, Output } from '../../shared/contract/methods.ts';
import { failResult, okResult, type RpcResult } from '../../shared/contract/result.ts';
import type { Transport } from '../../shared/contract/transport.ts';
import { CoreClientError } from './core-client-error.ts';
import type { ResyncSource } from './core-client.ts';

export type FakeHandlers = { [M in MethodName]?: (input: Input<M>) => Output<M> | Promise<Output<M>> };

export type FakeTransport = Transport &
  ResyncSource &
  Readonly<{
    /** Delivers an event as the core would; payloads are not checked here (tests may send bad ones). */
    emit(event: EventName, payload: unknown): void;
    resync(): void;
    listenerCount(event: EventName): number;
    calls: { method: MethodName; input: unknown }[];
  }>;

/**
 * An in-memory core for renderer tests (Actual's `initServer`): handlers answer calls, a thrown
 * CoreClientError becomes an `ok: false` envelope, a missing handler is `unknown-method`.
 */
export function createFakeTransport(handlers: FakeHandlers = {}): FakeTransport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const resyncListeners = new Set<() => void>();
  const calls: { method: MethodName; input: unknown }[] = [];
  return {
    calls,
    async invoke(method, input): Promise<RpcResult<unknown>> {
      calls.push({ method, input });
      const handler = handlers[method] as ((input: unknown) => unknown) | undefined;
      if (!handler) return failResult('unknown-method', `No fake handler for ${method}`);
      try {
        return okResult(await handler(input));
      } catch (error) {
        if (error instanceof CoreClientError) return failResult(error.code, error.message, error.details);
        return failResult('internal', 'Internal error');
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => void set.delete(untyped);
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => void resyncListeners.delete(listener);
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    },
    resync() {
      for (const listener of [...resyncListeners]) listener();
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}
