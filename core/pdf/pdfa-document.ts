import PDFDocument from 'pdfkit';
import { writePdfaXmp, xmlSafe, type PdfaInfo } from './pdfa-xmp.ts';

/** What our PDFs name as their creator and producer, with the app's version for a printed record. */
export const PDF_PRODUCT = 'Một Cửa Desk';
export const pdfProducer = (appVersion: string): string => `${PDF_PRODUCT} ${appVersion}`;

/**
 * A pdfkit document that claims PDF/A-2b, for every PDF the counter keeps or hands out (scans, printed forms,
 * receipts, reports): pdfkit's `subset` writes the XMP PDF/A identification (part 2, conformance B) and an
 * output intent with pdfkit's embedded sRGB IEC61966-2.1 profile, under which the DeviceRGB/DeviceGray colours
 * pdfkit writes are allowed (ISO 19005-2 6.2.4.3). The Info entries and their XMP (`writePdfaXmp`, replacing
 * pdfkit's unescaped one) come from `info`, control characters removed from both so they stay equal. `lang`
 * sets the catalog's /Lang (printed forms: vi-VN; scans have no text and stay without). PDF 1.7.
 * What makes the content conform is the caller's part: embedded fonts only (registered TTFs, never the
 * standard 14), no transparency, no JavaScript or actions. test/harness/pdfa-check.ts checks the result.
 */
export function createPdfaDocument(options: Omit<PDFKit.PDFDocumentOptions, 'info' | 'subset' | 'pdfVersion' | 'lang'>, info: PdfaInfo, lang?: string): PDFKit.PDFDocument {
  const safe: PdfaInfo = {
    ...info,
    Title: xmlSafe(info.Title),
    ...(info.Author === undefined ? {} : { Author: xmlSafe(info.Author) }),
    ...(info.Subject === undefined ? {} : { Subject: xmlSafe(info.Subject) }),
    Creator: xmlSafe(info.Creator),
    Producer: xmlSafe(info.Producer),
  };
  const doc = new PDFDocument({ ...options, pdfVersion: '1.7', subset: 'PDF/A-2b', info: safe, ...(lang === undefined ? {} : { lang }) });
  writePdfaXmp(doc, safe);
  keepStreamLengthsExact(doc);
  return doc;
}

type RawWriter = { _write?: (data: Uint8Array | string) => void };

/**
 * pdfkit 0.20 ends every stream with "\nendstream". When the (deflated) data itself ends with a CR byte, which
 * happens to about one stream in 256, the file reads "CR LF endstream": a reader takes CR LF as the end of line
 * before endstream, and /Length is one byte more than the data it delimits (ISO 19005-2 6.1.7.1; seen on a
 * printed apology letter and a receipt). Such a stream gets "CR LF endstream" instead, whose CR LF is the end of
 * line and leaves the data's own CR inside /Length. Every other stream is written as before (same bytes).
 * Throws when the pdfkit in use has no `_write` (an upgrade changed it).
 */
function keepStreamLengthsExact(doc: PDFKit.PDFDocument): void {
  const raw = doc as unknown as RawWriter;
  const write = raw._write?.bind(doc);
  if (write === undefined) throw new Error('pdfkit has no _write: check how it ends streams before relying on it');
  let endsWithCr = false;
  raw._write = (data) => {
    if (data === '\nendstream' && endsWithCr) data = '\r\nendstream';
    endsWithCr = data instanceof Uint8Array && data.length > 0 && data[data.length - 1] === 0x0d;
    write(data);
  };
}
