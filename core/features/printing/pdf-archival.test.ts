import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildDocument } from '../../../shared/domain/forms/build.ts';
import type { FormKind } from '../../../shared/domain/forms/model.ts';
import { selectTemplate } from '../../../shared/domain/forms/templates.ts';
import { checkPdfA2b } from '../../../test/harness/pdfa-check.ts';
import { sampleDossier, sampleReceipt, sampleValues } from '../../../test/harness/form-fixtures.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { renderDocumentPdf } from './document-pdf.ts';

const temp = makeTempDir();
afterAll(() => temp.remove());

const ISSUED = '2026-11-23T09:02:00+07:00';

// Printed PDFs (slips, receipts, and reports, which share openPdf) are print output, not the archive: they
// make no PDF/A claim (no pdfkit `subset`, so no XMP and no output intent). The scans are the archive
// (documents/pdfa.test.ts). This pins that fact for docs/SCANNING.md, and shows what claiming PDF/A-2b would
// still need: the fonts are already embedded; only the metadata and an output intent for DeviceRGB are missing.
describe('printed PDFs and PDF/A', () => {
  test.each<[FormKind, 'A5' | '80mm']>([['appointment', 'A5'], ['receipt', '80mm']])('%s on %s declares no PDF/A; fonts embedded, XMP and output intent absent', async (kind, paper) => {
    const template = selectTemplate(kind, '2026-11-23');
    if (!template) throw new Error(`no template for ${kind}`);
    const doc = buildDocument({ template, dossier: sampleDossier(), values: sampleValues(), issuedAt: ISSUED, serverUrl: 'https://motcua.example.vn', copy: null, receipt: kind === 'receipt' ? sampleReceipt() : null, extra: {} });
    const file = path.join(temp.dir, `${kind}-${paper}.pdf`);
    fs.writeFileSync(file, await renderDocumentPdf(doc, paper, ISSUED));
    const report = checkPdfA2b(file);
    expect(report.claims).toBeNull();
    expect([...new Set(report.failures.map((f) => f.clause))].sort()).toEqual(['6.2.4.3-2', '6.6.2.1-1']);
  });
});
