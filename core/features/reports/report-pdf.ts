import { parseInstant } from '../../../shared/domain/calendar/civil.ts';
import { longDate } from '../../../shared/domain/forms/format.ts';
import { groupDigits, type Cell, type ReportDocument, type ReportTable } from '../../../shared/domain/reports/report-document.ts';
import { openPdf, PDF_FONTS } from '../printing/document-pdf.ts';

/**
 * A report on A4 landscape: the centre's header and the Quốc hiệu side by side, the title, then each table with
 * ruled cells (the header row repeated on every page it continues on), the signature, "Trang i/n" at the
 * bottom. The fonts, their embedding and PDF/A-2b come from the printing feature's `openPdf`.
 */

const MM = 72 / 25.4;
const PAGE = { width: 297 * MM, height: 210 * MM };
const MARGIN = { top: 12 * MM, bottom: 15 * MM, left: 20 * MM, right: 10 * MM };
const INNER = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 8;
const PAD = 2.5;

/** `agency` is the PDF's Author (Info and XMP); `left` the header lines as printed. */
export type ReportHeader = Readonly<{ left: readonly string[]; right: readonly string[]; place: string; agency: string }>;

type Doc = ReturnType<typeof openPdf>['doc'];

function cellText(cell: Cell): string {
  return typeof cell === 'number' ? groupDigits(cell) : cell;
}

/** A line shrunk to fit `width` rather than wrapped (two wrapped header columns would interleave in the text layer). */
function fitted(doc: Doc, text: string, x: number, width: number, size: number, font: string, underline = false): void {
  doc.font(font).fontSize(size);
  const natural = doc.widthOfString(text);
  if (natural > width - 2) doc.fontSize(Math.max(6, (size * (width - 2)) / natural));
  doc.text(text, x, doc.y, { width, align: 'center', underline, lineBreak: false });
  doc.moveDown(0.2);
}

function drawHeader(doc: Doc, header: ReportHeader): void {
  const top = doc.y;
  const leftWidth = INNER * 0.42;
  header.left.forEach((line, index) => fitted(doc, line, MARGIN.left, leftWidth, 10, index === header.left.length - 1 ? PDF_FONTS.bold : PDF_FONTS.regular, index === header.left.length - 1));
  const leftBottom = doc.y;
  doc.y = top;
  header.right.forEach((line, index) => fitted(doc, line, MARGIN.left + leftWidth, INNER - leftWidth, 10, PDF_FONTS.bold, index === header.right.length - 1));
  doc.y = Math.max(doc.y, leftBottom) + 6;
}

function columnWidths(table: ReportTable): number[] {
  const total = table.columns.reduce((sum, column) => sum + column.weight, 0);
  return table.columns.map((column) => (INNER * column.weight) / total);
}

function rowHeight(doc: Doc, cells: readonly string[], widths: readonly number[], font: string, size: number): number {
  doc.font(font).fontSize(size);
  return Math.max(...cells.map((text, index) => doc.heightOfString(text === '' ? ' ' : text, { width: (widths[index] ?? 0) - 2 * PAD }))) + 2 * PAD;
}

function drawRow(doc: Doc, cells: readonly string[], widths: readonly number[], aligns: readonly ('left' | 'right' | 'center')[], font: string, size: number, height: number, shade: boolean): void {
  const top = doc.y;
  let x = MARGIN.left;
  if (shade) doc.rect(MARGIN.left, top, INNER, height).fillColor('#eeeeee').fill().fillColor('black');
  doc.font(font).fontSize(size);
  cells.forEach((text, index) => {
    const width = widths[index] ?? 0;
    doc.rect(x, top, width, height).lineWidth(0.5).strokeColor('black').stroke();
    doc.text(text, x + PAD, top + PAD, { width: width - 2 * PAD, align: aligns[index] ?? 'left' });
    x += width;
  });
  doc.x = MARGIN.left;
  doc.y = top + height;
}

const bottomLimit = () => PAGE.height - MARGIN.bottom;

function drawTable(doc: Doc, table: ReportTable): void {
  const widths = columnWidths(table);
  const labels = table.columns.map((column) => column.label);
  const headAligns = table.columns.map(() => 'center' as const);
  const aligns = table.columns.map((column) => column.align);
  const headHeight = rowHeight(doc, labels, widths, PDF_FONTS.bold, BODY - 0.5);
  doc.font(PDF_FONTS.bold).fontSize(10);
  // The heading never sits alone at the foot of a page: it needs its header row and one line under it.
  if (doc.y + 16 + headHeight + 18 > bottomLimit()) doc.addPage();
  doc.text(table.heading, MARGIN.left, doc.y, { width: INNER });
  doc.moveDown(0.3);
  drawRow(doc, labels, widths, headAligns, PDF_FONTS.bold, BODY - 0.5, headHeight, true);
  const rows = [...table.rows.map((row) => ({ cells: row.map(cellText), bold: false })), ...(table.total === null ? [] : [{ cells: table.total.map(cellText), bold: true }])];
  if (rows.length === 0) {
    doc.font(PDF_FONTS.italic).fontSize(BODY + 1).text(table.empty, MARGIN.left, doc.y + 4, { width: INNER });
  }
  for (const row of rows) {
    const font = row.bold ? PDF_FONTS.bold : PDF_FONTS.regular;
    const height = rowHeight(doc, row.cells, widths, font, BODY);
    if (doc.y + height > bottomLimit()) {
      doc.addPage();
      drawRow(doc, labels, widths, headAligns, PDF_FONTS.bold, BODY - 0.5, headHeight, true);
    }
    drawRow(doc, row.cells, widths, aligns, font, BODY, height, false);
  }
  doc.moveDown(1);
}

function drawSignature(doc: Doc, signer: string, place: string, printedAt: string): void {
  const width = INNER * 0.4;
  const x = MARGIN.left + INNER - width;
  if (doc.y + 80 > bottomLimit()) doc.addPage();
  doc.font(PDF_FONTS.italic).fontSize(10).text(`${place}, ${longDate(printedAt)}`, x, doc.y, { width, align: 'center' });
  doc.font(PDF_FONTS.bold).fontSize(10).text(signer, x, doc.y + 2, { width, align: 'center' });
  doc.font(PDF_FONTS.italic).fontSize(9).text('(Ký và ghi rõ họ tên)', x, doc.y, { width, align: 'center' });
}

/**
 * `printedAt` (+07:00) dates the signature line and fixes the PDF's creation date: the same input gives the same
 * bytes. `producer` (`pdfProducer(appVersion)`) is its Creator and Producer.
 */
export async function renderReportPdf(report: ReportDocument, header: ReportHeader, printedAt: string, producer: string): Promise<Buffer> {
  const printed = new Date(parseInstant(printedAt));
  const { doc, finish } = openPdf(
    { size: [PAGE.width, PAGE.height], margins: MARGIN, compress: true, bufferPages: true },
    { Title: `${report.title} ${report.subtitle}`, Author: header.agency, Subject: report.fileStem, Creator: producer, Producer: producer, CreationDate: printed, ModDate: printed },
  );
  drawHeader(doc, header);
  doc.font(PDF_FONTS.bold).fontSize(14).text(report.title, MARGIN.left, doc.y, { width: INNER, align: 'center' });
  doc.font(PDF_FONTS.italic).fontSize(10).text(report.subtitle, { width: INNER, align: 'center' });
  for (const line of report.meta) doc.font(PDF_FONTS.italic).fontSize(9).text(line, { width: INNER, align: 'center' });
  doc.moveDown(0.8);
  for (const table of report.tables) drawTable(doc, table);
  drawSignature(doc, report.signer, header.place, printedAt);

  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    // Written inside the bottom margin: without lifting it pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    doc.font(PDF_FONTS.regular).fontSize(8).text(`Trang ${index + 1}/${range.count}`, MARGIN.left, PAGE.height - MARGIN.bottom + 4 * MM, { width: INNER, align: 'right', lineBreak: false });
  }
  return finish();
}
