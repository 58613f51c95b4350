import { app, session, type Session, type WebContents } from 'electron';
import { isAllowedNavigation } from './trust.ts';
import type { Logger } from '../../core/ports/logger.ts';

/**
 * The Electron security baseline (STYLE 6.7), applied to every webContents the app ever creates, not only
 * the main window: a page that somehow opened a second contents gets the same rules. Call before ready.
 */
export function installSecurity(logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, logger));
  app.whenReady().then(
    () => denyAllPermissions(session.defaultSession),
    () => {},
  );
}

function hardenContents(contents: WebContents, logger: Logger): void {
  denyAllPermissions(contents.session);

  // The counter never opens windows; links to the outside world will go through a validated shell call.
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('window.open denied', { url: safeForLog(url) });
    return { action: 'deny' };
  });

  const blockNavigation = (event: { url: string; preventDefault(): void }, kind: string): void => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    logger.warn(`${kind} denied`, { url: safeForLog(event.url) });
  };
  contents.on('will-navigate', (event) => blockNavigation(event, 'navigation'));
  // The main frame is will-navigate's; this catches subframes (the CSP already forbids frames; belt and braces).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) blockNavigation(event, 'frame navigation');
  });
  contents.on('will-redirect', (event) => blockNavigation(event, 'redirect'));

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview attach denied');
  });
}

const hardenedSessions = new WeakSet<Session>();

/** Camera, microphone, notifications, USB, HID…: the UI needs none; devices are driven from the core. */
function denyAllPermissions(target: Session): void {
  if (hardenedSessions.has(target)) return;
  hardenedSessions.add(target);
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

/** Only scheme and host reach the log: a URL's path or query may carry a citizen's data. */
function safeForLog(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(unparseable)';
  }
}
