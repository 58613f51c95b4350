import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.ts';

// Sandboxed preload, bundled to dist/electron/preload.cjs: it may only require 'electron'. The page gets
// exactly { invoke, subscribe } as `window.bridge`; see bridge.ts for the allow-list.
contextBridge.exposeInMainWorld('bridge', createBridge(ipcRenderer));
