import { EVENT_NAMES, METHOD_NAMES, ipcChannel } from '../../shared/contract/names.ts';
import type { BridgeApi } from '../../shared/contract/transport.ts';

type Envelope = Awaited<ReturnType<BridgeApi['invoke']>>;
type IpcListener = (event: unknown, payload: unknown) => void;

/** The part of ipcRenderer the bridge uses; a fake in unit tests. */
export interface PreloadIpc {
  invoke(channel: string, input: unknown): Promise<unknown>;
  send(channel: string, name: string): void;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

const allowedMethods: ReadonlySet<string> = new Set(METHOD_NAMES);
const allowedEvents: ReadonlySet<string> = new Set(EVENT_NAMES);

/**
 * `window.bridge`: only the contract's calls and events, never a generic channel (STYLE 6.10). The page
 * never sees an IpcRendererEvent, and every call resolves to an envelope, also when it cannot be made.
 */
export function createBridge(ipc: PreloadIpc): BridgeApi {
  // One main-process subscription per event; the page's listeners fan out here.
  const listeners = new Map<string, Set<{ listener: (payload: unknown) => void }>>();
  const relays = new Map<string, IpcListener>();

  return {
    invoke(method, input) {
      if (typeof method !== 'string' || !allowedMethods.has(method)) {
        const name = String(method).slice(0, 100);
        return Promise.resolve<Envelope>({ ok: false, error: { code: 'unknown-method', message: `Unknown method: ${name}` } });
      }
      return ipc.invoke(ipcChannel.invoke(method), input).then(
        (result) => result as Envelope,
        (): Envelope => ({ ok: false, error: { code: 'host-unreachable', message: 'The app did not answer the call' } }),
      );
    },

    subscribe(event, listener) {
      if (typeof event !== 'string' || !allowedEvents.has(event)) throw new Error(`Unknown event: ${String(event).slice(0, 100)}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const entry = { listener };
      let entries = listeners.get(event);
      if (!entries) {
        const fresh = new Set<{ listener: (payload: unknown) => void }>();
        const relay: IpcListener = (_ipcEvent, payload) => {
          for (const { listener: each } of [...fresh]) {
            try {
              each(payload);
            } catch (error) {
              // One faulty listener must not starve the others; rethrow later so it still shows in the console.
              queueMicrotask(() => {
                throw error;
              });
            }
          }
        };
        listeners.set(event, (entries = fresh));
        relays.set(event, relay);
        ipc.on(ipcChannel.event(event), relay);
        ipc.send(ipcChannel.subscribe, event);
      }
      entries.add(entry);
      return () => {
        if (!entries.delete(entry) || entries.size > 0) return;
        const relay = relays.get(event);
        if (relay) ipc.removeListener(ipcChannel.event(event), relay);
        relays.delete(event);
        listeners.delete(event);
        ipc.send(ipcChannel.unsubscribe, event);
      };
    },
  };
}
