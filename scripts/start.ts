import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildElectron } from './build-electron.ts';
import { findElectronBinary } from './electron-binary.ts';

/**
 * `npm start`: build the UI and the shell, then run the app in Electron. Where the Electron binary cannot
 * be installed (our build machines), run the same UI and core with `desk serve` instead, and say so in
 * both languages, so nobody mistakes the browser for the desktop app.
 */
const projectRoot = path.resolve(import.meta.dirname, '..');
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env });
}

function exitCodeOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 1) : 1));
    });
  });
}

/** Ctrl+C, a service manager's SIGTERM, a closed terminal: the child must hear it too, then we exit with its code. */
async function runForwardingSignals(child: ChildProcess): Promise<number> {
  const forward = (signal: NodeJS.Signals) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const handlers = FORWARDED_SIGNALS.map((signal) => [signal, forward(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  try {
    return await exitCodeOf(child);
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}

async function buildRenderer(): Promise<void> {
  // vite's own bin through this Node: `npx` is `npx.cmd` on Windows and would need a shell.
  const viteBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const code = await exitCodeOf(run(process.execPath, [viteBin, 'build', '--config', 'renderer/vite.config.ts']));
  if (code !== 0) throw new Error(`vite build failed with exit code ${code}`);
}

const NO_ELECTRON_NOTICE = [
  '',
  '┌─ Một Cửa Desk ─────────────────────────────────────────────────────────────',
  '│ Máy này chưa cài tệp chạy Electron (ELECTRON_SKIP_BINARY_DOWNLOAD), nên không mở',
  '│ được cửa sổ ứng dụng. Cùng giao diện đó đang được phục vụ bằng `desk serve`:',
  '│ hãy mở địa chỉ http://127.0.0.1:… in ra bên dưới trong trình duyệt.',
  '│',
  '│ The Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD),',
  '│ so the desktop window cannot open. The same UI is being served with `desk serve`:',
  '│ open the http://127.0.0.1:… address printed below in a browser.',
  '└────────────────────────────────────────────────────────────────────────────',
  '',
].join('\n');

async function main(): Promise<number> {
  await buildRenderer();
  await buildElectron(projectRoot);
  const electron = findElectronBinary();
  if (electron) {
    const env = { ...process.env };
    // Set in some shells and CI images; it would make the binary behave as plain Node and ignore our app.
    delete env['ELECTRON_RUN_AS_NODE'];
    return runForwardingSignals(run(electron, [projectRoot], env));
  }
  process.stderr.write(`${NO_ELECTRON_NOTICE}\n`);
  return runForwardingSignals(run(process.execPath, [path.join(projectRoot, 'bin', 'desk.mjs'), 'serve']));
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
