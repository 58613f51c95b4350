// Slips and forms: a filled form 01 → ESC/POS bytes (80 mm raster), → A5 PDF, → PNG preview; each 100 times in
// a row, median and p95. Prints figures only (targets from issue 4: ESC/POS < 50 ms, PDF < 100 ms).
import { buildDocument } from '../../shared/domain/forms/build.ts';
import { selectTemplate } from '../../shared/domain/forms/templates.ts';
import { renderBytes } from '../../core/features/printing/output.ts';
import { pdfProducer } from '../../core/pdf/pdfa-document.ts';
import { sampleDossier, sampleValues } from '../../test/harness/form-fixtures.ts';
import { ms, timeMany } from './measure.ts';

const ISSUED = '2026-11-23T09:02:00+07:00';
const PRODUCER = pdfProducer('bench');

export async function benchPrinting(count = 100): Promise<void> {
  const template = selectTemplate('appointment', '2026-11-23');
  if (!template) throw new Error('no form 01 template');
  const document = (i: number) =>
    buildDocument({
      template,
      dossier: sampleDossier({ code: `000.00.12.H12-261123-${String(6100 + i).padStart(4, '0')}`, lookupPin: String(100000 + i) }),
      values: sampleValues(),
      issuedAt: ISSUED,
      serverUrl: 'https://motcua.example.vn',
      extra: { fees: [{ name: 'Lệ phí', amount: 8000 }] },
    });
  // Warm-up: fonts registered, pdfkit's font subsets parsed, JIT warm.
  await renderBytes(document(0), 'escpos', '80mm', ISSUED, PRODUCER);
  await renderBytes(document(0), 'pdf', 'A5', ISSUED, PRODUCER);
  const cases = [
    ['build the document (pure)', (i: number) => document(i)],
    ['slip → ESC/POS 80 mm', (i: number) => renderBytes(document(i), 'escpos', '80mm', ISSUED, PRODUCER)],
    ['slip → ESC/POS 58 mm', (i: number) => renderBytes(document(i), 'escpos', '58mm', ISSUED, PRODUCER)],
    ['slip → PDF A5', (i: number) => renderBytes(document(i), 'pdf', 'A5', ISSUED, PRODUCER)],
    ['slip → PDF 80 mm roll', (i: number) => renderBytes(document(i), 'pdf', '80mm', ISSUED, PRODUCER)],
    ['slip → PNG preview A4', (i: number) => renderBytes(document(i), 'png', 'A4', ISSUED, PRODUCER)],
  ] as const;
  for (const [label, run] of cases) {
    const timing = await timeMany(count, run);
    console.log(`${label.padEnd(28)} ${count} in a row: median ${ms(timing.p50)}, p95 ${ms(timing.p95)}`);
  }
}
