import PDFDocument from 'pdfkit';
import type { NormalisedPage } from '../scanning/pipeline/normalise.ts';

/**
 * One PDF from normalised pages, each page the physical size of its scan (pixels ÷ dpi), the image filling it.
 * PDF/A-2b (pdfkit's `subset`): XMP metadata with the PDF/A identification and an sRGB output intent; the
 * pages hold only images (no fonts to embed, no transparency), which is what PDF/A-2b needs of them. Not
 * checked with a PDF/A validator here (none is installed): `qpdf --check` and the page count are.
 * `createdAt` fixes the metadata so the same pages give the same bytes (and the same SHA-256).
 */
export function assemblePdf(pages: readonly NormalisedPage[], createdAt: Date, title: string): Promise<Buffer> {
  if (pages.length === 0) return Promise.reject(new Error('no pages to assemble'));
  const doc = new PDFDocument({
    autoFirstPage: false,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    compress: true,
    info: { Title: title, Creator: 'Một Cửa Desk', Producer: 'Một Cửa Desk', CreationDate: createdAt, ModDate: createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of pages) {
    const width = (page.width / page.dpi) * 72;
    const height = (page.height / page.dpi) * 72;
    doc.addPage({ size: [width, height], margin: 0 });
    // Pages are upright already: a JPEG kept as delivered has orientation 1, others were turned when decoded.
    doc.image(page.bytes, 0, 0, { width, height });
  }
  doc.end();
  return done;
}
