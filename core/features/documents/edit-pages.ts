import { degrees, PDFDocument } from 'pdf-lib';
import type { DocumentsEditPagesInput, PageRotation } from '../../../shared/contract/scanning.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { assemblePdf, type AssemblyPage } from './assemble-pdf.ts';
import { readPdfPages, rotationOf } from './page-images.ts';

type Source = Awaited<ReturnType<typeof readPdfPages>> & Readonly<{ blankPages: readonly number[] }>;

/** The bytes of a stored document and its blank-page flags (1-based); throws when it is not on this counter. */
export type LoadDocument = (sha256: string) => { bytes: Buffer; blankPages: readonly number[] };

export type EditedPdf = Readonly<{ bytes: Buffer; pages: number; blankPages: number[] }>;

const turn = (a: PageRotation, b: PageRotation): PageRotation => ((a + b) % 360) as PageRotation;

/**
 * A new PDF from pages of stored documents, in the order given, each turned further by its `rotate`.
 * When every page comes from one of our PDFs (one picture a page), the PDF is laid out again from those
 * pictures by assemblePdf (PDF/A-2b like every scan, no re-encoding, a dropped page's picture is gone from the
 * bytes); pdfa.test.ts runs test/harness/pdfa-check.ts on turned, reordered and appended results (not veraPDF:
 * see assemble-pdf.ts for what that check covers). Otherwise (a PDF imported as it came) pdf-lib copies the
 * chosen pages into a new document, which carries only what those pages use and claims no PDF/A (the source
 * may not be one either). Nothing is stored here: the caller stores and links the result.
 */
export async function editPdf(load: LoadDocument, edit: Pick<DocumentsEditPagesInput, 'sha256' | 'pages'>, createdAt: Date, title: string, maxPages: number): Promise<EditedPdf> {
  if (edit.pages.length > maxPages) throw new CoreError('too-many-pages', `More than ${maxPages} pages`, { limit: maxPages });
  const sources = new Map<string, Source>();
  for (const sha256 of new Set([edit.sha256, ...edit.pages.map((page) => page.from ?? edit.sha256)])) {
    const { bytes, blankPages } = load(sha256);
    try {
      sources.set(sha256, { ...(await readPdfPages(bytes)), blankPages });
    } catch {
      throw new CoreError('file-corrupt', 'A stored document cannot be read', { reason: 'unreadable' });
    }
  }
  const seen = new Set<string>();
  const chosen = edit.pages.map((page, position) => {
    const sha256 = page.from ?? edit.sha256;
    const source = sources.get(sha256)!;
    const key = `${sha256}:${page.index}`;
    if (page.index >= source.pages.length) throw new CoreError('invalid-input', `The document has ${source.pages.length} pages; there is no page ${page.index + 1}`, { position, pages: source.pages.length });
    if (seen.has(key)) throw new CoreError('invalid-input', `Page ${page.index + 1} is listed twice`, { position });
    seen.add(key);
    return { source, index: page.index, rotate: page.rotate, blank: source.blankPages.includes(page.index + 1) };
  });
  const blankPages = chosen.flatMap((page, position) => (page.blank ? [position + 1] : []));

  const pictures = chosen.map(({ source, index, rotate }) => {
    const image = source.ours ? source.pages[index]!.image : null;
    return image ? ({ width: image.width, height: image.height, dpi: image.dpi, bytes: image.bytes, rotate: turn(image.rotate, rotate) } satisfies AssemblyPage) : null;
  });
  if (pictures.every((page) => page !== null)) return { bytes: await assemblePdf(pictures, createdAt, title), pages: chosen.length, blankPages };

  const out = await PDFDocument.create({ updateMetadata: false });
  for (const { source, index, rotate } of chosen) {
    const [page] = await out.copyPages(source.pdf, [index]);
    page!.setRotation(degrees(turn(rotationOf(page!), rotate)));
    out.addPage(page);
  }
  out.setTitle(title);
  out.setProducer('Một Cửa Desk (pages of an imported PDF)');
  out.setCreationDate(createdAt);
  out.setModificationDate(createdAt);
  return { bytes: Buffer.from(await out.save()), pages: chosen.length, blankPages };
}
