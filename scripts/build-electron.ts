import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const projectRoot = path.resolve(import.meta.dirname, '..');

/**
 * An ESM bundle that calls CJS code (ajv inside conf, for example) needs a real `require`, and CJS code
 * that reads __dirname/__filename must get the bundle's own location: dist/electron/.
 */
const ESM_NODE_BANNER = [
  "import { createRequire as __deskCreateRequire } from 'node:module';",
  "import { fileURLToPath as __deskFileURLToPath } from 'node:url';",
  "import { dirname as __deskDirname } from 'node:path';",
  'const require = __deskCreateRequire(import.meta.url);',
  'const __filename = __deskFileURLToPath(import.meta.url);',
  'const __dirname = __deskDirname(__filename);',
].join('\n');

export type ElectronBundles = Readonly<{ main: string; preload: string }>;

/**
 * dist/electron/main.mjs (ESM, Node): the shell plus core, electron-store, conf and zod bundled in.
 * `electron` is provided by the runtime; better-sqlite3 stays in node_modules because its .node binary
 * is loaded from beside its JS (unpacked from the asar when packaged).
 * dist/electron/preload.cjs (CJS): a sandboxed preload can only `require('electron')`, so everything else
 * is bundled — which is only names.ts and the bridge; zod must never end up here.
 */
export async function buildElectron(
  root: string = projectRoot,
  /** Tests build into a temp folder; the app always uses dist/electron. */
  outDir: string = path.join(root, 'dist', 'electron'),
): Promise<ElectronBundles> {
  const common: BuildOptions = {
    bundle: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'eof',
    absWorkingDir: root,
  };
  const bundles: ElectronBundles = { main: path.join(outDir, 'main.mjs'), preload: path.join(outDir, 'preload.cjs') };
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'main', 'index.ts')],
      outfile: bundles.main,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      // Native add-ons and packages that find their own files at run time stay in node_modules (pdfkit reads
      // its AFM data beside its own module; sharp loads its platform's @img/sharp-* add-on and libvips).
      external: ['electron', 'better-sqlite3', '@napi-rs/canvas', 'node-thermal-printer', '@expo-google-fonts/be-vietnam-pro', 'pdfkit', 'sharp'],
      banner: { js: ESM_NODE_BANNER },
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'preload', 'index.ts')],
      outfile: bundles.preload,
      platform: 'browser',
      format: 'cjs',
      target: 'chrome130',
      external: ['electron'],
    }),
  ]);
  return bundles;
}

if (import.meta.main) {
  const bundles = await buildElectron();
  process.stdout.write(`built ${path.relative(projectRoot, bundles.main)} and ${path.relative(projectRoot, bundles.preload)}\n`);
}
