// Lint is where the layering of docs/ARCHITECTURE.md is enforced; `npm test` runs it first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const LAYER_PROJECTS = [
  './shared/tsconfig.json',
  './core/tsconfig.json',
  './server/tsconfig.json',
  './renderer/tsconfig.json',
  './electron/tsconfig.json',
  './test/tsconfig.json',
];

/** Who may import what (ARCHITECTURE.md). Each zone: files in `target` may not import from `from`. */
const LAYER_ZONES = [
  { target: './shared', from: ['./core', './electron', './renderer', './server', './test', './scripts'], message: 'shared/ is pure: it imports only shared/ and isomorphic packages.' },
  { target: './core', from: ['./electron', './renderer', './server', './test', './scripts'], message: 'core/ runs without Electron and without the UI.' },
  { target: './renderer', from: ['./core', './electron', './server', './test', './scripts'], message: 'renderer/ talks to the core only through the contract (shared/contract).' },
  { target: './server', from: ['./core', './electron', './renderer', './test', './scripts'], message: 'server/ imports shared/ only.' },
  { target: './electron/preload', from: ['./core', './renderer', './server', './electron/main', './shared/domain'], message: 'The preload exposes only the contract allow-list.' },
  { target: './electron/main', from: ['./renderer', './server', './electron/preload'], message: 'electron/main wires the core; it does not reach into the UI or the server.' },
];

const NODE_ONLY_PACKAGES = ['better-sqlite3', 'ws', 'conf', 'electron-store', 'pdfkit', 'node-thermal-printer'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test-results/', 'playwright-report/', 'release/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: LAYER_PROJECTS, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.es2023 },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: LAYER_PROJECTS, noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
      'import-x/no-default-export': 'error',
      'import-x/no-cycle': ['error', { maxDepth: 6 }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/ may import electron: the core must run without it.' }] }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Tests live beside the code and may use the test harness; the layer rules still hold otherwise.
    files: ['**/*.test.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES.map((zone) => ({ ...zone, from: zone.from.filter((from) => from !== './test') })) }],
      // expect.any() and friends are typed `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Pure layers: no Node built-ins, no native or Node-only packages, no electron.
    files: ['shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/ may import electron.' }, ...NODE_ONLY_PACKAGES.map((name) => ({ name, message: `${name} is Node-only; shared/ and renderer/ must stay pure.` }))],
          patterns: [{ group: ['node:*'], message: 'shared/ and renderer/ may not use Node built-ins.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Only the IPC bridge in main and the preload touch ipcMain / ipcRenderer.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/**'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]", message: 'Only electron/main/ipc.ts and the preload use ipcMain / ipcRenderer.' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['electron/main/ipc.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    // Files loaded by convention (tool configs) export default.
    files: ['*.config.{ts,js}', 'renderer/vite.config.ts', 'eslint.config.js'],
    rules: { 'import-x/no-default-export': 'off' },
  },
);
