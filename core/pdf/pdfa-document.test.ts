import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkPdfA2b } from '../../test/harness/pdfa-check.ts';
import { makeTempDir } from '../../test/harness/temp-dir.ts';
import { createPdfaDocument, pdfProducer } from './pdfa-document.ts';

const temp = makeTempDir();
afterAll(() => temp.remove());

const AT = new Date('2026-11-23T02:00:00Z');

function render(index: number): Promise<Buffer> {
  const doc = createPdfaDocument({ size: [200, 200], compress: true }, { Title: `Thử ${index} & <ký tự>`, Author: 'UBND phường "Hoàn Kiếm"', Subject: 'test', Creator: pdfProducer('1.2.3'), Producer: pdfProducer('1.2.3'), CreationDate: AT, ModDate: AT }, 'vi-VN');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  // Different content gives a different Adler-32 at the end of the deflated stream, so its last byte varies.
  for (let k = 0; k <= index % 40; k += 1) doc.rect(k * 4, (index * 7) % 150, 3, 3 + (index % 11));
  doc.fill('#1a1a1a');
  doc.end();
  return done;
}

describe('createPdfaDocument', () => {
  test('a stream whose deflated data ends with CR still has an exact /Length (6.1.7.1)', async () => {
    // About one deflated stream in 256 ends with 0x0D; pdfkit alone would then write "CR LF endstream".
    let found: Buffer | null = null;
    for (let index = 0; index < 3000 && found === null; index += 1) {
      const pdf = await render(index);
      if (pdf.includes(Buffer.from('\r\r\nendstream', 'latin1'))) found = pdf;
    }
    expect(found).not.toBeNull();
    const file = path.join(temp.dir, 'cr.pdf');
    fs.writeFileSync(file, found ?? Buffer.alloc(0));
    const report = checkPdfA2b(file);
    expect(report.failures).toEqual([]);
    expect(report.claims).toEqual({ part: '2', conformance: 'B' });
  });

  test('Author and Subject, escaped, are in the XMP as in Info; /Lang is set', async () => {
    const file = path.join(temp.dir, 'meta.pdf');
    fs.writeFileSync(file, await render(0));
    const report = checkPdfA2b(file);
    expect(report.failures).toEqual([]);
    const bytes = fs.readFileSync(file).toString('latin1');
    expect(bytes).toMatch(/\/Lang \(vi-VN\)/);
    expect(Buffer.from(bytes, 'latin1').toString('utf8')).toContain('<rdf:li>UBND phường &quot;Hoàn Kiếm&quot;</rdf:li>');
  });
});
