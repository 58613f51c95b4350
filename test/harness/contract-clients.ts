import type { EventName } from '../../shared/contract/events.ts';
import type { RpcResult } from '../../shared/contract/result.ts';
import { EVENTS_PATH, RPC_PATH_PREFIX, type ServerSocketMessage } from '../../shared/contract/wire.ts';
import type { Core } from '../../core/app/create-core.ts';
import { startNodeHost, type NodeHost } from '../../core/host/node-host.ts';
import { silentLogger } from '../../core/adapters/json-logger.ts';

/** What the contract suite needs from a host; `subscribe` resolves once events will be delivered. */
export interface ContractClient {
  invoke(method: string, input: unknown): Promise<RpcResult<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function inProcessClient(core: Core): ContractClient {
  return {
    invoke: (method, input) => core.dispatch(method, input),
    subscribe: (event, listener) => {
      const unsubscribe = core.subscribe(event, listener);
      return Promise.resolve(() => Promise.resolve(unsubscribe()));
    },
    close: () => Promise.resolve(),
  };
}

/** Over a real socket: HTTP POST for calls, one WebSocket for events (Node's built-in WebSocket client). */
export async function nodeHostClient(core: Core, uiDir = '/nonexistent'): Promise<ContractClient & { host: NodeHost }> {
  const host = await startNodeHost({ core, uiDir, port: 0, logger: silentLogger });
  const socket = new WebSocket(`${host.url.replace('http', 'ws')}${EVENTS_PATH}`);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('WebSocket did not open')), { once: true });
  });
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const acks: ((message: ServerSocketMessage) => void)[] = [];
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as ServerSocketMessage;
    if (data.type === 'event') for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
    else acks.shift()?.(data);
  });
  const request = (type: 'subscribe' | 'unsubscribe', event: string) =>
    new Promise<ServerSocketMessage>((resolve) => {
      acks.push(resolve);
      socket.send(JSON.stringify({ type, event }));
    });

  return {
    host,
    async invoke(method, input) {
      const response = await fetch(`${host.url}${RPC_PATH_PREFIX}${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await response.json()) as RpcResult<unknown>;
    },
    async subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      await request('subscribe', event);
      return async () => {
        set.delete(listener);
        if (set.size === 0) await request('unsubscribe', event);
      };
    },
    async close() {
      socket.close();
      await host.close();
    },
  };
}
