import type { Transport } from '../../shared/contract/transport.ts';
import type { ResyncSource } from '../core-client/core-client.ts';
import { createElectronTransport } from '../core-client/electron-transport.ts';
import { createNodeHostTransport } from '../core-client/node-host-transport.ts';

/** Inside Electron the preload has set `window.bridge`; in a browser the page came from `desk serve`. */
export function pickTransport(): Transport & Partial<ResyncSource> {
  return window.bridge ? createElectronTransport(window.bridge) : createNodeHostTransport();
}
