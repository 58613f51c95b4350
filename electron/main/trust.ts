/**
 * Who the shell trusts, as pure predicates (no electron import) so they are unit-tested in plain Node.
 * The UI is served from `app://desk/`; nothing else may talk to the core or be navigated to.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
/** Every trusted URL starts with this, slash included, so `app://desk.evil/` or `app://desk@x/` never match. */
export const APP_ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = APP_ORIGIN_PREFIX;

export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || !url.startsWith(APP_ORIGIN_PREFIX)) return false;
  // Belt and braces: the prefix test is the rule; parsing rejects strings Chromium would not produce.
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** will-navigate / will-frame-navigate / will-redirect: only within our own UI. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

export type SenderFacts = Readonly<{
  /** webContents.id of the IPC sender. */
  webContentsId: number;
  /** event.senderFrame?.url; undefined when the frame is gone (navigated away or destroyed). */
  frameUrl: string | undefined;
  /** Whether the sending frame is the top frame; an iframe never speaks for the app. */
  isMainFrame: boolean;
}>;

/**
 * GitHub Desktop's isValidSender, tightened: the message must come from the top frame of our own window,
 * and that frame must currently show our UI. `trustedWebContentsIds` is read at call time, so a closed
 * window stops being trusted at once.
 */
export function isTrustedSender(sender: SenderFacts, trustedWebContentsIds: ReadonlySet<number>): boolean {
  return trustedWebContentsIds.has(sender.webContentsId) && sender.isMainFrame && isAppUrl(sender.frameUrl);
}
