import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * `npm run dev:renderer` with DESK_URL=http://127.0.0.1:PORT (a running `desk serve`) forwards the contract
 * to that host, so the UI hot-reloads against a real core. Origin is rewritten to the host's own because
 * the host refuses calls from other origins; this only ever happens on loopback, in development.
 */
const deskUrl = process.env.DESK_URL;
const devProxy = deskUrl
  ? {
      '/rpc': { target: deskUrl, changeOrigin: true, headers: { origin: deskUrl } },
      '/events': { target: deskUrl, changeOrigin: true, ws: true, headers: { origin: deskUrl } },
    }
  : undefined;

// Default export: Vite loads this file by convention (eslint.config.js allows it for config files).
export default defineConfig({
  root: rendererDir,
  // Relative asset URLs: the same build is served by `desk serve` (http://127.0.0.1) and Electron's app://.
  base: './',
  plugins: [react()],
  server: { host: '127.0.0.1', proxy: devProxy },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The CSP (script-src 'self'; font-src 'self') forbids inline code and data: fonts: never inline assets,
    // and keep the module-preload polyfill out of index.html.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome130',
    sourcemap: true,
  },
});
