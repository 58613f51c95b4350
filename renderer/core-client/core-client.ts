import type { z } from 'zod';
import { events, type EventName, type EventPayload } from '../../shared/contract/events.ts';
import { methods, type Input, type MethodName, type Output } from '../../shared/contract/methods.ts';
import type { Transport } from '../../shared/contract/transport.ts';
import { CoreClientError } from './core-client-error.ts';

export type Unsubscribe = () => void;

/**
 * A transport whose event delivery can drop and come back (the Node host's WebSocket). After every
 * (re)connection it calls these listeners: events emitted meanwhile are lost, so callers re-read state.
 */
export type ResyncSource = Readonly<{ onResync(listener: () => void): Unsubscribe }>;

export interface CoreClient {
  /** Resolves with the method's output, checked against the contract; rejects with `CoreClientError`. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Payloads that do not match the contract are dropped (and logged), never handed to the UI. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
  /** See `ResyncSource`; a transport that never drops events never calls the listener. */
  onResync(listener: () => void): Unsubscribe;
}

export function createCoreClient(transport: Transport & Partial<ResyncSource>): CoreClient {
  return {
    async call(method, input) {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new CoreClientError(result.error.code, result.error.message, result.error.details);
      const schema: z.ZodType = methods[method].output;
      const checked = schema.safeParse(result.value);
      if (!checked.success) throw new CoreClientError('internal', `The answer to ${method} does not match the contract`);
      // Checked against this very method's output schema just above.
      return checked.data as Output<typeof method>;
    },
    on(event, listener) {
      const schema: z.ZodType = events[event];
      return transport.subscribe(event, (payload) => {
        const checked = schema.safeParse(payload);
        if (!checked.success) {
          console.warn(`Dropped a ${event} event that does not match the contract`);
          return;
        }
        // Checked against this very event's payload schema just above.
        listener(checked.data as EventPayload<typeof event>);
      });
    },
    onResync(listener) {
      return transport.onResync ? transport.onResync(listener) : () => undefined;
    },
  };
}
