import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, test, type ElectronApplication, type Page } from '@playwright/test';
import type { BridgeApi } from '../../shared/contract/transport.ts';
import { buildElectron } from '../../scripts/build-electron.ts';
import { findElectronBinary } from '../../scripts/electron-binary.ts';

/**
 * Launching the real Electron app for the `electron` project's specs (STYLE 6.9 item 7). Where the Electron
 * binary is missing (ELECTRON_SKIP_BINARY_DOWNLOAD machines) every spec that uses `electronTest` and calls
 * `skipWithoutElectron()` is reported as skipped with SKIP_REASON, never as passed or failed.
 * On Linux without a display run under `xvfb-run -a`.
 */
export const SKIP_REASON =
  'Electron binary not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); the _electron suite did not run';
export const electronBinary = findElectronBinary();
const projectRoot = path.resolve(import.meta.dirname, '..', '..');
// The list reporter does not print skip reasons; say it once where people look (the JSON/HTML reports
// carry it as the tests' skip annotation). Only the runner process prints it, not each worker.
if (electronBinary === null && !process.env['TEST_WORKER_INDEX']) process.stderr.write(`[electron] skipped: ${SKIP_REASON}\n`);

export type BridgeWindow = Window & { bridge: BridgeApi };
export type Launched = Readonly<{ app: ElectronApplication; page: Page }>;

/** The renderer bundle and the Electron main/preload builds the app loads. */
export function ensureBuilt(): Promise<unknown> {
  if (!fs.existsSync(path.join(projectRoot, 'dist', 'renderer', 'index.html'))) {
    const viteBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
    execFileSync(process.execPath, [viteBin, 'build', '--config', 'renderer/vite.config.ts'], { cwd: projectRoot, stdio: 'inherit' });
  }
  return buildElectron(projectRoot);
}

async function launchDesk(binary: string, dataDir: string): Promise<Launched> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env['ELECTRON_RUN_AS_NODE'];
  env['MOT_CUA_DATA_DIR'] = dataDir;
  const app = await _electron.launch({
    executablePath: binary,
    // Chromium refuses to start as root without --no-sandbox (CI containers). That is the OS process
    // sandbox only; the renderer's `sandbox: true` and context isolation, which shell.spec tests, stay on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), projectRoot],
    cwd: projectRoot,
    env,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

/** `dataDir` per test; `launch(dir?)` starts the app on it (closed after the test). */
export const electronTest = test.extend<{ dataDir: string; launch: (dataDir?: string) => Promise<Launched> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  dataDir: async ({}, use, testInfo) => {
    await use(testInfo.outputPath('data'));
  },
  launch: async ({ dataDir }, use) => {
    const launched: ElectronApplication[] = [];
    await use(async (dir = dataDir) => {
      if (!electronBinary) throw new Error(SKIP_REASON);
      const result = await launchDesk(electronBinary, dir);
      launched.push(result.app);
      return result;
    });
    await Promise.all(launched.map((app) => app.close().catch(() => {})));
  },
});

/** Inside a `describe`: skip its tests (with the reason) where there is no Electron, else build once first. */
export function skipWithoutElectron(): void {
  electronTest.skip(electronBinary === null, SKIP_REASON);
  electronTest.beforeAll(async () => {
    if (electronBinary !== null) await ensureBuilt();
  });
}

/** A contract call through the preload bridge, as the renderer makes it; fails on `ok: false`. */
export async function invokeBridge<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(({ name, payload }) => (window as unknown as BridgeWindow).bridge.invoke(name, payload), { name: method, payload: input });
  const envelope = result as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.code ?? '?'} ${envelope.error?.message ?? ''}`);
  return envelope.value as T;
}
