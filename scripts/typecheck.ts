// Type-checks each layer with its own project (its own lib and types), so `document` fails in core/ and
// `node:fs` fails in shared/ and renderer/. A layer with no sources yet is reported, not hidden.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const PROJECTS = ['shared', 'core', 'server', 'renderer', 'electron', 'test'];

function hasSources(dir: string): boolean {
  return fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).some((file) => /\.tsx?$/.test(file) && !file.includes('node_modules'));
}

let failed = false;
for (const project of PROJECTS) {
  if (!hasSources(project)) {
    console.log(`typecheck ${project}: no sources yet`);
    continue;
  }
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', `${project}/tsconfig.json`], { cwd: root, stdio: 'inherit' });
  console.log(`typecheck ${project}: ${result.status === 0 ? 'ok' : 'FAILED'}`);
  failed ||= result.status !== 0;
}
process.exitCode = failed ? 1 : 0;
