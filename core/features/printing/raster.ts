import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { threshold, type Raster } from './raster-bits.ts';

export { rasterRows, rasterToPng, type Raster } from './raster-bits.ts';

/**
 * Thermal slips as 1-bit rasters. Vietnamese is never sent to a printer as text (its code pages print
 * garbage, TESTING.md "Printing"): every line is drawn with the bundled Be Vietnam Pro TTF, thresholded to
 * black and white, and sent as GS v 0 raster (escpos.ts).
 */

/** 80 mm paper at 203 dpi prints 576 dots; 58 mm prints 384. */
export const PAPER_WIDTH_DOTS = { '80mm': 576, '58mm': 384 } as const;

export type SlipText = Readonly<{
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: 'small' | 'normal' | 'large';
  align?: 'left' | 'center' | 'right';
  /** Extra dots at the left of every wrapped line (list items, numbered fields' continuation). */
  indentDots?: number;
}>;

export type SlipLine =
  | SlipText
  /** Side by side, equal widths, each column's lines centred in it (header, signature blocks). */
  | Readonly<{ kind: 'columns'; columns: readonly (readonly SlipText[])[]; gapDots?: number; weights?: readonly number[] }>
  | Readonly<{ kind: 'rule' }>
  | Readonly<{ kind: 'space'; dots: number }>
  /** A QR code, centred; `moduleDots` is the size of one module (default: as large as fits, at most 6). */
  | Readonly<{ kind: 'qr'; text: string; moduleDots?: number }>;


export type RenderOptions = Readonly<{
  widthDots: number;
  /** Blank dots kept at the left and right edges (the print head reaches the edge; the paper guide may not). */
  marginDots?: number;
}>;

const FAMILY_REGULAR = 'MotCua Be Vietnam Pro';
const FAMILY_BOLD = 'MotCua Be Vietnam Pro Bold';
const FAMILY_ITALIC = 'MotCua Be Vietnam Pro Italic';
/** Pixel sizes at 203 dpi: 24 dots ≈ 3 mm (a normal receipt line), 34 dots ≈ 4.3 mm for titles, 20 for notes. */
const FONT_DOTS = { small: 20, normal: 24, large: 34 } as const;
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

export function fontFiles(): { regular: string; bold: string; italic: string } {
  const require = createRequire(import.meta.url);
  return {
    regular: outsideAsar(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf')),
    bold: outsideAsar(require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf')),
    italic: outsideAsar(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf')),
  };
}

function registerFonts(): void {
  if (fontsRegistered) return;
  const files = fontFiles();
  if (!GlobalFonts.registerFromPath(files.regular, FAMILY_REGULAR)) throw new Error('cannot load the regular slip font');
  if (!GlobalFonts.registerFromPath(files.bold, FAMILY_BOLD)) throw new Error('cannot load the bold slip font');
  if (!GlobalFonts.registerFromPath(files.italic, FAMILY_ITALIC)) throw new Error('cannot load the italic slip font');
  fontsRegistered = true;
}

type TextLine = SlipText;

function fontOf(line: TextLine): string {
  const size = FONT_DOTS[line.size ?? 'normal'];
  return `${size}px "${line.bold === true ? FAMILY_BOLD : line.italic === true ? FAMILY_ITALIC : FAMILY_REGULAR}"`;
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

type Scratch = SKRSContext2D;

/** Places one text line (wrapped) inside [x0, x0 + width) from `y`; returns the y below it. */
function placeText(scratch: Scratch, line: TextLine, x0: number, width: number, y: number, placed: Placed[]): number {
  let font = fontOf(line);
  scratch.font = font;
  const text = line.text.normalize('NFC');
  // A large word that cannot fit (a dossier code on 58 mm) is drawn at the normal size rather than broken.
  const widest = Math.max(...text.split(/\s+/).map((w) => scratch.measureText(w).width));
  if (line.size === 'large' && widest > width) font = fontOf({ ...line, size: 'normal' });
  const { ascent, descent } = metricsOf(scratch, font);
  scratch.font = font;
  const align = line.align ?? 'left';
  const indent = align === 'left' ? (line.indentDots ?? 0) : 0;
  wrap(scratch, text, width - indent).forEach((piece, index) => {
    // The first line of a hanging indent starts at the margin (its number or bullet), the rest under the text.
    const shift = index === 0 ? 0 : indent;
    const x = align === 'left' ? x0 + shift : align === 'center' ? x0 + width / 2 : x0 + width;
    placed.push({ kind: 'text', font, text: piece, x, baseline: y + ascent, align });
    if (line.underline === true) {
      const w = scratch.measureText(piece).width;
      const left = align === 'left' ? x : align === 'center' ? x - w / 2 : x - w;
      placed.push({ kind: 'rect', x: Math.round(left), y: y + ascent + Math.ceil(descent / 2), w: Math.round(w), h: RULE_THICKNESS_DOTS });
    }
    y += ascent + descent + LINE_GAP_DOTS;
  });
  return y;
}

function placeQr(text: string, moduleDotsWanted: number | undefined, x0: number, inner: number, y: number, placed: Placed[]): number {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const total = size + 2 * QR_QUIET_MODULES;
  const moduleDots = Math.min(moduleDotsWanted ?? 6, Math.floor(inner / total));
  if (moduleDots < 2) throw new RangeError('QR code too large for the paper width');
  const left = Math.floor(x0 + (inner - size * moduleDots) / 2);
  const top = y + QR_QUIET_MODULES * moduleDots;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (qr.modules.get(r, c) !== 0) placed.push({ kind: 'rect', x: left + c * moduleDots, y: top + r * moduleDots, w: moduleDots, h: moduleDots });
    }
  }
  return y + total * moduleDots;
}

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
      case 'text':
        y = placeText(scratch, line, margin, inner, y, placed);
        break;
      case 'columns': {
        const gap = line.gapDots ?? 16;
        const weights = line.columns.map((_, index) => line.weights?.[index] ?? 1);
        const total = weights.reduce((sum, w) => sum + w, 0);
        const free = inner - gap * Math.max(0, line.columns.length - 1);
        let bottom = y;
        let x = margin;
        line.columns.forEach((column, index) => {
          const width = Math.floor((free * (weights[index] ?? 1)) / total);
          let cy = y;
          for (const text of column) cy = placeText(scratch, text, x, width, cy, placed);
          bottom = Math.max(bottom, cy);
          x += width + gap;
        });
        y = bottom;
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
      case 'qr':
        y = placeQr(line.text, line.moduleDots, margin, inner, y, placed);
        break;
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
