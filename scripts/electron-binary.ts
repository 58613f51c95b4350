import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type FindElectronOptions = Readonly<{
  /** The installed `electron` package folder; found through module resolution when omitted. */
  electronDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  platform?: NodeJS.Platform;
}>;

/** What install.js would write to path.txt on each platform. */
function executableNameFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function installedElectronDir(): string | null {
  try {
    // Resolving package.json only locates the package; `require('electron')` would run index.js, which
    // starts a download when the binary is missing (ELECTRON_SKIP_BINARY_DOWNLOAD machines) and throws.
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Electron executable, or null when this machine has none. Mirrors node_modules/electron/index.js
 * (path.txt under dist/, or ELECTRON_OVERRIDE_DIST_PATH) without ever triggering its download.
 */
export function findElectronBinary(options: FindElectronOptions = {}): string | null {
  const env = options.env ?? process.env;
  const electronDir = options.electronDir ?? installedElectronDir();
  let recorded: string | undefined;
  if (electronDir) {
    try {
      recorded = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim() || undefined;
    } catch {
      recorded = undefined;
    }
  }
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  let candidate: string;
  if (override) candidate = path.join(override, recorded ?? executableNameFor(options.platform ?? process.platform));
  else if (electronDir && recorded) candidate = path.join(electronDir, 'dist', recorded);
  else return null;
  return isFile(candidate) ? candidate : null;
}
