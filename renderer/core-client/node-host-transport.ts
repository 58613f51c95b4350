import { isEventName, type EventName, type EventPayload } from '../../shared/contract/events.ts';
import type { MethodName } from '../../shared/contract/methods.ts';
import { failResult, type RpcResult } from '../../shared/contract/result.ts';
import type { Transport } from '../../shared/contract/transport.ts';
import { EVENTS_PATH, RPC_PATH_PREFIX, type ClientSocketMessage } from '../../shared/contract/wire.ts';
import type { ResyncSource } from './core-client.ts';
import { toEnvelope } from './envelope.ts';

export type SocketHandlers = Readonly<{ onOpen(): void; onMessage(data: unknown): void; onClose(): void }>;
export type EventSocket = Readonly<{ send(text: string): void; close(): void }>;
/** Opens a WebSocket; injected so the reconnection logic can be tested without a network. */
export type OpenSocket = (url: string, handlers: SocketHandlers) => EventSocket;
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export type NodeHostTransportOptions = Readonly<{
  /** The host's origin; defaults to the page's own, where `desk serve` serves the UI. */
  baseUrl?: string;
  fetch?: Fetch;
  openSocket?: OpenSocket;
  /** Milliseconds to wait before reconnection attempt `attempt` (0-based). */
  backoff?: (attempt: number) => number;
}>;

export type NodeHostTransport = Transport & ResyncSource & Readonly<{ dispose(): void }>;

/** 0.25 s, 0.5 s, 1 s, 2 s, 4 s, then every 5 s: quick after a blip, gentle while the host is down. */
export function defaultBackoff(attempt: number): number {
  return Math.min(5_000, 250 * 2 ** attempt);
}

export const openBrowserSocket: OpenSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (message) => handlers.onMessage(message.data);
  // An 'error' is always followed by 'close', where reconnection is handled.
  socket.onclose = () => handlers.onClose();
  return { send: (text) => socket.send(text), close: () => socket.close() };
};

function eventsUrl(baseUrl: string): string {
  const url = new URL(EVENTS_PATH, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * The Node host (`desk serve`): calls are `POST /rpc/<method>`, events come over one WebSocket at /events
 * that is opened on the first subscription, reconnected with backoff when it drops, and re-subscribed.
 */
export function createNodeHostTransport(options: NodeHostTransportOptions = {}): NodeHostTransport {
  const baseUrl = options.baseUrl ?? window.location.href;
  const doFetch: Fetch = options.fetch ?? ((url, init) => fetch(url, init));
  const openSocket = options.openSocket ?? openBrowserSocket;
  const backoff = options.backoff ?? defaultBackoff;

  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const resyncListeners = new Set<() => void>();
  let socket: EventSocket | null = null;
  let open = false;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  let generation = 0;

  function send(message: ClientSocketMessage): void {
    if (socket && open) socket.send(JSON.stringify(message));
  }

  function deliver(data: unknown): void {
    let message: unknown;
    try {
      message = typeof data === 'string' ? JSON.parse(data) : undefined;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { type, event, payload } = message as { type?: unknown; event?: unknown; payload?: unknown };
    if (type === 'error') console.warn('The host refused an event message', message);
    if (type !== 'event' || typeof event !== 'string' || !isEventName(event)) return;
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  }

  function connect(): void {
    if (disposed || socket || reconnectTimer !== null) return;
    // Each socket gets its own generation, so late callbacks from a replaced socket are ignored.
    const mine = ++generation;
    const handlers: SocketHandlers = {
      onOpen() {
        if (mine !== generation) return;
        open = true;
        attempt = 0;
        for (const event of listeners.keys()) send({ type: 'subscribe', event });
        for (const listener of [...resyncListeners]) listener();
      },
      onMessage(data) {
        if (mine === generation) deliver(data);
      },
      onClose() {
        if (mine !== generation) return;
        generation += 1;
        socket = null;
        open = false;
        if (listeners.size > 0) scheduleReconnect();
      },
    };
    try {
      socket = openSocket(eventsUrl(baseUrl), handlers);
    } catch {
      generation += 1;
      scheduleReconnect();
    }
  }

  function scheduleReconnect(): void {
    if (reconnectTimer !== null || disposed) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, backoff(attempt));
    attempt += 1;
  }

  return {
    async invoke(method: MethodName, input: unknown): Promise<RpcResult<unknown>> {
      let response: Response;
      try {
        response = await doFetch(new URL(RPC_PATH_PREFIX + method, baseUrl).toString(), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return failResult('host-unreachable', 'The Một Cửa Desk host cannot be reached');
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failResult('internal', `The host answered HTTP ${response.status} without a result envelope`);
      }
      return toEnvelope(body, 'The host');
    },

    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      // The wire gives `unknown`; createCoreClient checks every payload against the contract.
      const untyped = listener as (payload: unknown) => void;
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        send({ type: 'subscribe', event });
      }
      set.add(untyped);
      connect();
      return () => {
        const current = listeners.get(event);
        if (!current?.delete(untyped) || current.size > 0) return;
        listeners.delete(event);
        send({ type: 'unsubscribe', event });
      };
    },

    onResync(listener) {
      resyncListeners.add(listener);
      return () => void resyncListeners.delete(listener);
    },

    dispose() {
      disposed = true;
      if (reconnectTimer !== null) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      generation += 1;
      socket?.close();
      socket = null;
      open = false;
    },
  };
}
