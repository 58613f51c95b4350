import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos, decodedToPng } from '../../../test/harness/escpos-decoder.ts';
import { startFakeThermalPrinter, type FakeThermalPrinter } from '../../../test/harness/fake-thermal-printer.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { PrinterError } from '../../ports/printer.ts';
import { encodeAsciiEscPos, encodeRasterEscPos, toAsciiText } from './escpos.ts';
import { fontFiles, PAPER_WIDTH_DOTS, renderSlip } from './raster.ts';
import { createTcpPrinter } from './tcp-printer.ts';
import { testPageLines, vietnameseLetterRows } from './test-page.ts';

const DOSSIER_CODE = '000.00.12.H12-261123-0001';
const RESULTS = path.resolve(import.meta.dirname, '../../../test-results/printing');

/** Code points mapped by a TrueType font's cmap (format 4 and 12 subtables), read without a font library. */
function cmapCodePoints(file: string): Set<number> {
  const font = fs.readFileSync(file);
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let t = 0; t < tables; t++) {
    if (font.toString('latin1', 12 + t * 16, 16 + t * 16) === 'cmap') cmap = font.readUInt32BE(20 + t * 16);
  }
  if (cmap < 0) throw new Error('no cmap');
  const points = new Set<number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let s = 0; s < subtables; s++) {
    const at = cmap + font.readUInt32BE(cmap + 4 + s * 8 + 4);
    const format = font.readUInt16BE(at);
    if (format === 4) {
      const segX2 = font.readUInt16BE(at + 6);
      const ends = at + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const offsets = deltas + segX2;
      for (let k = 0; k < segX2 / 2; k++) {
        const end = font.readUInt16BE(ends + 2 * k);
        const start = font.readUInt16BE(starts + 2 * k);
        const delta = font.readInt16BE(deltas + 2 * k);
        const rangeOffset = font.readUInt16BE(offsets + 2 * k);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph =
            rangeOffset === 0
              ? (c + delta) & 0xffff
              : font.readUInt16BE(offsets + 2 * k + rangeOffset + 2 * (c - start));
          if (glyph !== 0) points.add(c);
        }
      }
    } else if (format === 12) {
      const groups = font.readUInt32BE(at + 12);
      for (let g = 0; g < groups; g++) {
        const start = font.readUInt32BE(at + 16 + g * 12);
        const end = font.readUInt32BE(at + 20 + g * 12);
        for (let c = start; c <= end; c++) points.add(c);
      }
    }
  }
  return points;
}

const zbar = (png: string): string => execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

describe('Vietnamese letters', () => {
  it('covers all 134 letters with diacritics (67 vowels + đ, both cases) and the font has a glyph for each', () => {
    const lower = vietnameseLetterRows().join(' ').split(' ');
    const letters = [...lower, ...lower.map((l) => l.toUpperCase())].filter((l) => /[^a-zA-Z]/.test(l));
    expect(new Set(letters).size).toBe(134);
    for (const file of Object.values(fontFiles())) {
      const points = cmapCodePoints(file);
      const missing = letters.filter((l) => !points.has(l.codePointAt(0) ?? 0));
      expect(missing, path.basename(file)).toEqual([]);
    }
  });

  it('strips accents for ASCII-only printers', () => {
    expect(toAsciiText('GIẤY TIẾP NHẬN HỒ SƠ — Đặng Thị Ngọc Ánh')).toBe('GIAY TIEP NHAN HO SO ? Dang Thi Ngoc Anh');
    const bytes = encodeAsciiEscPos(['Nguyễn Văn Đức']);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40]));
    expect(bytes.includes(Buffer.from('Nguyen Van Duc\n'))).toBe(true);
    expect([...bytes].every((b) => b < 0x80)).toBe(true);
  });
});

describe.each(Object.entries(PAPER_WIDTH_DOTS))('test slip on %s paper over TCP', (paper, widthDots) => {
  let printer: FakeThermalPrinter;
  let temp: { dir: string; remove: () => void };
  beforeAll(async () => {
    printer = await startFakeThermalPrinter();
    temp = makeTempDir('mot-cua-print-');
  });
  afterAll(async () => {
    await printer.close();
    temp.remove();
  });

  it('prints a raster that decodes pixel for pixel, with a scannable QR, a cut and no text bytes', async () => {
    const lines = testPageLines({ dossierCode: DOSSIER_CODE, printedAt: '14:05 23/11/2026' });
    const rendered = renderSlip(lines, { widthDots });
    expect(rendered.widthDots).toBe(widthDots);

    const bytes = await encodeRasterEscPos(rendered);
    await createTcpPrinter({ host: printer.host, port: printer.port, timeoutMs: 2000 }).send(bytes);
    const captured = await printer.nextJob();
    expect(captured.equals(bytes)).toBe(true);

    const decoded = decodeEscPos(captured);
    const kinds = decoded.commands.map((c) => c.kind);
    expect(kinds[0]).toBe('init');
    expect(kinds.filter((k) => k === 'raster').length).toBe(Math.ceil(rendered.heightDots / 256));
    expect(decoded.commands).toContainEqual({ kind: 'cut', partial: true });
    expect(kinds.indexOf('cut')).toBeGreaterThan(kinds.lastIndexOf('raster'));
    // Nothing is printed as characters: no text bytes at all, so no Vietnamese in any code page.
    expect(decoded.text.length).toBe(0);
    expect(captured.includes(Buffer.from('GI'))).toBe(false);
    expect(captured.includes(Buffer.from('Ấ', 'utf8'))).toBe(false);

    const raster = decoded.raster;
    if (raster === undefined) throw new Error('no raster');
    expect([raster.widthDots, raster.heightDots]).toEqual([rendered.widthDots, rendered.heightDots]);
    expect(Buffer.from(raster.data).equals(Buffer.from(rendered.data))).toBe(true);

    const png = decodedToPng(decoded);
    const file = path.join(temp.dir, `test-slip-${paper}.png`);
    fs.writeFileSync(file, png);
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.copyFileSync(file, path.join(RESULTS, `test-slip-${paper}-decoded.png`));
    expect(zbar(file)).toBe(DOSSIER_CODE);
  });

  it('keeps the whole slip black and white, with ink on a reasonable share of dots', () => {
    const raster = renderSlip(testPageLines({ dossierCode: DOSSIER_CODE, printedAt: '14:05 23/11/2026' }), { widthDots });
    let black = 0;
    for (const byte of raster.data) for (let k = 0; k < 8; k++) black += (byte >> k) & 1;
    const share = black / (raster.widthDots * raster.heightDots);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.3);
  });
});

describe('TCP printer adapter', () => {
  it('reports a refused connection as printer-refused', async () => {
    const probe = await startFakeThermalPrinter();
    const { port } = probe;
    await probe.close();
    const error = await createTcpPrinter({ host: '127.0.0.1', port, timeoutMs: 2000 })
      .send(Buffer.from([0x1b, 0x40]))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).code).toBe('printer-refused');
    expect((error as PrinterError).message).toContain(`127.0.0.1:${port}`);
  });

  it('reports a printer that accepts but never reads as printer-timeout', async () => {
    const net = await import('node:net');
    // Accepts, then pauses reading: a 32 MiB job fills the socket buffers and stalls.
    const server = net.createServer((socket) => socket.pause());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    const started = Date.now();
    const error = await createTcpPrinter({ host: '127.0.0.1', port: address.port, timeoutMs: 300 })
      .send(Buffer.alloc(32 * 1024 * 1024))
      .catch((e: unknown) => e);
    server.close();
    expect((error as PrinterError).code).toBe('printer-timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
