import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { afterAll, describe, expect, test } from 'vitest';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { assemblePdf } from '../documents/assemble-pdf.ts';
import { readPdfPages, thumbnailOf } from '../documents/page-images.ts';
import { encodeGreyJpeg } from './pipeline/grey-jpeg.ts';
import { jpegInfo } from './pipeline/jpeg-info.ts';
import { normalisePage } from './pipeline/normalise.ts';
import { preparePages } from './pipeline/pages.ts';
import { toGrey, type Raster } from './pipeline/raster.ts';

const temp = makeTempDir('mot-cua-grey-');
afterAll(() => temp.remove());

const A4_300 = [2480, 3508] as const;
type Context = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

function rasterOf(width: number, height: number, draw: (context: Context) => void): Raster {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  draw(context);
  const pixels = context.getImageData(0, 0, width, height).data;
  return { width, height, channels: 4, data: new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength) };
}

/** The eSCL test scanner's page (test/harness/escl-server.ts): A4 at 300 dpi, 20 dark text-like lines. */
function textLikeA4(): Raster {
  const [w, h] = A4_300;
  return rasterOf(w, h, (context) => {
    context.fillStyle = '#222';
    for (let line = 0; line < 20; line += 1) context.fillRect(w * 0.1, h * 0.1 + line * h * 0.035, w * (0.5 + ((line * 7) % 30) / 100), h * 0.012);
  });
}

/** Mean absolute difference of two grey rasters of the same size. */
function meanDifference(a: Raster, b: Raster): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 1) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / a.data.length;
}

async function decodeToGrey(jpeg: Buffer): Promise<Raster> {
  const image = await loadImage(jpeg);
  return toGrey(rasterOf(image.width, image.height, (context) => context.drawImage(image, 0, 0)));
}

function has(tool: string, args: readonly string[]): boolean {
  try {
    execFileSync(tool, args, { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('grey pages are one-channel JPEGs', () => {
  test('a grey raster becomes a one-component JPEG that decodes back close to its pixels', async () => {
    const page = toGrey(rasterOf(600, 400, (context) => {
      context.fillStyle = '#000';
      context.fillRect(50, 50, 200, 20);
      context.fillStyle = '#888';
      context.fillRect(300, 200, 250, 150);
    }));
    const jpeg = await encodeGreyJpeg(page, 60);
    expect(jpegInfo(jpeg)).toMatchObject({ width: 600, height: 400, components: 1, bits: 8, orientation: 1 });
    const back = await decodeToGrey(jpeg);
    expect(meanDifference(page, back)).toBeLessThan(2);
    expect(back.data[60 * 600 + 150]).toBeLessThan(40); // inside the black bar
    expect(back.data[275 * 600 + 400]).toBeGreaterThan(118); // the mid-grey block stays mid-grey
    expect(back.data[275 * 600 + 400]).toBeLessThan(154);
  });

  test('bytes per A4 page at 300 dpi: a white page and the benchmark text-like page stay far under 100 KB', async () => {
    const [w, h] = A4_300;
    const white = await normalisePage(rasterOf(w, h, () => undefined), 'grey', 300);
    expect(white).toMatchObject({ format: 'jpeg', blank: true, width: w, height: h });
    expect(jpegInfo(white.bytes)?.components).toBe(1);
    // Skia's three-channel JPEG of the same white page was 51 KB (docs/SCANNING.md).
    expect(white.bytes.length).toBeLessThan(25 * 1024);
    const text = await normalisePage(textLikeA4(), 'grey', 300);
    expect(text.blank).toBe(false);
    expect(text.bytes.length).toBeLessThan(100 * 1024);
  });

  test('a three-component JPEG scanned in grey with EXIF orientation 6 is stored upright as one channel', async () => {
    // 60 × 30 stored, left half black; orientation 6 turns it a quarter clockwise: black ends up on top.
    const stored = createCanvas(60, 30);
    const context = stored.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 60, 30);
    context.fillStyle = '#000';
    context.fillRect(0, 0, 30, 30);
    const jpeg = stored.encodeSync('jpeg', 95);
    const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
    const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const turned = Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, 0, payload.length + 2]), payload, jpeg.subarray(2)]);
    expect(jpegInfo(turned)).toMatchObject({ components: 3, orientation: 6 });
    const [page] = await Promise.all(await preparePages({ format: 'jpeg', bytes: turned, dpi: 200 }, 'grey', 10));
    expect([page!.width, page!.height]).toEqual([30, 60]);
    expect(jpegInfo(page!.bytes)).toMatchObject({ width: 30, height: 60, components: 1, orientation: 1 });
    const back = await decodeToGrey(page!.bytes);
    expect(back.data[5 * 30 + 15]).toBeLessThan(60);
    expect(back.data[55 * 30 + 15]).toBeGreaterThan(200);
  });

  test('a one-component JPEG the device delivered upright is kept byte for byte; a grey scan of a colour page loses its chroma', async () => {
    const grey = await encodeGreyJpeg(toGrey(textLikeA4()), 75);
    const [kept] = await Promise.all(await preparePages({ format: 'jpeg', bytes: grey, dpi: 300 }, 'grey', 10));
    expect(kept!.bytes.equals(grey)).toBe(true);
    expect(kept!.blank).toBe(false);
    const colour = createCanvas(800, 600);
    const context = colour.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 800, 600);
    context.fillStyle = '#c00'; // a red stamp: grey mode keeps it as a darker grey, not as nothing
    context.fillRect(100, 100, 300, 300);
    const [page] = await Promise.all(await preparePages({ format: 'jpeg', bytes: colour.encodeSync('jpeg', 90), dpi: 300 }, 'grey', 10));
    expect(jpegInfo(page!.bytes)?.components).toBe(1);
    const back = await decodeToGrey(page!.bytes);
    expect(back.data[250 * 800 + 250]).toBeLessThan(150);
    expect(back.data[500 * 800 + 600]).toBeGreaterThan(240);
  });

  test('in the PDF: /DeviceGray DCT image (pdfimages), qpdf --check, PDF/A-2b identification, thumbnails from the kept JPEG', async () => {
    const page = await normalisePage(textLikeA4(), 'grey', 300);
    const pdf = await assemblePdf([page, { ...page, rotate: 90 }], new Date('2026-11-24T08:00:00Z'), 'Giấy tờ xám');
    const file = path.join(temp.dir, 'grey.pdf');
    fs.writeFileSync(file, pdf);
    expect(pdf.includes('/ColorSpace /DeviceGray')).toBe(true);
    expect(has('qpdf', ['--check', file])).toBe(true);
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(list).toHaveLength(2);
    for (const row of list) {
      const [, , type, width, height, color, comp, bpc, enc] = row.trim().split(/\s+/);
      expect({ type, width, height, color, comp, bpc, enc }).toEqual({ type: 'image', width: '2480', height: '3508', color: 'gray', comp: '1', bpc: '8', enc: 'jpeg' });
    }
    const meta = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(meta).toMatch(/pdfaid:part(>|=")2/);
    expect(meta).toMatch(/pdfaid:conformance(>|=")B/);
    // The page editor reads the picture back byte for byte, and the thumbnail is drawn from it.
    const { pages } = await readPdfPages(pdf);
    expect(pages[0]!.image?.bytes.equals(page.bytes)).toBe(true);
    const thumbnail = await thumbnailOf(pages[1]!.image!);
    const picture = await loadImage(Buffer.from(thumbnail.slice('data:image/jpeg;base64,'.length), 'base64'));
    expect([picture.width, picture.height]).toEqual([220, 156]); // turned by the page's /Rotate 90
  });

  test('Vietnamese text still reads after the grey JPEG and the PDF (tesseract -l vie, when installed)', async (context) => {
    if (!has('tesseract', ['--list-langs']) || !execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).includes('vie')) context.skip();
    const require = createRequire(import.meta.url);
    GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'), 'Grey Test Regular');
    const lines = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ĐƠN ĐỀ NGHỊ ĐĂNG KÝ TẠM TRÚ', 'Kính gửi: Công an phường Bến Nghé', 'Họ và tên: Nguyễn Văn An', 'Nơi thường trú: số 12 đường Lê Lợi, thành phố Huế'];
    // 10 pt at 300 dpi (42 px), on slightly tinted paper as a scan has: a quarter of an A4 page.
    const raster = rasterOf(2480, 900, (draw) => {
      draw.fillStyle = '#f6f5f0';
      draw.fillRect(0, 0, 2480, 900);
      draw.fillStyle = '#1e1e1e';
      draw.font = '42px "Grey Test Regular"';
      lines.forEach((line, index) => draw.fillText(line, 240, 140 + index * 110));
    });
    const page = await normalisePage(raster, 'grey', 300);
    const file = path.join(temp.dir, 'ocr.pdf');
    fs.writeFileSync(file, await assemblePdf([page], new Date('2026-11-24T08:00:00Z'), 'OCR'));
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-singlefile', file, path.join(temp.dir, 'ocr')]);
    const text = execFileSync('tesseract', [path.join(temp.dir, 'ocr.pgm'), 'stdout', '-l', 'vie'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    for (const words of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập', 'Hạnh phúc', 'ĐĂNG KÝ TẠM TRÚ', 'Công an phường Bến Nghé', 'Nguyễn Văn An', 'thường trú', 'Lê Lợi', 'thành phố Huế']) expect(text).toContain(words);
  });
});
