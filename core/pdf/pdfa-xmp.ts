/**
 * What a PDF of ours says about itself, in its Info dictionary and, the same, in its XMP metadata. Author
 * (dc:creator) and Subject (dc:description) are optional: a scan has neither, a printed form has both.
 */
export type PdfaInfo = Readonly<{ Title: string; Author?: string; Subject?: string; Creator: string; Producer: string; CreationDate: Date; ModDate: Date }>;

type XmpWriter = { _addInfo?: () => void; appendXML: (xml: string, newline?: boolean) => void };

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XML 1.0 cannot carry these even escaped; they are dropped from Info too so that both say the same. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
export const xmlSafe = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** An XMP date in UTC to the second, as pdfkit writes the Info dates (D:YYYYMMDDHHmmSSZ). */
const xmpDate = (date: Date): string => `${date.toISOString().split('.')[0]}Z`;

/**
 * Replaces pdfkit 0.20's XMP for the Info entries (its `_addInfo`), which (a) writes the values into the XML
 * unescaped, so a title with "&" or "<" makes the packet malformed (ISO 19005-2 6.6.2.1), and (b) leaves out
 * xmp:ModifyDate although Info has ModDate (Info and XMP then disagree; ISO 19005-1 6.7.3, which our PDF/A
 * check holds PDF/A-2 files to). pdfkit still writes the pdfaid part and conformance. Throws when the pdfkit
 * in use has no `_addInfo` (an upgrade changed it): better than quietly writing the wrong metadata.
 * Without Author and Subject the packet is byte for byte what scans always had (their SHA-256 stays).
 */
export function writePdfaXmp(doc: PDFKit.PDFDocument, info: PdfaInfo): void {
  const writer = doc as unknown as XmpWriter;
  if (typeof writer._addInfo !== 'function') throw new Error('pdfkit has no _addInfo: check the XMP it writes before relying on it');
  const author = info.Author === undefined ? '' : `
            <dc:creator><rdf:Seq><rdf:li>${escapeXml(info.Author)}</rdf:li></rdf:Seq></dc:creator>`;
  const subject = info.Subject === undefined ? '' : `
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Subject)}</rdf:li></rdf:Alt></dc:description>`;
  writer._addInfo = () =>
    writer.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>
            <xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>
            <xmp:CreatorTool>${escapeXml(info.Creator)}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.Title)}</rdf:li></rdf:Alt></dc:title>${author}${subject}
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${escapeXml(info.Producer)}</pdf:Producer>
        </rdf:Description>`);
}
