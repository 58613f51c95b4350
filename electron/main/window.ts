import { BrowserWindow, screen } from 'electron';
import type { Logger } from '../../core/ports/logger.ts';
import type { SettingsStore } from '../../core/ports/settings-store.ts';
import { APP_ENTRY_URL } from './trust.ts';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, restorableBounds, type WindowBounds } from './window-bounds.ts';

export type MainWindowOptions = Readonly<{
  preload: string;
  title: string;
  windowState: SettingsStore;
  logger: Logger;
}>;

/**
 * The one counter window. The webPreferences are the security baseline (STYLE 6.7) and are never relaxed,
 * not even for tests: the page gets `window.bridge` from the sandboxed preload and nothing else.
 */
export function createMainWindow({ preload, title, windowState, logger }: MainWindowOptions): BrowserWindow {
  const saved = restorableBounds(
    windowState.read(),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    title,
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_WINDOW_SIZE),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      windowState.write(boundsOf(window));
    } catch (error) {
      logger.warn('window position not saved', { reason: error instanceof Error ? error.message : 'unknown' });
    }
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    logger.error('the UI did not load', { reason: error instanceof Error ? error.message : 'unknown' });
  });
  return window;
}

function boundsOf(window: BrowserWindow): WindowBounds {
  // getNormalBounds: where the window returns to when un-maximised, so maximising is not "remembered" as size.
  return { ...window.getNormalBounds(), maximized: window.isMaximized() };
}
