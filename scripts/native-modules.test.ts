import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The packaging plan (docs/PACKAGING.md, npmRebuild: false) rests on better-sqlite3 being a Node-API
 * module: one binary for Node (tests, `desk serve`) and Electron (the app). A V8-ABI module exports
 * `node_register_module_v<ABI>` instead and would need @electron/rebuild; this test fails first if an
 * upgrade or downgrade ever changes that.
 */
const packageDir = path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));

describe('better-sqlite3 binaries', () => {
  it.each(['linux-x64', 'win32-x64'])('%s is a Node-API module (no Electron rebuild needed)', (target) => {
    const binary = fs.readFileSync(path.join(packageDir, 'prebuilds', `${target}.node`));
    expect(binary.includes('napi_register_module_v1')).toBe(true);
    expect(binary.includes('node_register_module_v')).toBe(false);
  });
});

/**
 * sharp (grey scan pages, docs/SCANNING.md) must be Node-API too, for the same reason. Only this platform's
 * @img/sharp-<platform> package is installed by npm, so the check reads the one that is here.
 */
describe('sharp binary', () => {
  it('is a Node-API module (no Electron rebuild needed)', () => {
    const require = createRequire(import.meta.url);
    const platform = `${process.platform}-${process.arch}`;
    const dir = path.join(path.dirname(require.resolve(`@img/sharp-${platform}/package`)), 'lib');
    const addon = fs.readdirSync(dir).find((name) => name.endsWith('.node'));
    expect(addon).toBeDefined();
    const binary = fs.readFileSync(path.join(dir, addon!));
    expect(binary.includes('napi_register_module_v1')).toBe(true);
    expect(binary.includes('node_register_module_v')).toBe(false);
  });
});
