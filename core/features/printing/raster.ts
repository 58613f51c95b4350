import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';

/**
 * Thermal slips as 1-bit rasters. Vietnamese is never sent to a printer as text (its code pages print
 * garbage, TESTING.md "Printing"): every line is drawn with the bundled Be Vietnam Pro TTF, thresholded to
 * black and white, and sent as GS v 0 raster (escpos.ts).
 */

/** 80 mm paper at 203 dpi prints 576 dots; 58 mm prints 384. */
export const PAPER_WIDTH_DOTS = { '80mm': 576, '58mm': 384 } as const;

export type SlipLine =
  | Readonly<{
      kind: 'text';
      text: string;
      bold?: boolean;
      size?: 'normal' | 'large';
      align?: 'left' | 'center' | 'right';
    }>
  | Readonly<{ kind: 'rule' }>
  | Readonly<{ kind: 'space'; dots: number }>
  /** A QR code, centred; `moduleDots` is the size of one module (default: as large as fits, at most 6). */
  | Readonly<{ kind: 'qr'; text: string; moduleDots?: number }>;

/**
 * A 1-bit image in the GS v 0 layout: rows top to bottom, each row `bytesPerRow` bytes, the most significant
 * bit of a byte is the leftmost dot, 1 = black (burnt).
 */
export type Raster = Readonly<{ widthDots: number; heightDots: number; bytesPerRow: number; data: Uint8Array }>;

export type RenderOptions = Readonly<{
  widthDots: number;
  /** Blank dots kept at the left and right edges (the print head reaches the edge; the paper guide may not). */
  marginDots?: number;
}>;

const FAMILY_REGULAR = 'MotCua Be Vietnam Pro';
const FAMILY_BOLD = 'MotCua Be Vietnam Pro Bold';
/** Pixel sizes at 203 dpi: 24 dots ≈ 3 mm (a normal receipt line), 34 dots ≈ 4.3 mm for titles. */
const FONT_DOTS = { normal: 24, large: 34 } as const;
const LINE_GAP_DOTS = 4;
const RULE_THICKNESS_DOTS = 2;
const RULE_PAD_DOTS = 8;
const QR_QUIET_MODULES = 4;
/** Letters whose stacked marks reach highest and lowest, to size a line so no mark is ever clipped. */
const TALLEST = 'ẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢÝỲỶỸĨỈÍ';
const DEEPEST = 'gjpqyỵỴẠỊỌỤỰỢỆẬẶ';

let fontsRegistered = false;

/** The TTF files shipped with the app (OFL), registered once per process. */
/**
 * In the packaged app the fonts are unpacked beside app.asar (electron-builder.yml asarUnpack): Skia reads
 * files natively and cannot see inside the archive, so a path into app.asar must point at the unpacked copy.
 */
export function outsideAsar(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

export function fontFiles(): { regular: string; bold: string } {
  const require = createRequire(import.meta.url);
  return {
    regular: outsideAsar(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf')),
    bold: outsideAsar(require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf')),
  };
}

function registerFonts(): void {
  if (fontsRegistered) return;
  const files = fontFiles();
  if (!GlobalFonts.registerFromPath(files.regular, FAMILY_REGULAR)) throw new Error('cannot load the regular slip font');
  if (!GlobalFonts.registerFromPath(files.bold, FAMILY_BOLD)) throw new Error('cannot load the bold slip font');
  fontsRegistered = true;
}

type TextLine = Extract<SlipLine, { kind: 'text' }>;

function fontOf(line: TextLine): string {
  const size = FONT_DOTS[line.size ?? 'normal'];
  return `${size}px "${line.bold === true ? FAMILY_BOLD : FAMILY_REGULAR}"`;
}

type Metrics = { ascent: number; descent: number };
const metricsCache = new Map<string, Metrics>();

function metricsOf(ctx: SKRSContext2D, font: string): Metrics {
  const cached = metricsCache.get(font);
  if (cached !== undefined) return cached;
  ctx.font = font;
  const up = ctx.measureText(TALLEST);
  const down = ctx.measureText(DEEPEST);
  const metrics = {
    ascent: Math.ceil(Math.max(up.actualBoundingBoxAscent, up.fontBoundingBoxAscent)),
    descent: Math.ceil(Math.max(down.actualBoundingBoxDescent, down.fontBoundingBoxDescent)),
  };
  metricsCache.set(font, metrics);
  return metrics;
}

/** Greedy word wrap by measured width; a single word wider than the line is broken by characters. */
function wrap(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  if (ctx.measureText(text).width <= maxWidth) return [text];
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (ctx.measureText(candidate).width <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current !== '') out.push(current);
    let piece = '';
    for (const ch of word) {
      if (ctx.measureText(piece + ch).width > maxWidth && piece !== '') {
        out.push(piece);
        piece = '';
      }
      piece += ch;
    }
    current = piece;
  }
  out.push(current);
  return out;
}

type Placed =
  | { kind: 'text'; font: string; text: string; x: number; baseline: number; align: 'left' | 'center' | 'right' }
  | { kind: 'rect'; x: number; y: number; w: number; h: number };

/** Lays the lines out and draws them; returns the thresholded 1-bit raster. */
export function renderSlip(lines: readonly SlipLine[], options: RenderOptions): Raster {
  const { widthDots } = options;
  if (!Number.isInteger(widthDots) || widthDots <= 0 || widthDots % 8 !== 0) {
    throw new RangeError(`widthDots must be a positive multiple of 8, got ${widthDots}`);
  }
  const margin = options.marginDots ?? 8;
  const inner = widthDots - 2 * margin;
  registerFonts();

  const scratch = createCanvas(8, 8).getContext('2d');
  const placed: Placed[] = [];
  let y = 0;
  for (const line of lines) {
    switch (line.kind) {
      case 'text': {
        let font = fontOf(line);
        scratch.font = font;
        // A large word that cannot fit (a dossier code on 58 mm) is drawn at the normal size rather than broken.
        const widest = Math.max(...line.text.normalize('NFC').split(/\s+/).map((w) => scratch.measureText(w).width));
        if (line.size === 'large' && widest > inner) {
          font = fontOf({ ...line, size: 'normal' });
          scratch.font = font;
        }
        const { ascent, descent } = metricsOf(scratch, font);
        scratch.font = font;
        const align = line.align ?? 'left';
        for (const text of wrap(scratch, line.text.normalize('NFC'), inner)) {
          const x = align === 'left' ? margin : align === 'center' ? widthDots / 2 : widthDots - margin;
          placed.push({ kind: 'text', font, text, x, baseline: y + ascent, align });
          y += ascent + descent + LINE_GAP_DOTS;
        }
        break;
      }
      case 'rule':
        y += RULE_PAD_DOTS;
        placed.push({ kind: 'rect', x: margin, y, w: inner, h: RULE_THICKNESS_DOTS });
        y += RULE_THICKNESS_DOTS + RULE_PAD_DOTS;
        break;
      case 'space':
        y += Math.max(0, Math.round(line.dots));
        break;
      case 'qr': {
        const qr = QRCode.create(line.text, { errorCorrectionLevel: 'M' });
        const size = qr.modules.size;
        const total = size + 2 * QR_QUIET_MODULES;
        const fit = Math.floor(inner / total);
        const moduleDots = Math.min(line.moduleDots ?? 6, fit);
        if (moduleDots < 2) throw new RangeError('QR code too large for the paper width');
        const x0 = Math.floor((widthDots - size * moduleDots) / 2);
        const y0 = y + QR_QUIET_MODULES * moduleDots;
        for (let r = 0; r < size; r++) {
          for (let c = 0; c < size; c++) {
            if (qr.modules.get(r, c) !== 0) {
              placed.push({ kind: 'rect', x: x0 + c * moduleDots, y: y0 + r * moduleDots, w: moduleDots, h: moduleDots });
            }
          }
        }
        y += total * moduleDots;
        break;
      }
    }
  }
  const heightDots = Math.max(1, Math.ceil(y));

  const canvas = createCanvas(widthDots, heightDots);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, widthDots, heightDots);
  ctx.fillStyle = '#000000';
  ctx.textBaseline = 'alphabetic';
  for (const p of placed) {
    if (p.kind === 'rect') {
      ctx.fillRect(p.x, p.y, p.w, p.h);
    } else {
      ctx.font = p.font;
      ctx.textAlign = p.align;
      ctx.fillText(p.text, p.x, p.baseline);
    }
  }
  return threshold(ctx.getImageData(0, 0, widthDots, heightDots).data, widthDots, heightDots);
}

/** RGBA → 1 bit: a dot is black when its luminance is below half. */
function threshold(rgba: Uint8ClampedArray, width: number, height: number): Raster {
  const bytesPerRow = width / 8;
  const data = new Uint8Array(bytesPerRow * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = (row * width + col) * 4;
      const luminance = 0.2126 * (rgba[i] ?? 255) + 0.7152 * (rgba[i + 1] ?? 255) + 0.0722 * (rgba[i + 2] ?? 255);
      if (luminance < 128) {
        const index = row * bytesPerRow + (col >> 3);
        data[index] = (data[index] ?? 0) | (0x80 >> (col & 7));
      }
    }
  }
  return { widthDots: width, heightDots: height, bytesPerRow, data };
}

/** A slice of rows [from, from + count) as its own raster (GS v 0 bands). */
export function rasterRows(raster: Raster, from: number, count: number): Raster {
  const start = from * raster.bytesPerRow;
  return { ...raster, heightDots: count, data: raster.data.subarray(start, start + count * raster.bytesPerRow) };
}

/** The raster as an opaque black-on-white PNG (previews, and the PNG node-thermal-printer reads). */
export function rasterToPng(raster: Raster): Buffer {
  const canvas = createCanvas(raster.widthDots, raster.heightDots);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(raster.widthDots, raster.heightDots);
  for (let row = 0; row < raster.heightDots; row++) {
    for (let col = 0; col < raster.widthDots; col++) {
      const black = ((raster.data[row * raster.bytesPerRow + (col >> 3)] ?? 0) & (0x80 >> (col & 7))) !== 0;
      const i = (row * raster.widthDots + col) * 4;
      const v = black ? 0 : 255;
      image.data[i] = v;
      image.data[i + 1] = v;
      image.data[i + 2] = v;
      image.data[i + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}
