import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { METHOD_NAMES, ipcChannel } from '../../shared/contract/names.ts';
import { failResult, type RpcResult } from '../../shared/contract/result.ts';
import type { Core } from '../../core/app/create-core.ts';
import type { Logger } from '../../core/ports/logger.ts';
import { createEventRelay } from './event-relay.ts';
import { isTrustedSender } from './trust.ts';

export type CoreIpcOptions = Readonly<{
  core: Pick<Core, 'dispatch' | 'subscribe'>;
  /** The webContents ids of our own windows, read on every message. */
  trustedWebContentsIds: () => ReadonlySet<number>;
  logger: Logger;
}>;

/**
 * The only bridge between ipcMain and the core. Every channel name comes from shared/contract/names.ts.
 * Calls always resolve to an envelope (never a thrown Error): Electron would strip an Error to its message.
 * Returns a function that removes every handler (for tests and an orderly quit).
 */
export function registerCoreIpc({ core, trustedWebContentsIds, logger }: CoreIpcOptions): () => void {
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean =>
    isTrustedSender(
      {
        webContentsId: event.sender.id,
        frameUrl: event.senderFrame?.url,
        isMainFrame: event.senderFrame !== null && event.senderFrame.parent === null,
      },
      trustedWebContentsIds(),
    );

  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel.invoke(method), async (event, input: unknown): Promise<RpcResult<unknown>> => {
      if (!trusted(event)) {
        logger.warn('ipc call from an untrusted sender refused', { method });
        return failResult('forbidden-origin', 'Calls are accepted only from the app window');
      }
      try {
        return await core.dispatch(method, input);
      } catch (error) {
        // dispatch maps errors itself; this is the last guard so the renderer always gets an envelope.
        logger.error('dispatch threw', { method, error: error instanceof Error ? error.message : String(error) });
        return failResult('internal', 'Internal error');
      }
    });
  }

  const relay = createEventRelay((event, listener) => core.subscribe(event, listener));
  const watched = new Set<number>();

  // A reload keeps the old page's subscriptions until the contents is destroyed. That is bounded (one per
  // event name) and harmless: subscribe is idempotent, and an event nobody listens to is dropped by the preload.
  function watchForDestroy(contents: WebContents): void {
    if (watched.has(contents.id)) return;
    watched.add(contents.id);
    const id = contents.id;
    contents.once('destroyed', () => {
      relay.removeClient(id);
      watched.delete(id);
    });
  }

  ipcMain.on(ipcChannel.subscribe, (event, name: unknown) => {
    if (!trusted(event) || typeof name !== 'string') {
      logger.warn('event subscription refused: untrusted sender or malformed name');
      return;
    }
    const contents = event.sender;
    const accepted = relay.subscribe(contents.id, name, (eventName, payload) => {
      if (!contents.isDestroyed()) contents.send(ipcChannel.event(eventName), payload);
    });
    if (accepted) watchForDestroy(contents);
    else logger.warn('subscription to an unknown event refused', { event: name.slice(0, 100) });
  });

  ipcMain.on(ipcChannel.unsubscribe, (event, name: unknown) => {
    if (typeof name === 'string') relay.unsubscribe(event.sender.id, name);
  });

  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(ipcChannel.invoke(method));
    ipcMain.removeAllListeners(ipcChannel.subscribe);
    ipcMain.removeAllListeners(ipcChannel.unsubscribe);
    for (const id of watched) relay.removeClient(id);
  };
}
