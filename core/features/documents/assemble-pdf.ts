import type { PageRotation } from '../../../shared/contract/scanning.ts';
import type { NormalisedPage } from '../scanning/pipeline/normalise.ts';
import { PRODUCER } from './page-images.ts';
import { createPdfaDocument } from '../../pdf/pdfa-document.ts';

/** A page to lay out: its picture (upright as stored) and how the page is turned when shown (PDF /Rotate). */
export type AssemblyPage = Pick<NormalisedPage, 'width' | 'height' | 'dpi' | 'bytes'> & Readonly<{ rotate?: PageRotation }>;

/**
 * One PDF from normalised pages, each page the physical size of its scan (pixels ÷ dpi), the image filling it.
 * PDF/A-2b (`createPdfaDocument`, shared with the printed forms): XMP metadata with the PDF/A identification
 * and an sRGB output intent; the pages hold only images (DeviceGray or DeviceRGB, which the sRGB intent allows;
 * no fonts, no transparency). pdfkit's own XMP for the Info entries is replaced (`writePdfaXmp`: it was
 * unescaped and had no ModifyDate).
 * Checked in the tests by test/harness/pdfa-check.ts, our check of the ISO 19005-2 clauses that apply to such
 * files (header, trailer /ID, streams and filters, output intent and ICC header, device colours, images,
 * actions, XMP well-formed with pdfaid part 2 / B, Info = XMP), plus `qpdf --check`. Not run through a full
 * validator such as veraPDF (none here; docs/SCANNING.md says how): font programs, ICC profile contents beyond
 * the header and more are not looked at.
 * `createdAt` fixes the metadata so the same pages give the same bytes (and the same SHA-256).
 */
export function assemblePdf(pages: readonly AssemblyPage[], createdAt: Date, title: string): Promise<Buffer> {
  if (pages.length === 0) return Promise.reject(new Error('no pages to assemble'));
  // No version in Creator/Producer: the same pages give the same bytes (and SHA-256) whichever version made them.
  const doc = createPdfaDocument({ autoFirstPage: false, compress: true }, { Title: title, Creator: PRODUCER, Producer: PRODUCER, CreationDate: createdAt, ModDate: createdAt });
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
    // A turned page keeps its picture as it is (no re-encoding) and says how to show it: /Rotate, which every
    // viewer and printer honours and which the page editor reads back.
    if (page.rotate) (doc.page.dictionary as unknown as { data: Record<string, unknown> }).data['Rotate'] = page.rotate;
  }
  doc.end();
  return done;
}
