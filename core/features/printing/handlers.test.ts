import net from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Core } from '../../app/create-core.ts';
import { decodeEscPos } from '../../../test/harness/escpos-decoder.ts';
import { startFakeThermalPrinter, type FakeThermalPrinter } from '../../../test/harness/fake-thermal-printer.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let printer: FakeThermalPrinter;

beforeEach(async () => {
  temp = makeTempDir();
  core = createTestCore(temp.dir, { clock: { now: () => new Date('2026-11-23T07:05:00Z') } });
  printer = await startFakeThermalPrinter();
});
afterEach(async () => {
  await printer.close();
  core.stop();
  temp.remove();
});

/** A port on which nothing listens: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('printers.testPage', () => {
  test('sends the Vietnamese test page as a raster the width of the paper, then cuts', async () => {
    const result = await core.dispatch('printers.testPage', { host: printer.host, port: printer.port, paper: '58mm' });
    expect(result).toMatchObject({ ok: true, value: { printedAt: '2026-11-23T14:05:00+07:00' } });
    const decoded = decodeEscPos(await printer.nextJob());
    expect(decoded.raster?.widthDots).toBe(384);
    // A cut after the last band (node-thermal-printer re-initialises after cutting, which prints nothing).
    const kinds = decoded.commands.map((command) => command.kind);
    expect(kinds.lastIndexOf('cut')).toBeGreaterThan(kinds.lastIndexOf('raster'));
    expect(decoded.text.toString('latin1').trim()).toBe('');
    expect((result.ok && (result.value as { bytes: number }).bytes) || 0).toBeGreaterThan(10_000);
  });

  test('text mode sends only ASCII, accents stripped', async () => {
    await core.dispatch('printers.testPage', { host: printer.host, port: printer.port, mode: 'text' });
    const job = await printer.nextJob();
    expect([...job].every((byte) => byte < 0x80)).toBe(true);
    expect(decodeEscPos(job).text.toString('latin1')).toContain('GIAY TIEP NHAN HO SO VA HEN TRA KET QUA');
  });

  test('a printer that is off is printer-refused, with a message in both languages in the contract', async () => {
    const result = await core.dispatch('printers.testPage', { host: '127.0.0.1', port: await closedPort() });
    expect(result).toMatchObject({ ok: false, error: { code: 'printer-refused', details: { host: '127.0.0.1' } } });
  });

  test('a bad host is invalid-input before any connection', async () => {
    expect(await core.dispatch('printers.testPage', { host: 'printer; rm -rf /' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('fonts in the packaged app', () => {
  test('a font path inside app.asar points at the unpacked copy; other paths are left alone', async () => {
    const { outsideAsar } = await import('./raster.ts');
    expect(outsideAsar('/opt/Một Cửa Desk/resources/app.asar/node_modules/f/a.ttf')).toBe('/opt/Một Cửa Desk/resources/app.asar.unpacked/node_modules/f/a.ttf');
    expect(outsideAsar('C:\\Program Files\\Mot Cua Desk\\resources\\app.asar\\node_modules\\f\\a.ttf')).toBe('C:\\Program Files\\Mot Cua Desk\\resources\\app.asar.unpacked\\node_modules\\f\\a.ttf');
    expect(outsideAsar('/work/main/node_modules/f/a.ttf')).toBe('/work/main/node_modules/f/a.ttf');
    expect(outsideAsar('/srv/app.asar.unpacked/f/a.ttf')).toBe('/srv/app.asar.unpacked/f/a.ttf');
  });
});

describe('printers.status', () => {
  const save = (port: number) =>
    core.dispatch('printers.save', { id: 'quay-1', name: 'Máy in quầy 1', connection: { kind: 'tcp', host: '127.0.0.1', port } });
  const status = async () => {
    const result = await core.dispatch('printers.status', { id: 'quay-1' });
    if (!result.ok) throw new Error(result.error.code);
    return result.value as { state: string; paperNearEnd: boolean };
  };

  test('asks DLE EOT 1, 2 and 4 over TCP and reads ready, near end, paper out and cover open; prints nothing', async () => {
    await save(printer.port);
    expect(await status()).toMatchObject({ state: 'ready', paperNearEnd: false });
    printer.setBehaviour({ paperNearEnd: true });
    expect(await status()).toMatchObject({ state: 'ready', paperNearEnd: true });
    printer.setBehaviour({ paperOut: true });
    expect(await status()).toMatchObject({ state: 'paper-out' });
    printer.setBehaviour({ coverOpen: true });
    expect(await status()).toMatchObject({ state: 'cover-open' });
    expect(printer.jobs.every((job) => job.length === 0)).toBe(true);
  });

  test('a printer that ignores status requests is no-answer; one that is off is unreachable', async () => {
    await save(printer.port);
    printer.setBehaviour({ silentStatus: true });
    expect(await status()).toMatchObject({ state: 'no-answer' });
    await save(await closedPort());
    expect(await status()).toMatchObject({ state: 'unreachable' });
  });
});

describe('printing.setFormValues', () => {
  // zod 4 filled defaulted fields inside .partial(): patching one value blanked the others.
  test('changes only the values it is given; the others stay as they were', async () => {
    await core.dispatch('printing.setFormValues', { placeName: 'Hoàn Kiếm', governingBody: 'UBND phường Hoàn Kiếm' });
    await core.dispatch('printing.setFormValues', { hotline: '1900 1234' });
    expect(await core.dispatch('printing.formValues', {})).toMatchObject({ ok: true, value: { placeName: 'Hoàn Kiếm', governingBody: 'UBND phường Hoàn Kiếm', hotline: '1900 1234' } });
  });
});
