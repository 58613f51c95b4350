import { EventEmitter } from 'node:events';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A stand-in for the `electron` module, just wide enough to run dist/electron/main.mjs under plain Node
 * (the Electron binary cannot be downloaded on our build machines). bundle-driver.ts maps the `electron`
 * specifier here and drives the app through `fake`. It records what the shell asked for; it does not
 * imitate Chromium.
 */

type Handler = (...args: never[]) => unknown;

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  setPermissionRequestHandler(handler: Handler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler | null): void {
    this.devicePermissionHandler = handler;
  }
}

const defaultSession = new FakeSession();
let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly session = defaultSession;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  private destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('send on a destroyed webContents');
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

class FakeApp extends EventEmitter {
  readonly isPackaged = false;
  readonly paths = new Map<string, string>([['userData', '/nonexistent/userData']]);
  readonly quits: string[] = [];
  readonly exits: number[] = [];
  ready = false;
  lockAvailable = process.env['FAKE_ELECTRON_LOCK'] !== 'held';
  private resolveReady: () => void = () => {};
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  setPath(name: string, value: string): void {
    if (this.ready && name === 'userData') throw new Error('userData must be set before ready');
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`no path ${name}`);
    return value;
  }
  getVersion(): string {
    return '0.0.0-fake';
  }
  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  quit(): void {
    this.quits.push('quit');
  }
  exit(code: number): void {
    this.exits.push(code);
  }
  makeReady(): void {
    this.ready = true;
    this.resolveReady();
    this.emit('ready');
  }
}

export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  readonly options: Record<string, unknown>;
  focusCount = 0;
  private destroyed = false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  restore(): void {}
  show(): void {}
  maximize(): void {}
  focus(): void {
    this.focusCount += 1;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 20, width: 1300, height: 820 };
  }
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    if (BrowserWindow.instances.every((window) => window.isDestroyed())) app.emit('window-all-closed');
  }
}

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
};

export const dialog = {
  errors: [] as string[],
  questions: [] as { message: string; buttons: string[] }[],
  /** The button index the next message boxes answer with (0 = the first button). */
  answers: [] as number[],
  showErrorBox(title: string, content: string): void {
    this.errors.push(`${title}: ${content}`);
  },
  showMessageBox(_window: unknown, options: { message: string; buttons: string[] }): Promise<{ response: number }> {
    this.questions.push({ message: options.message, buttons: options.buttons });
    return Promise.resolve({ response: this.answers.shift() ?? 0 });
  },
};

export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  registeredBeforeReady: false,
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    this.registeredBeforeReady = !app.ready;
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  },
};

export const ipcMain = {
  handlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  listeners: new Map<string, ((event: unknown, payload: unknown) => void)[]>(),
  handle(channel: string, handler: (event: unknown, input: unknown) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  on(channel: string, listener: (event: unknown, payload: unknown) => void): void {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
  },
  removeAllListeners(channel: string): void {
    this.listeners.delete(channel);
  },
  emit(channel: string, event: unknown, payload: unknown): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(event, payload);
  },
};

export const session = { defaultSession };
/**
 * The OS keychain as safeStorage offers it: a real transformation (AES-256-GCM under a per-process key), so a
 * value the core stores sealed is not the plain one, and only this process opens it.
 */
const keychainKey = randomBytes(32);
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keychainKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  },
  decryptString(sealed: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', keychainKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  },
};
export const contextBridge = {};
export const ipcRenderer = {};

// electron-store does `import electron from 'electron'`, so the stand-in needs the default export too.
const electron = { app, BrowserWindow, screen, dialog, protocol, ipcMain, session, safeStorage, contextBridge, ipcRenderer };
// eslint-disable-next-line import-x/no-default-export -- mirrors the real module's shape for electron-store
export default electron;
