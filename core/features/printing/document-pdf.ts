import QRCode from 'qrcode';
import type { DocLine, FilledDocument, HeaderLine, TextStyle } from '../../../shared/domain/forms/model.ts';
import { parseInstant } from '../../../shared/domain/calendar/civil.ts';
import { createPdfaDocument } from '../../pdf/pdfa-document.ts';
import type { PdfaInfo } from '../../pdf/pdfa-xmp.ts';
import type { Paper } from './document-raster.ts';
import { fontFiles } from './raster.ts';

/**
 * A filled form as a PDF (pdfkit): A4/A5 in the official layout (QR top-left, agency and Quốc hiệu in two
 * columns, numbered fields, signature blocks), or a receipt roll as wide as the paper and as long as the
 * slip. The Be Vietnam Pro TTFs are registered with pdfkit, which embeds a subset of each (pdffonts: emb yes,
 * sub yes) with a ToUnicode map, so `pdftotext` gives back the exact Vietnamese text. PDF/A-2b (`openPdf`):
 * the forms are records a citizen keeps and an archive files. QR codes are drawn as filled rectangles (no
 * image, nothing transparent).
 */

const MM = 72 / 25.4;
type Geometry = Readonly<{ width: number; height: number | null; margin: { top: number; bottom: number; left: number; right: number }; body: number; qr: number }>;

/** Margins after NĐ 30/2020 for A4 (left 30 mm, others 20 mm), halved on A5; rolls keep 3 mm. */
const GEOMETRY: Readonly<Record<Paper, Geometry>> = {
  A4: { width: 210 * MM, height: 297 * MM, margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 20 * MM }, body: 13, qr: 22 * MM },
  A5: { width: 148 * MM, height: 210 * MM, margin: { top: 10 * MM, bottom: 10 * MM, left: 15 * MM, right: 10 * MM }, body: 9.5, qr: 13 * MM },
  '80mm': { width: 80 * MM, height: null, margin: { top: 3 * MM, bottom: 6 * MM, left: 3 * MM, right: 3 * MM }, body: 8, qr: 28 * MM },
  '58mm': { width: 58 * MM, height: null, margin: { top: 3 * MM, bottom: 6 * MM, left: 2 * MM, right: 2 * MM }, body: 7, qr: 26 * MM },
};

const FONT = { regular: 'BVP', bold: 'BVP-Bold', italic: 'BVP-Italic' } as const;
const STYLE: Readonly<Record<TextStyle, { font: keyof typeof FONT; delta: number; underline?: boolean; gapAfter: number }>> = {
  title: { font: 'bold', delta: 2, gapAfter: 0.6 },
  subtitle: { font: 'bold', delta: 0, gapAfter: 0.3 },
  body: { font: 'regular', delta: 0, gapAfter: 0.15 },
  emphasis: { font: 'bold', delta: 0, gapAfter: 0.15 },
  note: { font: 'italic', delta: -1, gapAfter: 0.15 },
  banner: { font: 'bold', delta: 1, underline: true, gapAfter: 0.4 },
};

type Doc = PDFKit.PDFDocument;
type ColumnLine = { text: string; font: keyof typeof FONT; size: number; underline?: boolean; gap?: number; fit?: boolean };

function drawQr(doc: Doc, data: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c) !== 0) doc.rect(x + c * cell, y + r * cell, cell, cell);
  doc.fillColor('black').fill();
}

class Layout {
  readonly doc: Doc;
  readonly g: Geometry;
  readonly inner: number;
  /** Set while the TT 01/2023 QR occupies the top-left corner: the header starts right of it. */
  corner: { width: number; bottom: number } | null = null;
  constructor(doc: Doc, g: Geometry) {
    this.doc = doc;
    this.g = g;
    this.inner = g.width - g.margin.left - g.margin.right;
  }
  /** A new page when `height` points do not fit (A4/A5); a roll is as long as it needs. */
  ensure(height: number): void {
    if (this.g.height !== null && this.doc.y + height > this.g.height - this.g.margin.bottom) this.doc.addPage();
  }
  text(text: string, options: { font: keyof typeof FONT; size: number; align: 'left' | 'center' | 'right'; x?: number; width?: number; underline?: boolean; indent?: number }): void {
    const { doc } = this;
    doc.font(FONT[options.font]).fontSize(options.size);
    const width = options.width ?? this.inner;
    this.ensure(doc.heightOfString(text, { width }));
    doc.text(text, options.x ?? this.g.margin.left, doc.y, { width, align: options.align, underline: options.underline ?? false, indent: options.indent ?? 0 });
  }
  /** Columns of centred lines starting at the same y; the cursor ends below the tallest. */
  columns(columns: readonly (readonly ColumnLine[])[], weights: readonly number[], indent = 0): void {
    const { doc } = this;
    const total = weights.reduce((a, b) => a + b, 0);
    const top = doc.y;
    let bottom = top;
    let x = this.g.margin.left + indent;
    columns.forEach((column, index) => {
      const width = ((this.inner - indent) * (weights[index] ?? 1)) / total;
      doc.y = top;
      for (const line of column) {
        doc.font(FONT[line.font]).fontSize(line.size);
        // A header line is shrunk to fit its column rather than wrapped: wrapped lines of two columns side by
        // side would interleave in the text layer (pdftotext reads by position).
        if (line.fit === true) doc.fontSize(Math.max(6, Math.min(line.size, (line.size * (width - 2)) / doc.widthOfString(line.text))));
        doc.text(line.text, x, doc.y, { width, align: 'center', underline: line.underline ?? false });
        doc.y += line.gap ?? 0;
      }
      bottom = Math.max(bottom, doc.y);
      x += width;
    });
    doc.y = bottom;
  }
}

function drawLine(layout: Layout, line: DocLine, first: boolean): void {
  const { doc, g } = layout;
  const body = g.body;
  const roll = g.height === null;
  switch (line.kind) {
    case 'header': {
      const col = (items: readonly HeaderLine[]): ColumnLine[] => items.map((h) => ({ text: h.text, font: h.bold ? 'bold' : 'regular', size: body - 1, underline: h.underline, fit: true }));
      if (roll) for (const part of [line.left, line.right]) layout.columns([col(part)], [1]);
      else layout.columns([col(line.left), col(line.right)], [42, 58], layout.corner?.width ?? 0);
      if (layout.corner !== null) doc.y = Math.max(doc.y, layout.corner.bottom);
      layout.corner = null;
      doc.moveDown(0.5);
      return;
    }
    case 'text': {
      const style = STYLE[line.style];
      const align = line.style === 'title' || line.style === 'banner' ? 'center' : line.align;
      if (line.style === 'title') doc.moveDown(0.4);
      layout.text(line.text, { font: style.font, size: body + style.delta, align, underline: style.underline ?? false });
      doc.moveDown(style.gapAfter);
      return;
    }
    case 'field':
      layout.text(`${line.number ? `${line.number}. ` : ''}${line.label}: ${line.value}`, { font: 'regular', size: body, align: 'left' });
      doc.moveDown(0.15);
      return;
    case 'list':
      layout.text(`${line.number ? `${line.number}. ` : ''}${line.label}:`, { font: 'regular', size: body, align: 'left' });
      for (const item of line.items) layout.text(`– ${item}`, { font: 'regular', size: body, align: 'left', x: g.margin.left + body, width: layout.inner - body });
      doc.moveDown(0.15);
      return;
    case 'qr': {
      // TT 01/2023: the dossier QR sits in the top-left corner of a page; on a roll every QR is centred.
      const size = line.role === 'tt01-2023' && !roll ? g.qr * 0.9 : g.qr;
      layout.ensure(size + 2 * body);
      if (line.role === 'tt01-2023' && first && !roll) {
        // TT 01/2023: top-left corner, the agency header beside it.
        drawQr(doc, line.data, g.margin.left, doc.y, size);
        layout.corner = { width: size + 4, bottom: doc.y + size + 2 };
        return;
      }
      const x = g.margin.left + (layout.inner - size) / 2;
      drawQr(doc, line.data, x, doc.y, size);
      doc.y += size + 2;
      if (line.caption !== null) layout.text(line.caption, { font: 'regular', size: body - 1, align: 'center' });
      doc.moveDown(0.3);
      return;
    }
    case 'signatures': {
      layout.ensure(body * 13);
      doc.moveDown(0.8);
      const size = roll ? body - 0.5 : body;
      layout.columns(
        line.columns.map((c) => [
          { text: c.title, font: 'bold' as const, size },
          { text: c.hint, font: 'italic' as const, size: size - 1, gap: body * 3.5 },
          ...(c.name === '' ? [] : [{ text: c.name, font: 'bold' as const, size }]),
        ]),
        line.columns.map(() => 1),
      );
      doc.moveDown(0.5);
      return;
    }
    case 'rule':
      // The rule separates the slip from the citizen's part on a roll; a page has room without it.
      if (!roll) return;
      doc.moveTo(g.margin.left, doc.y + 2).lineTo(g.width - g.margin.right, doc.y + 2).lineWidth(0.6).stroke();
      doc.y += 6;
      return;
    default:
      throw new RangeError('unknown document line');
  }
}

type QrLine = Extract<DocLine, { kind: 'qr' }>;

function drawQrRow(layout: Layout, row: readonly QrLine[]): void {
  const { doc, g } = layout;
  const size = g.qr;
  const width = layout.inner / row.length;
  doc.font(FONT.regular).fontSize(g.body - 1);
  const captions = Math.max(...row.map((qr) => (qr.caption === null ? 0 : doc.heightOfString(qr.caption, { width: width - 8 }))));
  // Measured first: a caption broken across pages by pdfkit would leave the cursor on the wrong page.
  layout.ensure(size + 4 + captions);
  const top = doc.y;
  let bottom = top;
  row.forEach((qr, index) => {
    const x = g.margin.left + index * width;
    drawQr(doc, qr.data, x + (width - size) / 2, top, size);
    if (qr.caption !== null) doc.text(qr.caption, x + 4, top + size + 2, { width: width - 8, align: 'center' });
    bottom = Math.max(bottom, doc.y, top + size + 2);
  });
  doc.x = g.margin.left;
  doc.y = bottom;
  doc.moveDown(0.3);
}

/** The font names `openPdf` registers: Be Vietnam Pro regular, bold and italic. */
export const PDF_FONTS = FONT;

/**
 * A PDF/A-2b pdfkit document (`createPdfaDocument`: XMP identification, sRGB output intent, Info = XMP), in
 * Vietnamese (/Lang vi-VN), with the three Be Vietnam Pro TTFs registered (each embedded as a subset when
 * used) and its bytes collected; `finish()` ends it. Every printed PDF of the app starts here (forms,
 * receipts, reports), so they all embed the same fonts, give back exact Vietnamese text and claim PDF/A-2b.
 */
export function openPdf(options: Omit<PDFKit.PDFDocumentOptions, 'info' | 'subset' | 'pdfVersion' | 'lang'>, info: PdfaInfo): { doc: Doc; finish: () => Promise<Buffer> } {
  const files = fontFiles();
  const doc = createPdfaDocument(options, info, 'vi-VN');
  doc.registerFont(FONT.regular, files.regular);
  doc.registerFont(FONT.bold, files.bold);
  doc.registerFont(FONT.italic, files.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finish = () =>
    new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
      doc.end();
    });
  return { doc, finish };
}

async function draw(document: FilledDocument, paper: Paper, height: number, issuedAt: string, producer: string): Promise<{ pdf: Buffer; endY: number }> {
  const g = GEOMETRY[paper];
  // Fixed metadata: the same document gives the same PDF (no wall-clock creation date).
  const issued = new Date(parseInstant(issuedAt));
  const { doc, finish } = openPdf(
    { size: [g.width, height], margins: g.margin, compress: true },
    { Title: document.meta.title, Author: document.meta.author, Subject: document.templateId, Creator: producer, Producer: producer, CreationDate: issued, ModDate: issued },
  );
  const layout = new Layout(doc, g);
  const lines = document.lines;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined) continue;
    // On a page, the look-up and VietQR codes stand side by side, each with its caption, to keep A5 to one sheet.
    const row: QrLine[] = [];
    for (let k = index; g.height !== null && k < lines.length; k += 1) {
      const next = lines[k];
      if (next?.kind !== 'qr' || next.role === 'tt01-2023') break;
      row.push(next);
    }
    if (row.length > 1) {
      drawQrRow(layout, row);
      index += row.length - 1;
    } else {
      drawLine(layout, line, index === 0);
    }
  }
  const endY = doc.y;
  return { pdf: await finish(), endY };
}

/**
 * `issuedAt` fixes the PDF's creation and modification dates; `producer` (`pdfProducer(appVersion)`) is its
 * Creator and Producer. A roll is laid out twice: once to measure, once at its length (the measuring page,
 * 14 000 pt, stays under PDF/A's 14 400 pt limit, though it is never written out).
 */
export async function renderDocumentPdf(document: FilledDocument, paper: Paper, issuedAt: string, producer: string): Promise<Buffer> {
  const g = GEOMETRY[paper];
  if (g.height !== null) return (await draw(document, paper, g.height, issuedAt, producer)).pdf;
  const measured = await draw(document, paper, 14_000, issuedAt, producer);
  return (await draw(document, paper, Math.ceil(measured.endY + g.margin.bottom), issuedAt, producer)).pdf;
}
