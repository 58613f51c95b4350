import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPdfA2b } from './pdfa-check.ts';
import { minimalPdf, PDFAID, SRGB_ICC, writeMinimalPdf, XMP_INFO, xmpPacket, type MinimalPdf } from './pdfa/minimal-pdf.ts';
import { makeTempDir } from './temp-dir.ts';

// The check is only worth something if each clause it claims to test fails when it should: every case below
// breaks one requirement of a PDF that otherwise passes, and must fail that clause and nothing else.

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.remove());

let counter = 0;
function check(edit: (pdf: MinimalPdf) => void): { clauses: string[]; report: ReturnType<typeof checkPdfA2b> } {
  const pdf = minimalPdf();
  edit(pdf);
  const file = path.join(temp.dir, `case-${(counter += 1)}.pdf`);
  writeMinimalPdf(file, pdf);
  const report = checkPdfA2b(file);
  return { clauses: [...new Set(report.failures.map((f) => f.clause))].sort(), report };
}

function pdfkitFile(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<string> {
  const file = path.join(temp.dir, `pdfkit-${(counter += 1)}.pdf`);
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => {
      fs.writeFileSync(file, Buffer.concat(chunks));
      resolve(file);
    });
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

const describeXmp = (body: string): string => xmpPacket(`${PDFAID}\n${XMP_INFO}\n${body}`);
const replaceXmp = (pdf: MinimalPdf, from: string | RegExp, to: string): void => void (pdf.xmp = (pdf.xmp as string).replace(from, to));

describe('checkPdfA2b on deliberately broken PDFs', () => {
  test('the unbroken one-page PDF/A-2b passes (DeviceRGB image and DeviceGray fill under an sRGB intent, Info = XMP across time zones)', () => {
    const { clauses, report } = check(() => {});
    expect(clauses).toEqual([]);
    expect(report.claims).toEqual({ part: '2', conformance: 'B' });
  });

  test.each<[string, string[], (pdf: MinimalPdf) => void]>([
    ['a PDF 2.0 header', ['6.1.2-1'], (p) => void (p.header = '%PDF-2.0\n%\xe2\xe3\xcf\xd3\n')],
    ['no binary comment after the header', ['6.1.2-2'], (p) => void (p.header = '%PDF-1.7\n%abcd\n')],
    ['no trailer /ID', ['6.1.3-1'], (p) => void (p.trailer = '')],
    ['bytes after %%EOF', ['6.1.3-3'], (p) => void (p.afterEof = '\ngarbage appended\n')],
    ['a stream with an external file (/F)', ['6.1.7-3'], (p) => void (p.contentDict = '/F (outside.txt)')],
    ['an LZW-compressed stream', ['6.1.7-4'], (p) => void p.extra.push('<< /Filter /LZWDecode /Length 0 >>\nstream\n\nendstream')],
    ['a non-standard filter', ['6.1.7-4'], (p) => void p.extra.push('<< /Filter /SecretDecode /Length 0 >>\nstream\n\nendstream')],
    ['an object header with two spaces', ['6.1.9-1'], (p) => void (p.objectHeader = (num) => (num === 9 ? `${num}  0 obj\n` : `${num} 0 obj\n`))],
    ['a MediaBox of 2 × 2 units', ['6.1.13-11'], (p) => void (p.page = p.page.replace('[0 0 200 200]', '[0 0 2 2]'))],
    ['q nested 29 deep', ['6.1.13-8'], (p) => void (p.content = `${'q '.repeat(29)}${'Q '.repeat(29)}`)],
    ['an operator ISO 32000-1 does not define', ['6.2.2-1'], (p) => void (p.content += 'BX 1 2 zz EX\n')],
    ['a resource the content names but the page lacks', ['6.2.2-2'], (p) => void (p.content += '/Im9 Do\n')],
    ['an output intent whose ICC profile says RGB but /N 1', ['6.2.3-1'], (p) => void (p.iccDict = '/N 1')],
    ['an output intent whose profile is not ICC', ['6.2.3-1', '6.2.4.3-2', '6.2.4.3-4'], (p) => void (p.icc = Buffer.from('not an ICC profile at all'.repeat(8)))],
    ['an input-class (scnr) destination profile', ['6.2.3-1'], (p) => void (p.icc = Buffer.concat([SRGB_ICC.subarray(0, 12), Buffer.from('scnr'), SRGB_ICC.subarray(16)]))],
    ['a profile header whose size field is wrong', ['6.2.3-1'], (p) => void (p.icc = Buffer.concat([SRGB_ICC, Buffer.alloc(4)]))],
    ['DeviceRGB with no output intent', ['6.2.4.3-2', '6.2.4.3-4'], (p) => void (p.catalog = p.catalog.replace(' /OutputIntents [6 0 R]', ''))],
    ['DeviceCMYK under an RGB intent', ['6.2.4.3-3'], (p) => void (p.content += '0 0 0 1 k 0 0 5 5 re f\n')],
    ['DeviceGray without any intent, RGB made device-independent by DefaultRGB', ['6.2.4.3-4'], (p) => {
      p.catalog = p.catalog.replace(' /OutputIntents [6 0 R]', '');
      p.resources += ' /ColorSpace << /DefaultRGB [/ICCBased 7 0 R] >>';
    }],
    ['an ICCBased space with the wrong /N', ['6.2.4.2-1'], (p) => {
      p.resources += ' /ColorSpace << /CS0 [/ICCBased 11 0 R] >>';
      p.content += '/CS0 cs 0.5 sc\n';
      p.extra.push(`<< /N 4 /Length ${SRGB_ICC.length} >>\nstream\n${SRGB_ICC.toString('latin1')}\nendstream`);
    }],
    ['an ExtGState with a transfer function', ['6.2.5-1'], (p) => {
      p.resources += ' /ExtGState << /G0 << /TR /Identity >> >>';
      p.content += '/G0 gs\n';
    }],
    ['a rendering intent not in ISO 32000-1', ['6.2.6-1'], (p) => void (p.content += '/Vivid ri\n')],
    ['an image with /Alternates', ['6.2.8-1'], (p) => void (p.image += ' /Alternates []')],
    ['an image with /OPI', ['6.2.8-2'], (p) => void (p.image += ' /OPI << >>')],
    ['an image with /Interpolate true', ['6.2.8-3'], (p) => void (p.image += ' /Interpolate true')],
    ['an inline image with /I true and an LZW filter', ['6.1.10-1', '6.2.8-3'], (p) => void (p.content += 'BI /W 1 /H 1 /CS /G /BPC 8 /I true /F /LZW ID \x00 EI\n')],
    ['a PostScript XObject', ['6.2.9-3'], (p) => {
      p.resources = '/XObject << /Im1 8 0 R /P0 11 0 R >>';
      p.content += '/P0 Do\n';
      p.extra.push('<< /Type /XObject /Subtype /PS /Length 0 >>\nstream\n\nendstream');
    }],
    ['a blend mode ISO 32000-1 does not define', ['6.2.10-1'], (p) => {
      p.resources += ' /ExtGState << /G0 << /BM /Sparkle >> >>';
      p.content += '/G0 gs\n';
    }],
    ['a soft-masked image with no output intent and no page group', ['6.2.10-2', '6.2.4.3-2', '6.2.4.3-4'], (p) => {
      p.catalog = p.catalog.replace(' /OutputIntents [6 0 R]', '');
      p.image += ' /SMask 11 0 R';
      p.extra.push('<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream');
    }],
    ['a JavaScript open action', ['6.5.1-1'], (p) => void (p.catalog += ' /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>')],
    ['a Launch action', ['6.5.1-1'], (p) => void (p.catalog += ' /OpenAction << /Type /Action /S /Launch /F (calc.exe) >>')],
    ['document-level JavaScript in the name tree', ['6.5.1-1'], (p) => void (p.catalog += ' /Names << /JavaScript << /Names [] >> >>')],
    ['a named action other than page navigation', ['6.5.1-2'], (p) => void (p.catalog += ' /OpenAction << /S /Named /N /Print >>')],
    ['catalog additional actions', ['6.5.2-1'], (p) => void (p.catalog += ' /AA << >>')],
    ['page additional actions', ['6.5.2-2'], (p) => void (p.page += ' /AA << >>')],
    ['a Movie annotation', ['6.3.1-1'], (p) => void (p.page += ' /Annots [<< /Type /Annot /Subtype /Movie /Rect [0 0 0 0] /F 4 >>]')],
    ['a hidden annotation', ['6.3.2-2'], (p) => void (p.page += ' /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /F 6 >>]')],
    ['an interactive form needing appearances', ['6.4.1-3'], (p) => void (p.catalog += ' /AcroForm << /Fields [] /NeedAppearances true >>')],
    ['no metadata stream', ['6.6.2.1-1'], (p) => void (p.xmp = null)],
    ['XMP that is not well-formed', ['6.6.2.1-4'], (p) => void (p.xmp = describeXmp('<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>a & b</dc:format></rdf:Description>'))],
    ['XMP holding a control character XML 1.0 forbids', ['6.6.2.1-4'], (p) => void (p.xmp = describeXmp('<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>a\u0007b</dc:format></rdf:Description>'))],
    ['an encoding attribute in the xpacket header', ['6.6.2.1-3'], (p) => void (p.xmp = xmpPacket(`${PDFAID}\n${XMP_INFO}`, 'begin="" id="W5M0MpCehiHzreSzNTczkc9d" encoding="UTF-8"'))],
    ['XMP that is not UTF-8', ['6.6.2.1-5'], (p) => void (p.xmp = Buffer.from(describeXmp('<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:format>tệp</dc:format></rdf:Description>'), 'utf16le'))],
    ['a property of a schema nobody described', ['6.6.2.3-7'], (p) => void (p.xmp = describeXmp('<rdf:Description rdf:about="" xmlns:my="http://example.org/my/"><my:secret>x</my:secret></rdf:Description>'))],
    ['a date property that is not a date (so not Info\'s either)', ['6.6.2.3-7', '19005-1:6.7.3'], (p) => void (p.xmp = xmpPacket(`${PDFAID}\n${XMP_INFO}`.replace('<xmp:CreateDate>2026-01-02T03:04:05Z', '<xmp:CreateDate>yesterday')))],
    ['no PDF/A identification', ['6.6.4-1'], (p) => void (p.xmp = xmpPacket(XMP_INFO))],
    ['pdfaid:part 1', ['6.6.4-2'], (p) => replaceXmp(p, '<pdfaid:part>2', '<pdfaid:part>1')],
    ['pdfaid:conformance X', ['6.6.4-3'], (p) => replaceXmp(p, '<pdfaid:conformance>B', '<pdfaid:conformance>X')],
    ['Info ModDate with no xmp:ModifyDate', ['19005-1:6.7.3'], (p) => replaceXmp(p, /<xmp:ModifyDate>[^<]*<\/xmp:ModifyDate>/, '')],
    ['Info Producer other than pdf:Producer', ['19005-1:6.7.3'], (p) => void (p.info = p.info.replace('(test)', '(other)'))],
    ['an embedded file that is not PDF/A', ['6.8'], (p) => {
      p.catalog += ' /Names << /EmbeddedFiles << /Names [(a.txt) 11 0 R] >> >>';
      p.extra.push('<< /Type /Filespec /F (a.txt) /UF (a.txt) /EF << /F 12 0 R >> >>', '<< /Type /EmbeddedFile /Length 5 >>\nstream\nhello\nendstream');
    }],
    ['an optional content configuration without a name', ['6.9-1'], (p) => {
      p.catalog += ' /OCProperties << /OCGs [11 0 R] /D << /Order [11 0 R] >> >>';
      p.extra.push('<< /Type /OCG /Name (Layer) >>');
    }],
    ['an /AlternatePresentations entry', ['6.10-1'], (p) => void (p.catalog += ' /Names << /AlternatePresentations << >> >>')],
    ['a /Requirements entry', ['6.11-1'], (p) => void (p.catalog += ' /Requirements []')],
  ])('%s fails %j', (_name, expected, edit) => {
    expect(check(edit).clauses).toEqual([...expected].sort());
  });

  test('an encrypted copy (qpdf --encrypt) fails 6.1.3-2', () => {
    const plain = path.join(temp.dir, 'plain.pdf');
    writeMinimalPdf(plain, minimalPdf());
    const encrypted = path.join(temp.dir, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--', plain, encrypted]);
    expect(checkPdfA2b(encrypted).failures.map((f) => f.clause)).toContain('6.1.3-2');
  });

  test('a stream whose /Length is wrong fails 6.1.7-1', () => {
    const file = path.join(temp.dir, 'length.pdf');
    writeMinimalPdf(file, minimalPdf());
    const bytes = fs.readFileSync(file).toString('latin1').replace(/\/Length 3 >>/, '/Length 2 >>');
    fs.writeFileSync(file, Buffer.from(bytes, 'latin1'));
    expect(checkPdfA2b(file).failures.map((f) => f.clause)).toContain('6.1.7-1');
  });

  test('pdfkit without `subset`: no XMP, no output intent, so its DeviceRGB fails', async () => {
    const file = await pdfkitFile({ size: 'A6' }, (doc) => doc.rect(10, 10, 20, 20).fillColor('black').fill());
    const report = checkPdfA2b(file);
    expect(report.claims).toBeNull();
    expect(report.failures.map((f) => f.clause).sort()).toEqual(['6.2.4.3-2', '6.6.2.1-1']);
  });

  test('pdfkit PDF/A-2b with a standard font: the font program is not embedded (6.2.11.4-1)', async () => {
    const file = await pdfkitFile({ size: 'A6', subset: 'PDF/A-2b', pdfVersion: '1.7' }, (doc) => doc.font('Helvetica').text('Hello'));
    expect(checkPdfA2b(file).failures.map((f) => f.clause)).toEqual(['6.2.11.4-1']);
  });

  test("pdfkit's own XMP: a title with & is not escaped (6.6.2.1-4); a ModDate gets no xmp:ModifyDate", async () => {
    const ampersand = await pdfkitFile({ size: 'A6', subset: 'PDF/A-2b', pdfVersion: '1.7', info: { Title: 'Đất & nhà' } }, () => {});
    expect(checkPdfA2b(ampersand).failures.map((f) => f.clause)).toEqual(['6.6.2.1-4']);
    const modDate = await pdfkitFile({ size: 'A6', subset: 'PDF/A-2b', pdfVersion: '1.7', info: { ModDate: new Date('2026-01-01T00:00:00Z') } }, () => {});
    expect(checkPdfA2b(modDate).failures).toEqual([{ clause: '19005-1:6.7.3', message: 'Info ModDate has no XMP equivalent (ModifyDate)' }]);
  });
});
