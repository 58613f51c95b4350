import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { createCore, type Core } from '../../core/app/create-core.ts';
import { createJsonLogger } from '../../core/adapters/json-logger.ts';
import { registerCoreIpc } from './ipc.ts';
import { quitQuestion, type QuitQuestion } from './quit-guard.ts';
import { SettingsSchema } from '../../shared/contract/settings.ts';
import { SyncStatusSchema } from '../../shared/contract/sync.ts';
import { builtPaths } from './paths.ts';
import { registerAppScheme, serveAppProtocol } from './protocol.ts';
import { installSecurity } from './security.ts';
import { createElectronSettingsStore, createWindowStateStore } from './settings-store.ts';
import { createMainWindow } from './window.ts';
import { osKeychain } from './keychain.ts';
import type { SecretBox } from '../../core/ports/secret-box.ts';

const withKeychain = (secrets: SecretBox | undefined) => (secrets ? { secrets } : {});

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
  let confirmedQuit = false;

  const openWindow = (): void => {
    const dataDir = app.getPath('userData');
    window = createMainWindow({
      preload: builtPaths.preload,
      title: PRODUCT_NAME,
      windowState: createWindowStateStore(dataDir, logger),
      logger,
    });
    // Decided asynchronously (the core answers through dispatch), so the first close is held back and
    // repeated once the clerk has answered.
    window.on('close', (event) => {
      if (confirmedQuit || !core) return;
      event.preventDefault();
      void askBeforeQuit(core).then(async (question) => {
        const target = window;
        if (!target || target.isDestroyed()) return;
        if (question) {
          const { response } = await dialog.showMessageBox(target, { type: 'question', title: question.title, message: question.message, detail: question.detail, buttons: [...question.buttons], defaultId: 1, cancelId: 1 });
          if (response !== 0) return;
        }
        confirmedQuit = true;
        target.close();
      });
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
        // After `ready`: safeStorage needs the app ready (and, on macOS, the Keychain prompt may show).
        ...withKeychain(osKeychain((message, fields) => logger.warn(message, fields))),
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

/** The question to ask before closing, or null; a core that cannot answer (storage down) never blocks quitting. */
async function askBeforeQuit(core: Core): Promise<QuitQuestion | null> {
  const [status, settings] = await Promise.all([core.dispatch('sync.status', {}), core.dispatch('settings.get', {})]);
  const pending = status.ok ? SyncStatusSchema.pick({ pending: true, scansPending: true, auditPending: true }).safeParse(status.value) : null;
  const language = settings.ok ? SettingsSchema.pick({ language: true }).safeParse(settings.value) : null;
  if (!pending?.success) return null;
  return quitQuestion(pending.data, language?.success ? language.data.language : 'vi');
}
