import { toVietnamIso } from '../../../shared/domain/time/vietnam-time.ts';
import { issuingAgency } from '../../../shared/domain/forms/build.ts';
import type { FilledDocument } from '../../../shared/domain/forms/model.ts';
import type { Clock } from '../../ports/clock.ts';
import { PrinterError, type Printer } from '../../ports/printer.ts';
import type { Handlers } from '../../rpc/dispatch.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { printerFactory } from './deliver.ts';
import { renderDocumentPdf } from './document-pdf.ts';
import { renderDocumentRaster } from './document-raster.ts';
import { encodeAsciiEscPos, encodeRasterEscPos, toAsciiText } from './escpos.ts';
import { PAPER_WIDTH_DOTS, rasterToPng, renderSlip, type Raster, type SlipLine } from './raster.ts';
import type { PrintingService } from './service.ts';
import { createTcpPrinter } from './tcp-printer.ts';
import { queryTcpPrinterStatus } from './printer-status.ts';
import { testPageLines } from './test-page.ts';

function asText(lines: readonly SlipLine[]): string[] {
  return lines.flatMap((line) => (line.kind === 'text' ? [line.text] : line.kind === 'rule' ? ['-'.repeat(32)] : line.kind === 'qr' ? [line.text] : []));
}

/** The test page as a document, for OS queues that take PDFs. */
function testPageDocument(lines: readonly SlipLine[], author: string): FilledDocument {
  const docLines = lines.flatMap((line): FilledDocument['lines'][number][] =>
    line.kind === 'text' ? [{ kind: 'text', text: line.text, style: line.bold === true ? 'emphasis' : 'body', align: line.align ?? 'left' }] : line.kind === 'qr' ? [{ kind: 'qr', role: 'lookup', data: line.text, caption: null }] : [],
  );
  return { templateId: 'test-page', kind: 'appointment', title: 'Trang in thử', formNumber: null, lines: docLines, meta: { title: 'Trang in thử', author } };
}

async function send(printer: Printer, bytes: Buffer, where: Record<string, unknown>): Promise<void> {
  try {
    await printer.send(bytes);
  } catch (error) {
    if (error instanceof PrinterError) throw new CoreError(error.code, error.message, where);
    throw error;
  }
}

export function printingHandlers(clock: Clock, printing: PrintingService, dataDir: string) {
  const factory = printerFactory(dataDir);
  const stamp = () => {
    const printedAt = toVietnamIso(clock.now());
    return { printedAt, time: `${printedAt.slice(11, 16)} ${printedAt.slice(8, 10)}/${printedAt.slice(5, 7)}/${printedAt.slice(0, 4)}` };
  };
  return {
    'printers.testPage': async ({ host, port, paper, mode }) => {
      const { printedAt, time } = stamp();
      const lines = testPageLines({ dossierCode: '000.00.00.H00-000000-0000', printedAt: time, printerLabel: `${host}:${port} · ${paper}` });
      const bytes = mode === 'raster' ? await encodeRasterEscPos(renderSlip(lines, { widthDots: PAPER_WIDTH_DOTS[paper] })) : encodeAsciiEscPos(asText(lines));
      await send(createTcpPrinter({ host, port }), bytes, { host, port });
      return { bytes: bytes.length, printedAt };
    },
    'printers.list': () => ({ printers: printing.printers() }),
    'printers.save': (profile) => printing.savePrinter(profile),
    'printers.test': async ({ id }) => {
      const profile = printing.printer(id);
      const { printedAt, time } = stamp();
      const lines = testPageLines({ dossierCode: '000.00.00.H00-000000-0000', printedAt: time, printerLabel: profile.name });
      let bytes: Buffer;
      if (profile.connection.kind === 'os') bytes = await renderDocumentPdf(testPageDocument(lines, issuingAgency(printing.formValues())), profile.paper, printedAt, printing.pdfProducer);
      else if (profile.mode === 'text') bytes = encodeAsciiEscPos(asText(lines), { cut: profile.cut });
      else bytes = await encodeRasterEscPos(renderSlip(lines, { widthDots: PAPER_WIDTH_DOTS[profile.paper === '58mm' ? '58mm' : '80mm'] }), { cut: profile.cut });
      await send(factory(profile), bytes, { printerId: id });
      return { bytes: bytes.length, printedAt };
    },
    'printers.preview': ({ id }) => {
      const profile = printing.printer(id);
      const lines = testPageLines({ dossierCode: '000.00.00.H00-000000-0000', printedAt: stamp().time, printerLabel: profile.name });
      const rollWidth = PAPER_WIDTH_DOTS[profile.paper === '58mm' ? '58mm' : '80mm'];
      // The same choice as printers.test: an OS queue gets the page, a text-mode printer ASCII lines, others the raster.
      let kind: 'raster' | 'text' | 'document';
      let raster: Raster;
      if (profile.connection.kind === 'os') {
        kind = 'document';
        raster = renderDocumentRaster(testPageDocument(lines, issuingAgency(printing.formValues())), profile.paper);
      } else if (profile.mode === 'text') {
        kind = 'text';
        raster = renderSlip(asText(lines).map((text): SlipLine => ({ kind: 'text', text: toAsciiText(text) })), { widthDots: rollWidth });
      } else {
        kind = 'raster';
        raster = renderSlip(lines, { widthDots: rollWidth });
      }
      const png = rasterToPng(raster);
      return { png: `data:image/png;base64,${png.toString('base64')}`, widthDots: raster.widthDots, heightDots: raster.heightDots, kind };
    },
    'printers.status': async ({ id }) => {
      const profile = printing.printer(id);
      const checkedAt = toVietnamIso(clock.now());
      // Only a network printer can be asked on its own connection; a device file or an OS queue cannot answer.
      if (profile.connection.kind !== 'tcp') return { state: 'no-answer' as const, paperNearEnd: false, checkedAt };
      return { ...(await queryTcpPrinterStatus({ host: profile.connection.host, port: profile.connection.port })), checkedAt };
    },
    'printing.render': (input) => printing.render(input),
    'printing.print': (input) => printing.print(input),
    'printing.jobs': (query) => ({ jobs: printing.jobs(query) }),
    'printing.reprint': (input) => printing.reprint(input),
    'printing.formValues': () => printing.formValues(),
    'printing.setFormValues': (patch) => printing.setFormValues(patch),
  } satisfies Partial<Handlers>;
}
