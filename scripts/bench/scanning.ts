// Scanning (issue 7 targets): a 50-page feeder batch at 300 dpi to a finished PDF — wall time (< 10 s on 2
// cores), peak memory (< 500 MB), bytes per page (≤ 100 KB for grey text pages). Two sources:
// - the real scanimage with SANE's test device: its feeder holds 10 sheets, so the batch is five loads of
//   ten in one session (as a clerk reloads the feeder); pages are 200 × 200 mm, the device's maximum;
// - the eSCL test scanner (test/harness/escl-server.ts): 50 A4 pages of text-like lines, JPEG over HTTP.
// It prints; it asserts nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../core/app/create-core.ts';
import { createEsclBackend } from '../../core/features/scanning/backends/escl.ts';
import { createSaneBackend } from '../../core/features/scanning/backends/sane.ts';
import type { ScannerBackend } from '../../core/ports/scanner.ts';
import { startEsclServer } from '../../test/harness/escl-server.ts';
import { makeSaneTestConfig } from '../../test/harness/sane-test-device.ts';
import { call, checkPdf, documentFile, scanningCore, scanToEnd } from '../../test/harness/scan-fixtures.ts';
import { makeTempDir } from '../../test/harness/temp-dir.ts';

/** The SANE backend, with every scan run as `loads` feeder loads in a row. */
function reloadingFeeder(backend: ScannerBackend, loads: number): ScannerBackend {
  return {
    ...backend,
    async scan(device, request, sink, signal) {
      for (let load = 0; load < loads; load += 1) await backend.scan(device, request, sink, signal);
    },
  };
}

async function run(label: string, core: Core, dataDir: string, input: Record<string, unknown>): Promise<void> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { final } = await scanToEnd(core, input);
  const seconds = (performance.now() - started) / 1000;
  // CPU of this process (main thread and the thread pool's encoders): on a shared, loaded machine wall time
  // stretches, CPU time much less. scanimage is a process of its own (not counted); the eSCL test server runs
  // in this one but makes its three kinds of page once.
  const cpu = process.cpuUsage(cpuBefore);
  if (final.state !== 'done' || !final.document) throw new Error(`${label}: ${final.state} ${JSON.stringify(final.error)}`);
  const { pages, size, blankPages } = final.document;
  const check = checkPdf(documentFile(dataDir, final.document));
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${label.padEnd(44)} ${pages} pages in ${seconds.toFixed(2)} s (${((seconds * 1000) / pages).toFixed(0)} ms/page, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), ` +
      `${(size / pages / 1024).toFixed(1)} KB/page, PDF ${(size / 1024 / 1024).toFixed(2)} MB, qpdf ${check.qpdfOk ? 'ok' : 'FAILED'}, ` +
      `blank ${blankPages.length}, peak RSS so far ${rss.toFixed(0)} MB`,
  );
}

async function sane(root: string, picture: 'Grid' | 'Color pattern', mode: 'grey' | 'lineart'): Promise<void> {
  const env = makeSaneTestConfig(path.join(root, `sane-${mode}-${picture.replace(' ', '-')}`), picture);
  if (!env) {
    console.log('SANE part skipped: scanimage is not installed (Debian sane-utils)');
    return;
  }
  const dataDir = path.join(root, `data-sane-${mode}-${picture.replace(' ', '-')}`);
  const core = await scanningCore(dataDir, { scannerBackends: () => [reloadingFeeder(createSaneBackend({ env }), 5)] });
  await run(`SANE test device, ${picture}, ${mode}, 300 dpi`, core, dataDir, { scannerId: 'sane:test:0', source: 'feeder', dpi: 300, mode });
  core.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export async function benchScanning(): Promise<void> {
  const temp = makeTempDir('mot-cua-bench-scan-');
  try {
    // The targets' case first (grey text-like pages), so "peak RSS so far" is theirs; the colour pattern
    // (every pixel detail, 1.4 MB a page) is a stress case for memory, not a document.
    for (const [picture, mode] of [['Grid', 'grey'], ['Grid', 'lineart']] as const) await sane(temp.dir, picture, mode);
    const scanner = await startEsclServer({ feederSheets: 50 });
    const dataDir = path.join(temp.dir, 'data-escl');
    const core = await scanningCore(dataDir, { scannerBackends: (documents) => [createEsclBackend({ scanners: () => documents.settings().esclScanners })] });
    await call(core, 'scanning.updateSettings', { esclScanners: [{ id: 'bench', name: 'eSCL bench', url: scanner.url }] });
    await run('eSCL, A4 text-like pages, grey, 300 dpi', core, dataDir, { scannerId: 'escl:bench', source: 'feeder', dpi: 300, mode: 'grey' });
    core.stop();
    await scanner.close();
    await sane(temp.dir, 'Color pattern', 'grey');
  } finally {
    temp.remove();
  }
}
