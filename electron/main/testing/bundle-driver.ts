import fs from 'node:fs';
import { registerHooks } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { METHOD_NAMES, ipcChannel } from '../../../shared/contract/names.ts';
import * as fake from './fake-electron.ts';

/**
 * Runs the real dist/electron/main.mjs under plain Node with `electron` mapped to fake-electron.ts:
 *   node --import electron/main/testing/bundle-driver.ts <root>/dist/electron/main.mjs
 * DRIVER_SCENARIO = first | relaunch | lock-held | corrupt-settings. Prints one line
 * `DRIVER-RESULT <json>` with named checks; bundle.test.ts asserts on them. This proves the bundle's
 * wiring, not Chromium's behaviour: that part is test/e2e-electron/shell.spec.ts, which needs the binary.
 */
const fakeUrl = new URL('./fake-electron.ts', import.meta.url).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    return specifier === 'electron' ? { url: fakeUrl, shortCircuit: true } : nextResolve(specifier, context);
  },
});

type Check = { name: string; ok: boolean; detail?: unknown };
type Envelope = { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
type FakeEvent = { sender: fake.FakeWebContents; senderFrame: { url: string; parent: unknown } | null };

const checks: Check[] = [];
const check = (name: string, ok: boolean, detail?: unknown): void => {
  checks.push(ok ? { name, ok } : { name, ok, detail });
};

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function invoke(method: string, event: FakeEvent, input: unknown): Promise<Envelope> {
  const handler = fake.ipcMain.handlers.get(ipcChannel.invoke(method));
  if (!handler) return Promise.resolve({ ok: false, error: { code: 'no-handler' } });
  return Promise.resolve(handler(event, input) as Envelope);
}

function navigationPrevented(contents: fake.FakeWebContents, kind: string, url: string): boolean {
  let prevented = false;
  // will-frame-navigate is exercised as a subframe's; the main frame's navigations are will-navigate's.
  contents.emit(kind, { url, isMainFrame: kind !== 'will-frame-navigate', preventDefault: () => (prevented = true) });
  return prevented;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

const dataDir = path.resolve(process.env['MOT_CUA_DATA_DIR'] ?? '');

async function startApp(): Promise<fake.BrowserWindow | undefined> {
  await new Promise((resolve) => setImmediate(resolve));
  check('app scheme registered as privileged before ready',
    fake.protocol.registeredBeforeReady &&
      fake.protocol.privileged.some((s) => s.scheme === 'app' && s.privileges['standard'] && s.privileges['secure'] && s.privileges['supportFetchAPI']),
    fake.protocol.privileged);
  check('userData moved to MOT_CUA_DATA_DIR before ready', fake.app.getPath('userData') === dataDir);
  fake.app.makeReady();
  if (!fake.app.lockAvailable) return undefined;
  await until(() => fake.BrowserWindow.instances.length === 1, 'the window');
  return fake.BrowserWindow.instances[0];
}

async function firstRun(window: fake.BrowserWindow): Promise<void> {
  const prefs = window.options['webPreferences'] as Record<string, unknown>;
  check('webPreferences are the baseline',
    prefs['contextIsolation'] === true && prefs['sandbox'] === true && prefs['nodeIntegration'] === false &&
      prefs['webSecurity'] === true && prefs['webviewTag'] === false,
    prefs);
  const preload = String(prefs['preload']);
  check('preload is dist/electron/preload.cjs beside the bundle', preload.endsWith(path.join('dist', 'electron', 'preload.cjs')) && fs.existsSync(preload), preload);
  check('window loads app://desk/', window.loaded[0] === 'app://desk/', window.loaded);
  check('one ipc handler per contract method', METHOD_NAMES.every((m) => fake.ipcMain.handlers.has(ipcChannel.invoke(m))));

  const contents = window.webContents;
  const trusted: FakeEvent = { sender: contents, senderFrame: { url: 'app://desk/', parent: null } };
  const eventsSent = (target: fake.FakeWebContents) => target.sent.filter((s) => s.channel === ipcChannel.event('settings.changed')).length;

  fake.ipcMain.emit(ipcChannel.subscribe, trusted, 'settings.changed');
  fake.ipcMain.emit(ipcChannel.subscribe, trusted, 'settings.changed');
  fake.ipcMain.emit(ipcChannel.subscribe, trusted, 'no.suchEvent');
  const updated = await invoke('settings.update', trusted, { language: 'en' });
  check('settings.update from the app window succeeds', updated.ok && updated.value?.['language'] === 'en', updated);
  check('settings.changed forwarded once despite two subscribes', eventsSent(contents) === 1, contents.sent);
  const file = path.join(dataDir, 'settings.json');
  check('settings.json in the data folder holds the settings', fs.existsSync(file) && readJson<{ language?: string }>(file).language === 'en');
  const invalid = await invoke('settings.update', trusted, { language: 'fr' });
  check('invalid input comes back as invalid-input', invalid.error?.code === 'invalid-input', invalid);

  const stranger = new fake.FakeWebContents();
  const untrusted: [string, FakeEvent][] = [
    ['another webContents', { sender: stranger, senderFrame: { url: 'app://desk/', parent: null } }],
    ['an outside page in our window', { sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a look-alike origin', { sender: contents, senderFrame: { url: 'app://desk.evil/', parent: null } }],
    ['an iframe', { sender: contents, senderFrame: { url: 'app://desk/', parent: {} } }],
    ['a vanished frame', { sender: contents, senderFrame: null }],
  ];
  for (const [who, event] of untrusted) {
    const result = await invoke('settings.get', event, {});
    check(`call from ${who} is forbidden-origin`, result.error?.code === 'forbidden-origin', result);
  }
  fake.ipcMain.emit(ipcChannel.subscribe, untrusted[0]![1], 'settings.changed');
  fake.ipcMain.emit(ipcChannel.unsubscribe, trusted, 'settings.changed');
  await invoke('settings.update', trusted, { language: 'en' });
  check('no events after unsubscribe, none to a stranger', eventsSent(contents) === 1 && stranger.sent.length === 0, { sent: contents.sent, stranger: stranger.sent });
  fake.ipcMain.emit(ipcChannel.subscribe, trusted, 'settings.changed');

  const serve = fake.protocol.handlers.get('app');
  if (!serve) throw new Error('app protocol not handled');
  const home = await serve(new Request('app://desk/'));
  check('app://desk/ serves index.html with the CSP',
    home.status === 200 && (home.headers.get('content-security-policy') ?? '').includes("default-src 'none'") && (await home.text()).includes('DRIVER-UI'),
    home.status);
  const script = await serve(new Request('app://desk/assets/app.js'));
  check('assets are served with their type', script.status === 200 && (script.headers.get('content-type') ?? '').startsWith('text/javascript'));
  for (const url of ['app://desk/%2e%2e/%2e%2e/package.json', 'app://desk/..%2f..%2fpackage.json', 'app://other/index.html', 'app://desk/missing.js']) {
    check(`${url} is 404`, (await serve(new Request(url))).status === 404);
  }

  check('window.open is denied', contents.windowOpenHandler?.({ url: 'https://example.com/' }).action === 'deny');
  for (const kind of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    check(`${kind} to the outside is prevented`, navigationPrevented(contents, kind, 'https://example.com/'));
    check(`${kind} within app://desk/ is allowed`, !navigationPrevented(contents, kind, 'app://desk/index.html'));
  }
  check('webview attach is prevented', navigationPrevented(contents, 'will-attach-webview', 'app://desk/'));
  let granted: boolean | null = null;
  const request = contents.session.permissionRequestHandler as unknown as ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null;
  request?.(contents, 'media', (ok) => (granted = ok));
  const checkPermission = contents.session.permissionCheckHandler as unknown as (() => boolean) | null;
  check('permission requests and checks are denied', granted === false && checkPermission?.() === false);

  fake.app.emit('second-instance');
  check('a second instance focuses the window', window.focusCount === 1);

  // A change still queued for the server: the clerk is asked; "stay" keeps the window, "quit" closes it.
  queueOneChange(path.join(dataDir, 'profiles', 'default.sqlite'));
  fake.dialog.answers.push(1, 0);
  window.close();
  await until(() => fake.dialog.questions.length === 1, 'the quit question');
  await new Promise((resolve) => setTimeout(resolve, 20));
  check('closing with queued changes asks, and "stay" keeps the window', !window.isDestroyed() && fake.app.quits.length === 0, fake.dialog.questions);
  window.close();
  await until(() => fake.app.quits.length === 1, 'quit after the answer "quit"');
  check('the quit question names the queued changes in the counter\'s language', fake.dialog.questions[1]?.message === '1 dossier change(s) not sent yet to the central server.', fake.dialog.questions);
  check('closing the window quits the app', fake.app.quits.length === 1);
  const afterClose = await invoke('settings.get', trusted, {});
  check('a closed window is no longer trusted', afterClose.error?.code === 'forbidden-origin', afterClose);
  await invoke('settings.update', { sender: stranger, senderFrame: null }, { language: 'vi' });
  const state = readJson<{ bounds?: { x?: number; width?: number } }>(path.join(dataDir, 'window-state.json'));
  check('window bounds saved on close', state.bounds?.width === 1300 && state.bounds?.x === 10, state);
  fake.app.emit('will-quit');
  check('ipc handlers removed on quit', fake.ipcMain.handlers.size === 0 && !fake.ipcMain.listeners.has(ipcChannel.subscribe));
}

async function relaunch(window: fake.BrowserWindow): Promise<void> {
  const contents = window.webContents;
  const got = await invoke('settings.get', { sender: contents, senderFrame: { url: 'app://desk/', parent: null } }, {});
  check('settings survive a relaunch', got.ok && got.value?.['language'] === 'en', got);
  check('window bounds restored', window.options['x'] === 10 && window.options['width'] === 1300, window.options);
  fake.app.emit('will-quit');
}

async function corruptSettings(window: fake.BrowserWindow): Promise<void> {
  const got = await invoke('settings.get', { sender: window.webContents, senderFrame: { url: 'app://desk/', parent: null } }, {});
  check('an unreadable settings file gives defaults instead of stopping the app', got.ok && got.value?.['language'] === 'vi', got);
  const kept = fs.readdirSync(dataDir).filter((name) => name.startsWith('settings.json.unreadable-'));
  check('the unreadable file is kept aside for IT, unchanged', kept.length === 1 && fs.readFileSync(path.join(dataDir, kept[0]!), 'utf8') === '{oops', kept);
  fake.app.emit('will-quit');
}

async function main(): Promise<void> {
  try {
    const scenario = process.env['DRIVER_SCENARIO'] ?? 'first';
    const window = await startApp();
    if (scenario === 'lock-held') {
      check('without the lock the app quits and opens no window', window === undefined && fake.app.quits.length === 1 && fake.BrowserWindow.instances.length === 0);
    } else if (!window) {
      check('window opened', false);
    } else if (scenario === 'corrupt-settings') {
      await corruptSettings(window);
    } else if (scenario === 'relaunch') {
      await relaunch(window);
    } else {
      await firstRun(window);
    }
    check('no error dialog', fake.dialog.errors.length === 0, fake.dialog.errors);
  } catch (error) {
    check('scenario ran to the end', false, error instanceof Error ? error.stack : String(error));
  }
  process.stdout.write(`DRIVER-RESULT ${JSON.stringify(checks)}\n`);
  process.exit(0);
}

// Not awaited: the app bundle is evaluated only after this --import module has finished.
void main();

function queueOneChange(databaseFile: string): void {
  const db = new Database(databaseFile);
  db.prepare("INSERT INTO outbox (id, created_at, kind, aggregate_id, payload, next_attempt_at) VALUES ('019a0000-0000-7000-8000-000000000001', '2026-11-23T08:00:00Z', 'dossier.upserted', 'x', '{}', '2026-11-23T08:00:00Z')").run();
  db.close();
}
