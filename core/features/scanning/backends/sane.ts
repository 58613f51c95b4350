import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { ScannerInfo } from '../../../../shared/contract/scanning.ts';
import { ScannerError, type PageSink, type ScannerBackend, type ScanRequest } from '../../../ports/scanner.ts';
import { parseSaneHelp, saneInfo, type SaneOptionNames } from './sane-options.ts';

export type SaneOptions = Readonly<{
  /** `scanimage` unless told otherwise. */
  command?: string;
  /** Extra environment, e.g. SANE_CONFIG_DIR for a private configuration (tests use the `test` device). */
  env?: Readonly<Record<string, string>>;
  /** Listing probes every backend (USB, network): it can take long on some PCs. */
  listTimeoutMs?: number;
}>;

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(new ScannerError(missing ? 'scanner-unavailable' : 'scanner-not-found', missing ? `${command} is not installed (Debian: sane-utils)` : stderr.trim().slice(0, 300) || error.message));
        return;
      }
      resolve(stdout);
    });
  });
}

/** scanimage's messages → our codes; the message itself goes to the clerk's details and the log (no personal data). */
function classify(stderr: string, pages: number): ScannerError {
  const last = stderr.split('\n').filter((line) => line.startsWith('scanimage:')).at(-1) ?? stderr.trim().split('\n').at(-1) ?? '';
  const message = last.slice(0, 300);
  if (/out of documents|no docs/i.test(stderr) && pages === 0) return new ScannerError('scanner-feeder-empty', message);
  if (/busy/i.test(stderr)) return new ScannerError('scanner-busy', message);
  if (/invalid argument|is not a valid|unrecognized option|setting of option .* failed/i.test(stderr)) return new ScannerError('scanner-option-unsupported', message);
  if (/open of device .* failed|no sane devices|Invalid argument.*device/i.test(stderr)) return new ScannerError('scanner-unavailable', message);
  return new ScannerError('scan-failed', message || 'scanimage failed');
}

/**
 * SANE through the real `scanimage` (Linux; also macOS with sane-backends). Batches are scanned page by
 * page into the session's scratch folder with `--batch-print`, so each page is handed on as soon as
 * scanimage finished writing it, while the next one is being scanned.
 */
export function createSaneBackend(options: SaneOptions = {}): ScannerBackend {
  const command = options.command ?? 'scanimage';
  const env = { ...process.env, ...options.env };
  const listTimeoutMs = options.listTimeoutMs ?? 30_000;

  async function optionsOf(device: string): Promise<SaneOptionNames> {
    return parseSaneHelp(await run(command, ['--help', '-d', device], env, 20_000));
  }

  return {
    kind: 'sane',
    async list() {
      const out = await run(command, ['-f', '%d\t%v %m%n'], env, listTimeoutMs);
      const scanners: ScannerInfo[] = [];
      for (const line of out.split('\n').filter(Boolean)) {
        const [device = '', name = device] = line.split('\t');
        try {
          scanners.push(saneInfo(device, name.trim(), await optionsOf(device)));
        } catch {
          // A device that does not answer its options is left out of the list (scanners.test says why).
        }
      }
      return scanners;
    },
    async describe(device) {
      const names = await optionsOf(device);
      return saneInfo(device, device, names);
    },
    async scan(device, request, sink, signal) {
      const names = await optionsOf(device);
      const args = ['-d', device, '--format=pnm', `--resolution=${request.dpi}`];
      const mode = names.modes[request.mode] ?? names.modes.grey;
      if (mode) args.push(`--mode=${mode}`);
      const source = request.source === 'feeder' ? (request.duplex ? names.sources.duplex : (names.sources.feeder ?? names.sources.duplex)) : names.sources.flatbed;
      if (source === undefined || (request.duplex && request.source !== 'feeder')) {
        throw new ScannerError('scanner-option-unsupported', `${device} offers no ${request.duplex ? 'two-sided feeder' : request.source}`);
      }
      if (source !== '') args.push(`--source=${source}`);
      args.push(`--batch=${path.join(request.workDir, 'raw-%04d.pnm')}`, '--batch-print');
      if (request.source === 'flatbed') args.push('--batch-count=1');
      await scanBatch(command, args, env, request, sink, signal);
    },
  };
}

async function scanBatch(command: string, args: string[], env: NodeJS.ProcessEnv, request: ScanRequest, sink: PageSink, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw new ScannerError('cancelled', 'cancelled before the scan began');
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8000);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', (error) => reject(new ScannerError('scanner-unavailable', `${command}: ${error.message}`)));
    child.once('close', (code) => resolve(code));
  });
  // scanimage cancels the device on SIGTERM (sane_cancel); SIGKILL only if it does not exit.
  const onAbort = () => {
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  };
  signal.addEventListener('abort', onAbort, { once: true });
  let pages = 0;
  let sinkError: unknown = null;
  try {
    // Page files are handed on in order, one at a time, while scanimage goes on with the next sheet.
    for await (const line of readline.createInterface({ input: child.stdout })) {
      const file = line.trim();
      if (!file || sinkError !== null || signal.aborted) continue;
      try {
        const bytes = await fs.readFile(file);
        await fs.rm(file, { force: true });
        pages += 1;
        await sink({ format: 'pnm', bytes, dpi: request.dpi });
      } catch (error) {
        sinkError = error;
        onAbort();
      }
    }
    const code = await exited;
    if (signal.aborted) throw new ScannerError('cancelled', 'the scan was cancelled');
    if (sinkError !== null) throw sinkError instanceof Error ? sinkError : new Error('the page could not be processed');
    if (code !== 0) throw classify(stderr, pages);
    if (pages === 0) throw classify(stderr.includes('out of documents') ? stderr : `${stderr}\nno docs`, 0);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
