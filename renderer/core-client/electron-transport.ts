import type { EventName, EventPayload } from '../../shared/contract/events.ts';
import type { MethodName } from '../../shared/contract/methods.ts';
import { failResult, type RpcResult } from '../../shared/contract/result.ts';
import type { BridgeApi, Transport } from '../../shared/contract/transport.ts';
import { toEnvelope } from './envelope.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the UI is served by the Node host. */
    readonly bridge?: BridgeApi;
  }
}

/** The preload's `window.bridge`. IPC to the main process does not drop events, so there is no resync. */
export function createElectronTransport(bridge: BridgeApi): Transport {
  return {
    async invoke(method: MethodName, input: unknown): Promise<RpcResult<unknown>> {
      try {
        return toEnvelope(await bridge.invoke(method, input), 'The app core');
      } catch {
        // The preload promises envelopes; a rejected IPC call means the core process is gone.
        return failResult('host-unreachable', 'The app core cannot be reached');
      }
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      // createCoreClient checks every payload against the contract before the UI sees it.
      return bridge.subscribe(event, listener as (payload: unknown) => void);
    },
  };
}
