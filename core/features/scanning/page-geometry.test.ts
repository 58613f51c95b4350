import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FORM_LINES, profileSharpness, rasterOf, skewedTextPage, TEST_FONT, turned } from '../../../test/harness/skewed-pages.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { decodeJpegToGrey, encodeGreyJpeg } from './pipeline/grey-jpeg.ts';
import { normalisePage } from './pipeline/normalise.ts';
import { planGeometry } from './pipeline/page-geometry.ts';
import { preparePages } from './pipeline/pages.ts';
import { toGrey, type Raster } from './pipeline/raster.ts';

// Deskew and auto-crop on real pixels: pages drawn with real glyphs (Be Vietnam Pro) turned by known angles,
// cards and receipts on a flatbed's glass, dark lids. No mock anywhere: sharp turns, mozjpeg encodes,
// tesseract reads. Set KEEP_GEOMETRY_PNG=dir to keep before/after pictures for a look.

const temp = makeTempDir('mot-cua-geometry-');
afterAll(() => temp.remove());
const ON = { deskew: true, autoCrop: true } as const;
const MM_300 = 300 / 25.4;

async function keep(name: string, picture: Raster): Promise<void> {
  const dir = process.env.KEEP_GEOMETRY_PNG;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.jpg`), await encodeGreyJpeg(toGrey(picture), 80));
}

function tesseract(): boolean {
  try {
    return execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).includes('vie');
  } catch {
    return false;
  }
}

/** Words of FORM_LINES that tesseract (Vietnamese) reads exactly in a JPEG. */
function wordsRead(name: string, jpeg: Buffer): number {
  const file = path.join(temp.dir, `${name}.jpg`);
  fs.writeFileSync(file, jpeg);
  const text = execFileSync('tesseract', [file, 'stdout', '-l', 'vie', '--psm', '6'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const read = new Set(text.normalize('NFC').split(/\s+/));
  return FORM_LINES.join(' ').normalize('NFC').split(/\s+/).filter((word) => read.has(word)).length;
}

describe('deskew: the skew of a text page is measured and corrected', () => {
  const straightSharpness = profileSharpness(toGrey(skewedTextPage(0)));

  test.each([-3.7, 1.2, 4.9, -0.6])('a page skewed %s° is measured within 0.2° and levelled: its line profile is sharper and a re-measure finds < 0.2°', async (degrees) => {
    const page = skewedTextPage(degrees);
    const plan = planGeometry(toGrey(page), page, 300, ON);
    expect(plan.crop).toBeNull();
    expect(Math.abs(plan.skewDegrees - degrees)).toBeLessThanOrEqual(0.2);
    const levelled = await normalisePage(page, 'grey', 300, ON);
    expect(levelled.deskewedDegrees).toBeCloseTo(degrees, 0);
    // The text has a margin: the page keeps its size (A4 stays A4 at 300 dpi).
    expect([levelled.width, levelled.height, levelled.dpi]).toEqual([2480, 3508, 300]);
    const after = await decodeJpegToGrey(levelled.bytes);
    // Sharper than the skewed page, and as sharp as the same page laid straight (within 3 %).
    expect(profileSharpness(after)).toBeGreaterThan(profileSharpness(toGrey(page)) * 1.1);
    expect(profileSharpness(after)).toBeGreaterThan(straightSharpness * 0.97);
    expect(Math.abs(planGeometry(after, after, 300, ON).skewDegrees)).toBeLessThan(0.2);
    await keep(`skew-${degrees}-before`, page);
    await keep(`skew-${degrees}-after`, after);
  });

  test('a straight page (0°) and one within 0.2° are left alone; deskew off leaves a skewed page alone', async () => {
    for (const degrees of [0, 0.1]) {
      const page = skewedTextPage(degrees);
      expect(planGeometry(toGrey(page), page, 300, ON)).toMatchObject({ crop: null, skewDegrees: 0 });
      expect((await normalisePage(page, 'grey', 300, ON)).deskewedDegrees).toBeUndefined();
    }
    const skewed = skewedTextPage(2);
    expect(planGeometry(toGrey(skewed), skewed, 300, { deskew: false, autoCrop: true }).skewDegrees).toBe(0);
  });

  test('a photo-like page (noise and blobs, no lines) gives no confident angle', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const photo = rasterOf(1200, 1600, (context) => {
      for (let i = 0; i < 400; i += 1) {
        context.fillStyle = `rgb(${Math.floor(random() * 200)},${Math.floor(random() * 200)},${Math.floor(random() * 200)})`;
        context.beginPath();
        context.arc(random() * 1200, random() * 1600, 10 + random() * 60, 0, Math.PI * 2);
        context.fill();
      }
    });
    expect(planGeometry(toGrey(photo), photo, 150, ON).skewDegrees).toBe(0);
  });

  test('ink near the corners would be cut by turning in place: the picture grows instead (nothing written is lost)', async () => {
    // Skewed lines running out of the picture on every side (a sheet bigger than the scan, laid askew):
    // turned back inside the same frame, their ends near the corners would be cut.
    const page = rasterOf(1600, 1200, (context) => {
      turned(context, 1600, 1200, 3, () => {
        context.fillStyle = '#111';
        for (let line = 0; line < 16; line += 1) context.fillRect(-300, -60 + line * 80, 2200, 18);
      });
    });
    const plan = planGeometry(toGrey(page), page, 200, ON);
    expect(plan.keepSize).toBe(false);
    const levelled = await normalisePage(page, 'grey', 200, ON);
    expect(levelled.width).toBeGreaterThan(1600);
    expect(levelled.height).toBeGreaterThan(1200);
  });

  test('tesseract (vie) reads a page skewed 3.7° at least as well after deskew', async (context) => {
    if (!tesseract()) context.skip();
    const page = skewedTextPage(3.7, 2480, 1500, FORM_LINES, 42);
    const before = wordsRead('ocr-before', await encodeGreyJpeg(toGrey(page), 60));
    const levelled = await normalisePage(page, 'grey', 300, ON);
    expect(levelled.deskewedDegrees).toBeCloseTo(3.7, 0);
    const after = wordsRead('ocr-after', levelled.bytes);
    const total = FORM_LINES.join(' ').split(/\s+/).length;
    console.log(`OCR words read of ${total}: skewed 3.7° ${before}, after deskew ${after}`);
    expect(after).toBeGreaterThanOrEqual(before);
    expect(after).toBeGreaterThanOrEqual(total * 0.9);
  });
});

/** An ID card (85.6 × 54 mm) at `left, top` of an A4 scan at 300 dpi with a white lid. */
function cardOnGlass(left: number, top: number, degrees = 0): Raster {
  const [w, h] = [Math.round(85.6 * MM_300), Math.round(54 * MM_300)];
  return rasterOf(2480, 3508, (context) => {
    turned(context, 2 * left + w, 2 * top + h, degrees, () => {
      context.fillStyle = '#e9eef2'; // the card's printed background
      context.strokeStyle = '#8a8f94'; // its edge and shadow on the glass
      context.lineWidth = 4;
      context.beginPath();
      context.roundRect(left, top, w, h, 36);
      context.fill();
      context.stroke();
      context.fillStyle = '#222';
      context.font = `36px "${TEST_FONT}"`;
      ['CĂN CƯỚC CÔNG DÂN', 'Số: 001090012345', 'Họ và tên: NGUYỄN VĂN AN', 'Ngày sinh: 12/03/1990'].forEach((line, index) => context.fillText(line, left + 300, top + 120 + index * 90));
      context.fillStyle = '#777';
      context.fillRect(left + 50, top + 100, 200, 260); // the photo
    });
  });
}

describe('auto-crop: the paper is found in a bigger scan', () => {
  test('an ID card on an A4 flatbed with a white lid is cropped to the card with a 3 mm margin, never into it', async () => {
    const page = cardOnGlass(300, 400);
    const done = await normalisePage(page, 'grey', 300, ON);
    const [w, h] = [Math.round(85.6 * MM_300), Math.round(54 * MM_300)];
    const margin = 3 * MM_300;
    expect(done.cropped).toBe(true);
    expect(done.width).toBeGreaterThanOrEqual(w);
    expect(Math.abs(done.width - (w + 2 * margin))).toBeLessThanOrEqual(12);
    expect(Math.abs(done.height - (h + 2 * margin))).toBeLessThanOrEqual(12);
    await keep('card-after', await decodeJpegToGrey(done.bytes));
  });

  test('a page framed by a dark lid is cut to the paper; the paper keeps all its text', async () => {
    // An A5 sheet (148 × 210 mm) on a black lid, scanned as A4.
    const [pw, ph] = [Math.round(148 * MM_300), Math.round(210 * MM_300)];
    const page = rasterOf(2480, 3508, (context) => {
      context.fillStyle = '#f4f3ef';
      context.fillRect(200, 300, pw, ph);
      context.fillStyle = '#1e1e1e';
      context.font = `40px "${TEST_FONT}"`;
      FORM_LINES.forEach((line, index) => context.fillText(line, 300, 500 + index * 100));
    }, '#161616');
    const done = await normalisePage(page, 'grey', 300, ON);
    expect(done.cropped).toBe(true);
    expect(Math.abs(done.width - (pw + 6 * MM_300))).toBeLessThanOrEqual(12);
    expect(Math.abs(done.height - (ph + 6 * MM_300))).toBeLessThanOrEqual(12);
  });

  test('full pages are left alone: text to the edges, a letter filling half the page, a form with a large table', async () => {
    const toEdges = rasterOf(2480, 3508, (context) => {
      context.fillStyle = '#222';
      for (let line = 0; line < 60; line += 1) context.fillRect(20, 20 + line * 58, 2440 - ((line * 37) % 300), 22);
    });
    const halfLetter = skewedTextPage(0, 2480, 3508, FORM_LINES.slice(0, 6));
    const table = rasterOf(2480, 3508, (context) => {
      context.strokeStyle = '#222';
      context.lineWidth = 5;
      context.strokeRect(200, 300, 2080, 2900);
      for (let row = 1; row < 20; row += 1) context.fillRect(200, 300 + row * 145, 2080, 3);
    });
    for (const page of [toEdges, halfLetter, table]) {
      expect(planGeometry(toGrey(page), page, 300, ON)).toMatchObject({ crop: null, skewDegrees: 0 });
      const done = await normalisePage(page, 'grey', 300, ON);
      expect([done.width, done.height, done.cropped]).toEqual([2480, 3508, undefined]);
    }
  });

  test('a blank page is neither cropped nor turned, and stays flagged blank', async () => {
    const blank = rasterOf(2480, 3508, () => undefined, '#f5f5f2');
    const done = await normalisePage(blank, 'grey', 300, ON);
    expect(done).toMatchObject({ blank: true, width: 2480, height: 3508 });
    expect(done.cropped).toBeUndefined();
    expect(done.deskewedDegrees).toBeUndefined();
  });
});

describe('modes and the JPEG kept as delivered', () => {
  test('black and white and colour pages are cut and levelled too', async () => {
    const page = skewedTextPage(-2.2, 1654, 2339, FORM_LINES, 30);
    const lineart = await normalisePage(page, 'lineart', 200, ON);
    expect(lineart).toMatchObject({ format: 'png', width: 1654, height: 2339 });
    expect(lineart.deskewedDegrees).toBeCloseTo(-2.2, 0);
    const colour = await normalisePage(page, 'colour', 200, ON);
    expect(colour).toMatchObject({ format: 'jpeg', width: 1654, height: 2339 });
    expect(colour.deskewedDegrees).toBeCloseTo(-2.2, 0);
    const card = await normalisePage(cardOnGlass(300, 400), 'colour', 300, ON);
    expect(card.cropped).toBe(true);
  });

  test("a device's one-channel JPEG is kept byte for byte when straight, and re-encoded levelled when skewed", async () => {
    const straight = await encodeGreyJpeg(toGrey(skewedTextPage(0)), 70);
    const [kept] = await Promise.all(await preparePages({ format: 'jpeg', bytes: straight, dpi: 300 }, 'grey', 10, ON));
    expect(kept!.bytes.equals(straight)).toBe(true);
    const skewed = await encodeGreyJpeg(toGrey(skewedTextPage(2.7)), 70);
    const [levelled] = await Promise.all(await preparePages({ format: 'jpeg', bytes: skewed, dpi: 300 }, 'grey', 10, ON));
    expect(levelled!.bytes.equals(skewed)).toBe(false);
    expect(levelled!.deskewedDegrees).toBeCloseTo(2.7, 0);
    expect([levelled!.width, levelled!.height]).toEqual([2480, 3508]);
    const [off] = await Promise.all(await preparePages({ format: 'jpeg', bytes: skewed, dpi: 300 }, 'grey', 10));
    expect(off!.bytes.equals(skewed)).toBe(true);
  });
});
