import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Paths of the built app. This file is only ever run bundled into dist/electron/main.mjs, where every
 * module shares the bundle's `import.meta.url`; inside a packaged app that URL points into app.asar, which
 * Electron's fs reads transparently.
 */
const bundleDir = path.dirname(fileURLToPath(import.meta.url));

export const builtPaths = {
  preload: path.join(bundleDir, 'preload.cjs'),
  rendererRoot: path.resolve(bundleDir, '..', 'renderer'),
} as const;
