import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DESK_BIN = path.join(REPO_ROOT, 'bin', 'desk.mjs');
const READY_LINE = /Một Cửa Desk: (http:\/\/127\.0\.0\.1:\d+)/;

export type DeskServe = Readonly<{
  url: string;
  dataDir: string;
  /** The counter database the host opened: `<dataDir>/profiles/default.sqlite`. */
  databaseFile: string;
  /** Everything the host wrote to stderr so far (its JSON log). */
  stderr(): string;
  /** Stops the host (SIGTERM, then SIGKILL after 5 s) and removes the data folder if this harness made it. */
  stop(): Promise<void>;
  /** kill -9: no shutdown code runs (a power cut, a crashed PC); the data folder stays. */
  kill(): Promise<void>;
}>;

export type DeskServeOptions = Readonly<{
  /** Use this folder (prepared by the test, kept afterwards) instead of a fresh temporary one. */
  dataDir?: string;
  startTimeoutMs?: number;
  /** Tests of the API alone (sync, crash recovery) run before the UI is built. */
  requireUi?: boolean;
  /** Extra environment for the host (e.g. SANE_CONFIG_DIR for SANE's test scanner). */
  env?: Readonly<Record<string, string>>;
}>;

/** A fresh, empty data folder under the OS temp dir; the caller removes it. */
export function makeTempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
}

/**
 * Starts `node bin/desk.mjs serve --data DIR --port 0` and resolves once it prints its URL. If the host
 * exits or stays silent first, rejects with its stderr, so a broken host shows why rather than a timeout.
 */
export async function startDeskServe(options: DeskServeOptions = {}): Promise<DeskServe> {
  if (options.requireUi !== false && !fs.existsSync(path.join(REPO_ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The UI is not built: run `npx vite build --config renderer/vite.config.ts` first.');
  }
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? makeTempDataDir();
  // process.execPath: the same Node 24 that runs the tests, whatever PATH the child would see.
  const child = spawn(process.execPath, [DESK_BIN, 'serve', '--data', dataDir, '--port', '0'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const removeOwnDataDir = () => {
    if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`desk serve printed no URL within ${options.startTimeoutMs ?? 15_000} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, options.startTimeoutMs ?? 15_000);
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const match = READY_LINE.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`desk serve exited early (code ${code}, signal ${signal}).\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  }).catch((error: unknown) => {
    removeOwnDataDir();
    throw error;
  });

  return {
    url,
    dataDir,
    databaseFile: path.join(dataDir, 'profiles', 'default.sqlite'),
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      removeOwnDataDir();
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
