import path from 'node:path';
import { createJsonSettingsStore } from '../../core/adapters/json-settings-store.ts';
import { createCore, type Core, type CoreOptions } from '../../core/app/create-core.ts';
import { silentLogger } from '../../core/adapters/json-logger.ts';

/** A real core on a real SQLite file in `dataDir`, with the watcher fast enough for tests. */
export function createTestCore(dataDir: string, overrides: Partial<CoreOptions> = {}): Core {
  return createCore({
    appVersion: '0.0.0-test',
    dataDir,
    host: 'node',
    settings: createJsonSettingsStore(path.join(dataDir, 'settings.json')),
    logger: silentLogger,
    watchIntervalMs: 50,
    probeIntervalMs: 60_000,
    probeTimeoutMs: 1_000,
    ...overrides,
  });
}
