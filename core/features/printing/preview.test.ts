import { execFileSync } from 'node:child_process';
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

type Preview = { png: string; widthDots: number; heightDots: number; kind: string };

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function pngOf(preview: Preview): Buffer {
  return Buffer.from(preview.png.slice('data:image/png;base64,'.length), 'base64');
}

/** Width and height from the PNG's own IHDR chunk, not from what the method says about it. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('printers.preview', () => {
  test('a raster printer: the test page as a PNG the width of its paper, and nothing reaches the printer', async () => {
    await call('printers.save', { id: 'quay-2', name: 'Máy in quầy 2', connection: { kind: 'tcp', host: printer.host, port: printer.port }, paper: '58mm' });
    const preview = await call<Preview>('printers.preview', { id: 'quay-2' });
    expect(preview.kind).toBe('raster');
    expect(preview.png.startsWith('data:image/png;base64,')).toBe(true);
    expect(pngSize(pngOf(preview))).toEqual({ width: 384, height: preview.heightDots });
    expect(preview.heightDots).toBeGreaterThan(500);
    expect(printer.connections()).toBe(0);
  });

  test('the preview is what the test print sends: the same raster height on 80 mm', async () => {
    await call('printers.save', { id: 'quay-1', name: 'Quầy 1', connection: { kind: 'tcp', host: printer.host, port: printer.port } });
    const preview = await call<Preview>('printers.preview', { id: 'quay-1' });
    expect(preview.widthDots).toBe(576);
    await call('printers.test', { id: 'quay-1' });
    const decoded = decodeEscPos(await printer.nextJob());
    expect(decoded.raster?.widthDots).toBe(576);
    expect(decoded.raster?.heightDots).toBe(preview.heightDots);
  });

  test('a text-mode printer is previewed without accents, an OS queue as the A5 page', async () => {
    await call('printers.save', { id: 'cu', name: 'Máy cũ', connection: { kind: 'device', path: '/dev/usb/lp0' }, mode: 'text' });
    await call('printers.save', { id: 'van-phong', name: 'Văn phòng', connection: { kind: 'os', queue: 'office' }, paper: 'A5' });
    const text = await call<Preview>('printers.preview', { id: 'cu' });
    expect(text.kind).toBe('text');
    expect(text.widthDots).toBe(576);
    const page = await call<Preview>('printers.preview', { id: 'van-phong' });
    expect(page.kind).toBe('document');
    expect(pngSize(pngOf(page)).width).toBe(832);
  });

  test('the raster preview reads back as Vietnamese (tesseract, when installed)', async (context) => {
    let tesseract = true;
    try {
      execFileSync('tesseract', ['--list-langs'], { stdio: 'pipe' });
    } catch {
      tesseract = false;
    }
    if (!tesseract) context.skip();
    await call('printers.save', { id: 'quay-1', name: 'Quầy 1', connection: { kind: 'tcp', host: printer.host, port: printer.port } });
    const preview = await call<Preview>('printers.preview', { id: 'quay-1' });
    const text = execFileSync('tesseract', ['stdin', 'stdout', '-l', 'vie'], { input: pngOf(preview), stdio: ['pipe', 'pipe', 'pipe'] }).toString('utf8');
    expect(text).toContain('TRANG IN THỬ');
  });

  test('an unknown printer is not-found', async () => {
    expect(await core.dispatch('printers.preview', { id: 'khong-co' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
