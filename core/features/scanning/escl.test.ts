import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { ScannerInfo } from '../../../shared/contract/scanning.ts';
import type { Core } from '../../app/create-core.ts';
import { startEsclServer, type EsclServer, type EsclServerOptions } from '../../../test/harness/escl-server.ts';
import { call, checkPdf, documentFile, failure, scanningCore, scanToEnd, storedFiles } from '../../../test/harness/scan-fixtures.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { createEsclBackend } from './backends/escl.ts';

let temp: ReturnType<typeof makeTempDir>;
let scanner: EsclServer;
let core: Core;

afterEach(async () => {
  core.stop();
  await scanner.close();
  temp.remove();
});

async function esclCore(serverOptions: EsclServerOptions = {}, busyRetries = 3): Promise<Core> {
  temp = makeTempDir();
  scanner = await startEsclServer(serverOptions);
  // Waits are instant here; the retry logic is what is tested.
  core = await scanningCore(path.join(temp.dir, 'data'), {
    scannerBackends: (documents) => [createEsclBackend({ scanners: () => documents.settings().esclScanners, sleep: () => Promise.resolve(), busyRetries })],
  });
  await call(core, 'scanning.updateSettings', { esclScanners: [{ id: 'quay-1', name: 'Máy quét quầy 1', url: scanner.url }] });
  return core;
}

describe('eSCL backend against an eSCL server (Mopria protocol)', () => {
  test('capabilities: flatbed, feeder with duplex, three modes, discrete resolutions', async () => {
    const desk = await esclCore();
    const { scanners } = await call<{ scanners: ScannerInfo[] }>(desk, 'scanners.list');
    expect(scanners).toEqual([{ id: 'escl:quay-1', backend: 'escl', name: 'Máy quét quầy 1', sources: ['flatbed', 'feeder'], duplex: true, modes: ['lineart', 'grey', 'colour'], resolutions: [75, 150, 300, 600] }]);
    expect(await call(desk, 'scanners.test', { scannerId: 'escl:quay-1' })).toMatchObject({ scanner: { duplex: true } });
  });

  test('a duplex feeder job through 503 busy and 503 not-ready: Location, NextDocument until 404, one PDF', async () => {
    const desk = await esclCore({ feederSheets: 3, busyJobs: 2, notReadyPerPage: 1 });
    const { final, events } = await scanToEnd(desk, { scannerId: 'escl:quay-1', source: 'feeder', duplex: true, dpi: 150, mode: 'grey' });
    expect(final.state, JSON.stringify(final.error)).toBe('done');
    expect(events.filter((event) => event.page).length).toBe(6);
    expect(scanner.requests.filter((line) => line === 'POST /eSCL/ScanJobs')).toHaveLength(3); // two 503s, then 201
    const [job] = scanner.jobs;
    expect(job!.settings).toMatch(/<pwg:InputSource>Feeder<\/pwg:InputSource>/);
    expect(job!.settings).toMatch(/<scan:Duplex>true<\/scan:Duplex>/);
    expect(job!.settings).toMatch(/<scan:ColorMode>Grayscale8<\/scan:ColorMode>/);
    expect(job!.settings).toMatch(/<scan:XResolution>150<\/scan:XResolution>/);
    // 6 pages delivered, 6 not-ready answers, and the final 404.
    expect(scanner.requests.filter((line) => line.endsWith('/NextDocument'))).toHaveLength(13);
    expect(checkPdf(documentFile(path.join(temp.dir, 'data'), final.document!))).toEqual({ qpdfOk: true, pages: 6 });
  });

  test('a photo stored sideways (EXIF orientation 6) comes out upright', async () => {
    const desk = await esclCore({ exifOrientation: 6 });
    const { final, events } = await scanToEnd(desk, { scannerId: 'escl:quay-1', source: 'flatbed', dpi: 75, mode: 'colour' });
    expect(final.state).toBe('done');
    const page = events.find((event) => event.page)!.page!;
    expect(page.height).toBeGreaterThan(page.width); // A4 portrait, as the paper was
  });

  test('cancel deletes the job on the scanner and keeps nothing', async () => {
    const desk = await esclCore({ feederSheets: 10, pageDelayMs: 30 });
    const { final } = await scanToEnd(desk, { scannerId: 'escl:quay-1', source: 'feeder', dpi: 75 }, (event, sessionId) => {
      if (event.page?.number === 1) void call(desk, 'scanning.cancel', { sessionId });
    });
    expect(final.state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scanner.jobs[0]!.deleted).toBe(true);
    expect(storedFiles(path.join(temp.dir, 'data'))).toEqual([]);
  });

  test('a scanner that stays busy, an empty feeder and an unreachable address each give their own error', async () => {
    const desk = await esclCore({ busyJobs: 10, feederSheets: 0 });
    expect((await scanToEnd(desk, { scannerId: 'escl:quay-1', source: 'flatbed' })).final.error?.code).toBe('scanner-busy');
    await scanner.close();
    scanner = await startEsclServer({ feederSheets: 0 });
    await call(desk, 'scanning.updateSettings', { esclScanners: [{ id: 'quay-1', name: 'Quầy 1', url: scanner.url }] });
    expect((await scanToEnd(desk, { scannerId: 'escl:quay-1', source: 'feeder' })).final.error?.code).toBe('scanner-feeder-empty');
    await call(desk, 'scanning.updateSettings', { esclScanners: [{ id: 'quay-1', name: 'Quầy 1', url: 'http://127.0.0.1:9/eSCL' }] });
    expect((await failure(desk, 'scanners.test', { scannerId: 'escl:quay-1' })).code).toBe('scanner-unavailable');
    expect((await failure(desk, 'scanners.test', { scannerId: 'escl:nope' })).code).toBe('scanner-not-found');
  });
});
