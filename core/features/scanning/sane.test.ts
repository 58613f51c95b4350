import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { ScannerInfo } from '../../../shared/contract/scanning.ts';
import type { Core } from '../../app/create-core.ts';
import { makeSaneTestConfig } from '../../../test/harness/sane-test-device.ts';
import { call, checkPdf, documentFile, intakeWithPapers, scanningCore, scanToEnd, storedFiles } from '../../../test/harness/scan-fixtures.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { createSaneBackend } from './backends/sane.ts';

// The real scanimage with SANE's `test` device (Debian sane-utils; CI installs it). Without scanimage
// these tests are skipped with the reason in their name, never passed silently.
const probe = makeTempDir();
const available = makeSaneTestConfig(probe.dir) !== null;
probe.remove();

let temp: ReturnType<typeof makeTempDir>;
let core: Core | undefined;
afterEach(() => {
  core?.stop();
  core = undefined;
  temp.remove();
});

async function saneCore(picture: Parameters<typeof makeSaneTestConfig>[1] = 'Grid', extra: string[] = []): Promise<Core> {
  temp = makeTempDir();
  const env = makeSaneTestConfig(temp.dir, picture, extra)!;
  core = await scanningCore(path.join(temp.dir, 'data'), { scannerBackends: () => [createSaneBackend({ env })] });
  return core;
}

describe.skipIf(!available)('SANE through the real scanimage (test device)', () => {
  test('lists the test device with flatbed and feeder, grey and colour, and answers scanners.test', async () => {
    const desk = await saneCore();
    const { scanners, problems } = await call<{ scanners: ScannerInfo[]; problems: unknown[] }>(desk, 'scanners.list');
    expect(problems).toEqual([]);
    expect(scanners).toEqual([expect.objectContaining({ id: 'sane:test:0', backend: 'sane', sources: ['flatbed', 'feeder'], duplex: false, modes: ['colour', 'grey', 'lineart'] })]);
    expect(scanners[0]!.resolutions).toContain(300);
    expect(await call(desk, 'scanners.test', { scannerId: 'sane:test:0' })).toMatchObject({ scanner: { id: 'sane:test:0' } });
  });

  test('a 10-page feeder batch becomes one PDF/A of 10 pages, 0600, linked to the paper, audited and queued for the server', async () => {
    const desk = await saneCore();
    const dossier = await intakeWithPapers(desk);
    const { final, events } = await scanToEnd(desk, { scannerId: 'sane:test:0', source: 'feeder', dpi: 150, mode: 'grey', dossierId: dossier.id, paperIndex: 1 });
    expect(final.state, JSON.stringify(final.error)).toBe('done');
    expect(events.filter((event) => event.page).map((event) => event.page!.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(events.map((event) => event.state)).toEqual(expect.arrayContaining(['scanning', 'assembling', 'done']));
    const document = final.document!;
    expect(document).toMatchObject({ pages: 10, source: 'scan', blankPages: [], links: [{ dossierId: dossier.id, paperIndex: 1, reusedFromDossierId: null }] });

    const file = documentFile(path.join(temp.dir, 'data'), document);
    expect(checkPdf(file)).toEqual({ qpdfOk: true, pages: 10 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.readFileSync(file, 'latin1')).toContain('pdfaid:part>2<');

    const after = await call<Dossier>(desk, 'dossiers.get', { id: dossier.id });
    expect(after.papers[1]!.scanSha256).toBe(document.sha256);
    expect(after.version).toBe(dossier.version + 1);
    const db = new Database(path.join(temp.dir, 'data', 'profiles', 'default.sqlite'), { readonly: true });
    const snapshot = db.prepare('SELECT payload FROM outbox WHERE aggregate_id = ? ORDER BY created_at DESC, id DESC LIMIT 1').get(dossier.id) as { payload: string };
    expect((JSON.parse(snapshot.payload) as Dossier).papers[1]!.scanSha256).toBe(document.sha256);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'dossier.scanAttached'").get()).toEqual({ n: 1 });
    db.close();
    // The scratch folder is gone: the raw pages never outlive the session.
    expect(storedFiles(path.join(temp.dir, 'data'))).toEqual([file]);
  });

  test('two-sided scanning is refused clearly when the device offers no duplex (the test device does not)', async () => {
    const desk = await saneCore();
    const { final } = await scanToEnd(desk, { scannerId: 'sane:test:0', source: 'feeder', duplex: true, dpi: 75 });
    expect(final).toMatchObject({ state: 'failed', error: { code: 'scanner-option-unsupported' } });
    expect(storedFiles(path.join(temp.dir, 'data'))).toEqual([]);
  });

  test('a cancelled batch stops scanimage and leaves nothing: no row, no file, no scratch page', async () => {
    // Slowed down so the cancel lands mid-batch (20 ms per buffer).
    const desk = await saneCore('Grid', ['read-delay true', 'read-delay-duration 20000']);
    let cancelled = false;
    const { final, events } = await scanToEnd(desk, { scannerId: 'sane:test:0', source: 'feeder', dpi: 75 }, (event, sessionId) => {
      if (event.page?.number === 2 && !cancelled) {
        cancelled = true;
        void call(desk, 'scanning.cancel', { sessionId });
      }
    });
    expect(final.state).toBe('cancelled');
    expect(events.filter((event) => event.page).length).toBeLessThan(10);
    expect(storedFiles(path.join(temp.dir, 'data'))).toEqual([]);
    const db = new Database(path.join(temp.dir, 'data', 'profiles', 'default.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
    db.close();
  });

  test('a blank page is flagged for the clerk, not dropped; black and white text pages are small', async () => {
    const white = await saneCore('Solid white');
    const { final } = await scanToEnd(white, { scannerId: 'sane:test:0', source: 'flatbed', dpi: 150, mode: 'grey' });
    expect(final.document).toMatchObject({ pages: 1, blankPages: [1] });
    white.stop();
    temp.remove();

    const grid = await saneCore('Grid');
    const lineart = await scanToEnd(grid, { scannerId: 'sane:test:0', source: 'flatbed', dpi: 300, mode: 'lineart' });
    expect(lineart.final.document).toMatchObject({ pages: 1, blankPages: [] });
    expect(lineart.final.document!.size).toBeLessThan(60_000);
  });
});

test.skipIf(available)('SANE tests skipped: scanimage is not installed (Debian package sane-utils)', () => {
  expect(available).toBe(false);
});
