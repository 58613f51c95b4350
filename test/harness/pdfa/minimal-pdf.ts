import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A one-page PDF/A-2b written byte by byte (xref offsets computed), for testing the PDF/A check: every part
 * can be replaced to break exactly one requirement, which a PDF library would not let us do.
 */
export type MinimalPdf = {
  header: string;
  catalog: string;
  page: string;
  resources: string;
  content: string;
  contentDict: string;
  /** Text is written as UTF-8; a Buffer as it is (to write a packet in another encoding). */
  xmp: string | Buffer | null;
  intent: string | null;
  icc: Buffer;
  iccDict: string;
  image: string;
  info: string;
  trailer: string;
  extra: string[];
  afterEof: string;
  objectHeader: (num: number) => string;
};

const require = createRequire(import.meta.url);
/** The sRGB profile pdfkit embeds (a real ICC v2 monitor profile). */
export const SRGB_ICC = fs.readFileSync(path.join(path.dirname(require.resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc'));

export function xmpPacket(descriptions: string, header = 'begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"'): string {
  return `<?xpacket ${header}?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
${descriptions}
</rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
}

export const PDFAID = '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>';
export const XMP_INFO = '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><pdf:Producer>test</pdf:Producer><xmp:CreateDate>2026-01-02T03:04:05Z</xmp:CreateDate><xmp:ModifyDate>2026-01-02T10:04:05+07:00</xmp:ModifyDate></rdf:Description>';

export function minimalPdf(): MinimalPdf {
  return {
    header: '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n',
    catalog: '/Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OutputIntents [6 0 R]',
    page: '/Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources 10 0 R',
    resources: '/XObject << /Im1 8 0 R >>',
    content: 'q 200 0 0 200 0 0 cm /Im1 Do Q\n0.5 g 10 10 20 20 re f\n',
    contentDict: '',
    xmp: xmpPacket(`${PDFAID}\n${XMP_INFO}`),
    intent: '/Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /DestOutputProfile 7 0 R',
    icc: SRGB_ICC,
    iccDict: '/N 3',
    image: '/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8',
    info: '/Producer (test) /CreationDate (D:20260102030405Z) /ModDate (D:20260102030405Z)',
    trailer: '/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]',
    extra: [],
    afterEof: '\n',
    objectHeader: (num) => `${num} 0 obj\n`,
  };
}

/** Writes the PDF: objects 1…10 as above, then `extra` as objects 11…, a classic xref table and the trailer. */
export function writeMinimalPdf(file: string, pdf: MinimalPdf): void {
  const stream = (dict: string, data: Buffer): Buffer => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  const bodies: (string | Buffer)[] = [
    `<< ${pdf.catalog} >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< ${pdf.page} >>`,
    stream(pdf.contentDict, Buffer.from(pdf.content, 'latin1')),
    pdf.xmp === null ? 'null' : stream('/Type /Metadata /Subtype /XML', typeof pdf.xmp === 'string' ? Buffer.from(pdf.xmp, 'utf8') : pdf.xmp),
    pdf.intent === null ? 'null' : `<< ${pdf.intent} >>`,
    stream(pdf.iccDict, pdf.icc),
    stream(pdf.image, Buffer.from([0xff, 0x00, 0x00])),
    `<< ${pdf.info} >>`,
    `<< ${pdf.resources} >>`,
    ...pdf.extra,
  ];
  const parts: Buffer[] = [Buffer.from(pdf.header, 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((body, index) => {
    const bytes = Buffer.concat([Buffer.from(pdf.objectHeader(index + 1), 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    parts.push(bytes);
    offset += bytes.length;
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R /Info 9 0 R ${pdf.trailer} >>\nstartxref\n${offset}\n%%EOF${pdf.afterEof}`;
  parts.push(Buffer.from(xref + trailer, 'latin1'));
  fs.writeFileSync(file, Buffer.concat(parts));
}
