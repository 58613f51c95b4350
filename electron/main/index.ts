import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { createCore, type Core } from '../../core/app/create-core.ts';
import { createJsonLogger } from '../../core/adapters/json-logger.ts';
import { registerCoreIpc } from './ipc.ts';
import { builtPaths } from './paths.ts';
import { registerAppScheme, serveAppProtocol } from './protocol.ts';
import { installSecurity } from './security.ts';
import { createElectronSettingsStore, createWindowStateStore } from './settings-store.ts';
import { createMainWindow } from './window.ts';

const PRODUCT_NAME = 'Một Cửa Desk';
const logger = createJsonLogger('electron');

// Tests (and IT) point the whole app at another folder. Moving userData itself, before ready, also moves
// electron-store, Chromium's caches and the single-instance lock, so parallel test apps never collide.
const dataDirOverride = process.env['MOT_CUA_DATA_DIR'];
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));

// Both must happen before `ready`.
registerAppScheme();
installSecurity(logger);

if (app.requestSingleInstanceLock()) {
  runApp();
} else {
  // Another counter window is already open on this data folder; it is focused by its 'second-instance'.
  app.quit();
}

function runApp(): void {
  let core: Core | null = null;
  let window: BrowserWindow | null = null;
  let disposeIpc: (() => void) | null = null;

  const openWindow = (): void => {
    const dataDir = app.getPath('userData');
    window = createMainWindow({
      preload: builtPaths.preload,
      title: PRODUCT_NAME,
      windowState: createWindowStateStore(dataDir, logger),
      logger,
    });
    window.on('closed', () => {
      window = null;
    });
  };

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  app
    .whenReady()
    .then(() => {
      serveAppProtocol(builtPaths.rendererRoot);
      const dataDir = app.getPath('userData');
      core = createCore({
        appVersion: app.getVersion(),
        dataDir,
        host: 'electron',
        settings: createElectronSettingsStore(dataDir, logger),
        logger,
      });
      core.start();
      disposeIpc = registerCoreIpc({
        core,
        trustedWebContentsIds: () => (window && !window.isDestroyed() ? new Set([window.webContents.id]) : new Set()),
        logger,
      });
      openWindow();
      logger.info('started', { version: app.getVersion(), packaged: app.isPackaged });
    })
    .catch((error: unknown) => {
      logger.error('start failed', { reason: error instanceof Error ? error.message : String(error) });
      dialog.showErrorBox(
        PRODUCT_NAME,
        'Không khởi động được phần mềm. Hãy gọi bộ phận CNTT.\nThe app could not start. Call IT.\n\n' +
          (error instanceof Error ? error.message : String(error)),
      );
      app.exit(1);
    });

  // macOS: re-open the window from the dock. The counter PCs are Windows/Linux, where this never fires.
  app.on('activate', () => {
    if (core && !window) openWindow();
  });

  // A counter app has one window: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', () => {
    disposeIpc?.();
    disposeIpc = null;
    core?.stop();
    core = null;
  });
}
