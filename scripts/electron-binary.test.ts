import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary.ts';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-pkg-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function install(relative: string): string {
  fs.writeFileSync(path.join(dir, 'path.txt'), relative);
  const binary = path.join(dir, 'dist', relative);
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  fs.writeFileSync(binary, '');
  return binary;
}

describe('findElectronBinary', () => {
  it('is null when the download was skipped (no path.txt)', () => {
    expect(findElectronBinary({ electronDir: dir, env: {} })).toBeNull();
  });

  it('is null when path.txt names a binary that is not there', () => {
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary({ electronDir: dir, env: {} })).toBeNull();
  });

  it('finds the binary path.txt names under dist/', () => {
    const binary = install('electron');
    expect(findElectronBinary({ electronDir: dir, env: {} })).toBe(binary);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, with the platform default name when path.txt is absent', () => {
    const override = path.join(dir, 'custom');
    fs.mkdirSync(override);
    fs.writeFileSync(path.join(override, 'electron.exe'), '');
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(findElectronBinary({ electronDir: dir, env, platform: 'win32' })).toBe(path.join(override, 'electron.exe'));
    expect(findElectronBinary({ electronDir: dir, env, platform: 'linux' })).toBeNull();
  });

  it('does not fall back to dist/ when the override points elsewhere', () => {
    install('electron');
    expect(findElectronBinary({ electronDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'nowhere') } })).toBeNull();
  });

  it('answers for the installed package without triggering its download', () => {
    const found = findElectronBinary();
    expect(found === null || fs.existsSync(found)).toBe(true);
  });
});
