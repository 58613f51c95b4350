import type { Cell, ReportDocument } from './report-document.ts';

/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as Windows-1252), CRLF line
 * ends, RFC 4180 quoting. A text cell that starts with = + - @ (or a tab or carriage return) is prefixed with
 * an apostrophe, so a name typed as "=HYPERLINK(…)" at the counter stays text in the spreadsheet.
 */
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  const guarded = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',');
}

/** Title, subtitle and notes first; then each table: its heading, the header row, the rows, the total; a blank line between. */
export function reportToCsv(document: ReportDocument): string {
  const lines: string[] = [csvLine([document.title]), csvLine([document.subtitle]), ...document.meta.map((line) => csvLine([line]))];
  for (const table of document.tables) {
    lines.push('', csvLine([table.heading]), csvLine(table.columns.map((column) => column.label)));
    for (const row of table.rows) lines.push(csvLine(row));
    if (table.total !== null) lines.push(csvLine(table.total));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
