import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.ts';

/**
 * Builds the real bundles into a temp project and runs dist/electron/main.mjs under Node with a fake
 * `electron` (testing/bundle-driver.ts). It proves what the Electron-less machines can prove: the bundle
 * loads (electron-store, conf and zod bundled; better-sqlite3 external), and the shell wires IPC, the app
 * protocol, the security hooks, settings and window state as intended.
 */
const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const driver = path.join(import.meta.dirname, 'testing', 'bundle-driver.ts');
let root: string;
let mainBundle: string;

type Check = { name: string; ok: boolean; detail?: unknown };

function runDriver(scenario: string, dataDir: string, env: Record<string, string> = {}): Check[] {
  const output = execFileSync(process.execPath, ['--import', driver, mainBundle], {
    env: { ...process.env, ...env, MOT_CUA_DATA_DIR: dataDir, DRIVER_SCENARIO: scenario },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  const line = output.split('\n').find((l) => l.startsWith('DRIVER-RESULT '));
  if (!line) throw new Error(`driver printed no result:\n${output}`);
  return JSON.parse(line.slice('DRIVER-RESULT '.length)) as Check[];
}

function expectAllPass(checks: Check[]): void {
  expect(checks.length).toBeGreaterThan(2);
  expect(checks.filter((c) => !c.ok)).toEqual([]);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-bundle-'));
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'junction');
  fs.mkdirSync(path.join(root, 'dist', 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>DRIVER-UI</title>');
  fs.writeFileSync(path.join(root, 'dist', 'renderer', 'assets', 'app.js'), 'export {};');
  ({ main: mainBundle } = await buildElectron(projectRoot, path.join(root, 'dist', 'electron')));
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('dist/electron/main.mjs under a fake electron', () => {
  it('wires IPC, protocol, security, settings and window state; they survive a relaunch', () => {
    const dataDir = path.join(root, 'data');
    expectAllPass(runDriver('first', dataDir));
    expectAllPass(runDriver('relaunch', dataDir));
  }, 60_000);

  it('starts with defaults when settings.json is not JSON, keeping the file aside', () => {
    const dataDir = path.join(root, 'corrupt');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{oops');
    expectAllPass(runDriver('corrupt-settings', dataDir));
  }, 30_000);

  it('quits at once when another instance holds the lock', () => {
    expectAllPass(runDriver('lock-held', path.join(root, 'other'), { FAKE_ELECTRON_LOCK: 'held' }));
  }, 30_000);

  it('keeps zod and node built-ins out of the sandboxed preload', () => {
    const preload = fs.readFileSync(path.join(root, 'dist', 'electron', 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(preload).not.toMatch(/zod/i);
    expect(preload.length).toBeLessThan(10_000);
  });
});
