import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

// Each layer's TypeScript project sees only its own world: the DOM does not exist in core/, Node does not
// exist in shared/ or renderer/. Proven by compiling a probe with the layer's real compiler options.
const root = path.resolve(import.meta.dirname, '..', '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function compileInLayer(layer: string, code: string, extension = 'ts'): { ok: boolean; output: string } {
  const stem = `types-probe-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const probe = path.join(root, layer, `${stem}.${extension}`);
  const project = path.join(root, layer, `${stem}.tsconfig.json`);
  fs.writeFileSync(probe, code);
  fs.writeFileSync(project, JSON.stringify({ extends: './tsconfig.json', include: [`${stem}.${extension}`], exclude: [] }));
  try {
    const result = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8', timeout: 60_000 });
    return { ok: result.status === 0, output: result.stdout + result.stderr };
  } finally {
    fs.rmSync(probe, { force: true });
    fs.rmSync(project, { force: true });
  }
}

describe('layer type boundaries', () => {
  test('`document` does not compile in core/', () => {
    const result = compileInLayer('core', 'export const title = document.title;\n');
    expect(result.ok).toBe(false);
    expect(result.output).toContain("Cannot find name 'document'");
  });

  test('`node:fs` does not compile in shared/', () => {
    const result = compileInLayer('shared', "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n");
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Cannot find module 'node:fs'|TS2307/);
  });

  test('`node:fs` and `process` do not compile in renderer/', () => {
    const result = compileInLayer('renderer', "import fs from 'node:fs';\nexport const read = [fs.readFileSync, process.env];\n", 'tsx');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Cannot find module 'node:fs'|TS2307/);
    expect(result.output).toContain("Cannot find name 'process'");
  });

  test('the same code is fine where it belongs (the probe itself works)', () => {
    expect(compileInLayer('core', "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n").ok).toBe(true);
    expect(compileInLayer('renderer', 'export const title = (): string => document.title;\n', 'tsx').ok).toBe(true);
  });
});
