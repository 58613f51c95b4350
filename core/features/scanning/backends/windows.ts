import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { ScannerInfo } from '../../../../shared/contract/scanning.ts';
import { ScannerError, type ScannerBackend, type ScannerErrorCode } from '../../../ports/scanner.ts';

// Windows scanning: WIA 2.0 through resources/scanning/wia-scan.ps1, and the NAPS2 console when installed.
// NOT RUN on our build machines (Linux); written from the WIA and NAPS2 documentation, to be checked on a
// counter PC (docs/SCANNING.md says what to check). Both are offered only on win32.

/** Finds resources/scanning/wia-scan.ps1 walking up from here (source checkout or packaged app). */
export function locateWiaScript(startDir: string = import.meta.dirname): string | null {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', 'scanning', 'wia-scan.ps1');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** What is offered for a WIA or NAPS2 device: neither reports its options, so the usual ones are. */
function windowsInfo(id: string, backend: 'wia' | 'naps2', name: string): ScannerInfo {
  return { id, backend, name, sources: ['flatbed', 'feeder'], duplex: true, modes: ['colour', 'grey', 'lineart'], resolutions: [100, 150, 200, 300, 600] };
}

/** `describe` for a backend that can only list: the listed device with that id. */
function describeFromList(list: () => Promise<ScannerInfo[]>, missing: string): ScannerBackend['describe'] {
  return async (id) => {
    const found = (await list()).find((scanner) => scanner.id === id);
    if (!found) throw new ScannerError('scanner-not-found', missing);
    return found;
  };
}

function lines(command: string, args: string[], onLine: (line: string) => Promise<void>, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let failure: ScannerError | null = null;
    let chain = Promise.resolve();
    const onAbort = () => child.kill();
    signal?.addEventListener('abort', onAbort, { once: true });
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      chain = chain.then(() => onLine(line)).catch((error: unknown) => {
        failure ??= error instanceof ScannerError ? error : new ScannerError('scan-failed', String(error));
      });
    });
    child.once('error', (error) => reject(new ScannerError('scanner-unavailable', `${command}: ${error.message}`)));
    child.once('close', (code) => {
      signal?.removeEventListener('abort', onAbort);
      void chain.then(() => {
        if (signal?.aborted) reject(new ScannerError('cancelled', 'the scan was cancelled'));
        else if (failure) reject(failure);
        else if (code !== 0) reject(new ScannerError('scan-failed', `${path.basename(command)} exited with ${code}`));
        else resolve();
      });
    });
  });
}

export function createWiaBackend(script: string | null = locateWiaScript()): ScannerBackend {
  const run = (args: string[]) => ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script ?? 'wia-scan.ps1', ...args];
  const list = async (): Promise<ScannerInfo[]> => {
    const found: ScannerInfo[] = [];
    await lines('powershell.exe', run(['-List']), (line) => {
      const item = JSON.parse(line) as { device?: string; name?: string };
      if (item.device) found.push(windowsInfo(item.device, 'wia', item.name ?? item.device));
      return Promise.resolve();
    });
    return found;
  };
  return {
    kind: 'wia',
    list,
    describe: describeFromList(list, 'No such WIA scanner'),
    async scan(id, request, sink, signal) {
      const args = ['-DeviceId', id, '-OutDir', request.workDir, '-Dpi', String(request.dpi), '-Mode', request.mode, '-Source', request.source, ...(request.duplex ? ['-Duplex'] : [])];
      await lines('powershell.exe', run(args), async (line) => {
        const item = JSON.parse(line) as { page?: string; error?: ScannerErrorCode; message?: string };
        if (item.error) throw new ScannerError(item.error, item.message ?? item.error);
        if (item.page) {
          const bytes = fs.readFileSync(item.page);
          fs.rmSync(item.page, { force: true });
          await sink({ format: 'png', bytes, dpi: request.dpi });
        }
      }, signal);
    },
  };
}

const NAPS2_DEFAULT = 'C:\\Program Files\\NAPS2\\NAPS2.Console.exe';

/** NAPS2's console (naps2.com, GPL, installed separately): pages as PNG files, one per page (`--split`). */
export function createNaps2Backend(executable: () => string | null): ScannerBackend {
  const exe = () => executable() ?? NAPS2_DEFAULT;
  const list = () =>
    new Promise<ScannerInfo[]>((resolve, reject) => {
      execFile(exe(), ['--listdevices', '--driver', 'wia'], { windowsHide: true, timeout: 30_000 }, (error, stdout) => {
        if (error) reject(new ScannerError('scanner-unavailable', `NAPS2: ${error.message}`));
        else resolve(stdout.split(/\r?\n/).filter(Boolean).map((name) => windowsInfo(name.trim(), 'naps2', name.trim())));
      });
    });
  return {
    kind: 'naps2',
    list,
    describe: describeFromList(list, 'No such NAPS2 device'),
    async scan(id, request, sink, signal) {
      const source = request.source === 'flatbed' ? 'glass' : request.duplex ? 'duplex' : 'feeder';
      const bitDepth = request.mode === 'colour' ? 'color' : request.mode === 'grey' ? 'gray' : 'bw';
      const out = path.join(request.workDir, 'page-$(nnnn).png');
      await lines(exe(), ['--driver', 'wia', '--device', id, '--source', source, '--dpi', String(request.dpi), '--bitdepth', bitDepth, '--split', '-o', out, '--force'], () => Promise.resolve(), signal);
      const files = fs.readdirSync(request.workDir).filter((name) => /^page-\d+\.png$/.test(name)).sort();
      if (files.length === 0) throw new ScannerError(request.source === 'feeder' ? 'scanner-feeder-empty' : 'scan-failed', 'NAPS2 produced no page');
      for (const name of files) {
        const file = path.join(request.workDir, name);
        const bytes = fs.readFileSync(file);
        fs.rmSync(file, { force: true });
        await sink({ format: 'png', bytes, dpi: request.dpi });
      }
    },
  };
}
