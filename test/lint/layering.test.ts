import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

// The layering rules of docs/ARCHITECTURE.md, proven against the real ESLint config: each case writes a
// small probe file into a layer's folder (type-aware lint needs a real file), lints it and removes it.
const root = path.resolve(import.meta.dirname, '..', '..');

type Case = Readonly<{ name: string; dir: string; ext?: string; code: string; expected: string | null }>;

const CASES: readonly Case[] = [
  { name: 'core imports electron', dir: 'core/app', code: "import { app } from 'electron';\nexport const x = app;\n", expected: 'no-restricted-imports' },
  { name: 'shared imports node:fs', dir: 'shared/contract', code: "import fs from 'node:fs';\nexport const x = fs;\n", expected: 'no-restricted-imports' },
  { name: 'renderer imports node:fs', dir: 'renderer/app', ext: 'tsx', code: "import fs from 'node:fs';\nexport const x = fs;\n", expected: 'no-restricted-imports' },
  { name: 'renderer imports better-sqlite3', dir: 'renderer/app', code: "import Database from 'better-sqlite3';\nexport const x = Database;\n", expected: 'no-restricted-imports' },
  { name: 'renderer imports the core', dir: 'renderer/app', code: "import { CoreError } from '../../core/rpc/core-error.ts';\nexport const x = CoreError;\n", expected: 'import-x/no-restricted-paths' },
  { name: 'shared imports the core', dir: 'shared/contract', code: "import { CoreError } from '../../core/rpc/core-error.ts';\nexport const x = CoreError;\n", expected: 'import-x/no-restricted-paths' },
  { name: 'server imports the core', dir: 'server', code: "import { CoreError } from '../core/rpc/core-error.ts';\nexport const x = CoreError;\n", expected: 'import-x/no-restricted-paths' },
  { name: 'preload imports the core', dir: 'electron/preload', code: "import { CoreError } from '../../core/rpc/core-error.ts';\nexport const x = CoreError;\n", expected: 'import-x/no-restricted-paths' },
  { name: 'core imports the Electron shell', dir: 'core/app', code: "import { CoreError } from '../rpc/core-error.ts';\nimport { x as shell } from '../../electron/main/lint-fixture.ts';\nexport const x = [CoreError, shell];\n", expected: 'import-x/no-restricted-paths' },
  { name: 'a floating promise', dir: 'core/app', code: 'async function work(): Promise<void> {}\nexport function run(): void {\n  work();\n}\n', expected: '@typescript-eslint/no-floating-promises' },
  { name: 'core importing shared and node built-ins', dir: 'core/app', code: "import fs from 'node:fs';\nimport { methods } from '../../shared/contract/methods.ts';\nexport const x = [fs, methods];\n", expected: null },
];

const probes = CASES.map((testCase, index) => path.join(root, testCase.dir, `lint-probe-${process.pid}-${index}.${testCase.ext ?? 'ts'}`));
const fixture = path.join(root, 'electron/main/lint-fixture.ts');
let eslint: ESLint;

beforeAll(() => {
  CASES.forEach((testCase, index) => {
    fs.mkdirSync(path.dirname(probes[index]!), { recursive: true });
    fs.writeFileSync(probes[index]!, testCase.code);
  });
  fs.writeFileSync(fixture, 'export const x = 1;\n');
  eslint = new ESLint({ cwd: root });
});

afterAll(() => {
  for (const file of [...probes, fixture]) fs.rmSync(file, { force: true });
});

describe('layering lint', () => {
  test.each(CASES.map((testCase, index) => [testCase.name, index] as const))('%s', async (_name, index) => {
    const [result] = await eslint.lintFiles([probes[index]!]);
    const rules = (result?.messages ?? []).map((message) => message.ruleId ?? `parse error: ${message.message}`);
    const expected = CASES[index]!.expected;
    if (expected === null) expect(rules).toEqual([]);
    else expect(rules).toContain(expected);
  });
});
