import type { RpcResult } from './result.ts';
import type { MethodName } from './methods.ts';
import type { EventName, EventPayload } from './events.ts';

/** What a client needs from any host: Electron IPC, the Node host's HTTP + WebSocket, or in-process. */
export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<RpcResult<unknown>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The object the Electron preload exposes as `window.bridge`: nothing more than the contract. */
export interface BridgeApi {
  invoke(method: string, input: unknown): Promise<RpcResult<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}
