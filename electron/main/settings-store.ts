import fs from 'node:fs';
import path from 'node:path';
import Store from 'electron-store';
import type { Logger } from '../../core/ports/logger.ts';
import type { SettingsStore } from '../../core/ports/settings-store.ts';

type JsonObject = Record<string, unknown>;

/**
 * electron-store behind the core's SettingsStore port. The file is `<dataDir>/settings.json` holding the
 * settings object itself — the same file and shape as the Node host's JSON store — so IT can run
 * `desk call --data <userData> settings.get` on a counter PC and see what the app sees.
 */
export function createElectronSettingsStore(dataDir: string, logger: Logger): SettingsStore {
  const store = openStore(dataDir, 'settings', logger);
  return {
    read: () => (store.size === 0 ? undefined : structuredClone(store.store)),
    write(value) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new TypeError('Settings must be a JSON object');
      }
      store.store = value as JsonObject;
    },
  };
}

/** Where the window was, in its own file: it is the shell's business, not the core's. */
export function createWindowStateStore(dataDir: string, logger: Logger): SettingsStore {
  const store = openStore(dataDir, 'window-state', logger);
  return {
    read: () => store.get('bounds'),
    write: (value) => store.set('bounds', value),
  };
}

/**
 * A file that is not valid JSON (a power cut mid-write on an old version, an edit by hand) must not stop
 * the counter: keep it aside for IT, never delete it, and start from defaults — as the JSON adapter does.
 */
function openStore(dataDir: string, name: string, logger: Logger): Store<JsonObject> {
  const options = { cwd: dataDir, name, clearInvalidConfig: false, accessPropertiesByDotNotation: false } as const;
  try {
    return new Store<JsonObject>(options);
  } catch (error) {
    const file = path.join(dataDir, `${name}.json`);
    const aside = `${file}.unreadable-${Date.now()}`;
    logger.warn('settings file unreadable; kept aside, using defaults', {
      file: path.basename(file),
      aside: path.basename(aside),
      reason: error instanceof Error ? error.name : 'unknown',
    });
    fs.renameSync(file, aside);
    return new Store<JsonObject>(options);
  }
}
