import zlib from 'node:zlib';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib';
import type { PageRotation } from '../../../shared/contract/scanning.ts';

/**
 * The picture a page of one of our PDFs is made of, as pdfkit embedded it: a JPEG byte for byte (DCTDecode),
 * or a PNG's compressed rows (FlateDecode with the PNG predictor) that become a PNG file again by adding the
 * chunks around them. So the "kept page images" are the ones inside the PDF: nothing else is stored beside a
 * document, editing never re-encodes a page (no second lossy generation), and retention removes one file.
 */
export type PageImage = Readonly<{ format: 'jpeg' | 'png'; bytes: Buffer; width: number; height: number; dpi: number; rotate: PageRotation }>;

/** A page of a PDF: its picture when it is exactly one full-page picture (ours are), else null. */
export type PdfPage = Readonly<{ image: PageImage | null; widthPt: number; heightPt: number; rotate: PageRotation }>;

/** What assemblePdf writes as /Producer: only such PDFs are laid out again from their pictures. */
export const PRODUCER = 'Một Cửa Desk';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function pngFromRows(width: number, height: number, bits: number, colors: number, rows: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bits;
  header[9] = colors === 1 ? 0 : 2; // grey or RGB
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', Buffer.from(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

function numberOf(dict: PDFDict, key: string): number | null {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : null;
}

function nameOf(dict: PDFDict, key: string): string | null {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFName ? value.decodeText() : null;
}

export function rotationOf(page: PDFPage): PageRotation {
  const angle = (((page.getRotation().angle % 360) + 360) % 360);
  return angle === 90 || angle === 180 || angle === 270 ? angle : 0;
}

/** The one image of a page that holds nothing else (a scan), in a form Skia and pdfkit read; else null. */
function pageImage(page: PDFPage, rotate: PageRotation): PageImage | null {
  const resources = page.node.Resources();
  const xobjects = resources?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict) || xobjects.keys().length !== 1) return null;
  if (resources?.lookup(PDFName.of('Font')) !== undefined) return null;
  const stream = xobjects.lookup(xobjects.keys()[0]!);
  if (!(stream instanceof PDFRawStream) || nameOf(stream.dict, 'Subtype') !== 'Image') return null;
  const width = numberOf(stream.dict, 'Width');
  const height = numberOf(stream.dict, 'Height');
  const bits = numberOf(stream.dict, 'BitsPerComponent');
  if (width === null || height === null || bits === null || stream.dict.lookup(PDFName.of('SMask')) !== undefined) return null;
  const { width: boxWidth } = page.getMediaBox();
  // Not rounded: the page keeps its exact size when laid out again (pixels ÷ dpi × 72 = the box).
  const dpi = (width / boxWidth) * 72;
  const filter = nameOf(stream.dict, 'Filter');
  const contents = Buffer.from(stream.getContents());
  if (filter === 'DCTDecode') return { format: 'jpeg', bytes: contents, width, height, dpi, rotate };
  const parms = stream.dict.lookup(PDFName.of('DecodeParms'));
  const space = nameOf(stream.dict, 'ColorSpace');
  if (filter !== 'FlateDecode' || !(parms instanceof PDFDict) || numberOf(parms, 'Predictor') !== 15 || (space !== 'DeviceGray' && space !== 'DeviceRGB')) return null;
  const colors = numberOf(parms, 'Colors') ?? 1;
  if ((colors !== 1 && colors !== 3) || ![1, 8].includes(bits)) return null;
  return { format: 'png', bytes: pngFromRows(width, height, bits, colors, contents), width, height, dpi, rotate };
}

/** Every page of a PDF with its rotation and size, and its picture where the page is one picture. */
export async function readPdfPages(bytes: Uint8Array): Promise<{ pdf: PDFDocument; pages: PdfPage[]; ours: boolean }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const ours = pdf.getProducer() === PRODUCER;
  const pages = pdf.getPages().map((page) => {
    const rotate = rotationOf(page);
    const { width, height } = page.getSize();
    const turned = rotate === 90 || rotate === 270;
    return { image: pageImage(page, rotate), widthPt: turned ? height : width, heightPt: turned ? width : height, rotate };
  });
  return { pdf, pages, ours };
}

/** Long side of a thumbnail, in pixels: readable enough to tell pages apart and see which way is up. */
export const THUMBNAIL_PX = 220;

/** A small JPEG of the page as shown (turned by its rotation), as a data URL. */
export async function thumbnailOf(image: PageImage): Promise<string> {
  const picture = await loadImage(image.bytes);
  const scale = THUMBNAIL_PX / Math.max(image.width, image.height);
  const [w, h] = [Math.max(1, Math.round(image.width * scale)), Math.max(1, Math.round(image.height * scale))];
  const turned = image.rotate === 90 || image.rotate === 270;
  const canvas = createCanvas(turned ? h : w, turned ? w : h);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate((image.rotate * Math.PI) / 180);
  context.drawImage(picture, -w / 2, -h / 2, w, h);
  return `data:image/jpeg;base64,${(await canvas.encode('jpeg', 70)).toString('base64')}`;
}

