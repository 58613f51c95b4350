import { toVietnamIso } from '../../../shared/domain/time/vietnam-time.ts';
import type { Clock } from '../../ports/clock.ts';
import { PrinterError } from '../../ports/printer.ts';
import type { Handlers } from '../../rpc/dispatch.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { encodeAsciiEscPos, encodeRasterEscPos } from './escpos.ts';
import { PAPER_WIDTH_DOTS, renderSlip, type SlipLine } from './raster.ts';
import { createTcpPrinter } from './tcp-printer.ts';
import { testPageLines } from './test-page.ts';

function asText(lines: readonly SlipLine[]): string[] {
  return lines.flatMap((line) => (line.kind === 'text' ? [line.text] : line.kind === 'rule' ? ['-'.repeat(32)] : line.kind === 'qr' ? [line.text] : []));
}

export function printingHandlers(clock: Clock) {
  return {
    'printers.testPage': async ({ host, port, paper, mode }) => {
      const printedAt = toVietnamIso(clock.now());
      const time = `${printedAt.slice(11, 16)} ${printedAt.slice(8, 10)}/${printedAt.slice(5, 7)}/${printedAt.slice(0, 4)}`;
      const lines = testPageLines({ dossierCode: '000.00.00.H00-000000-0000', printedAt: time, printerLabel: `${host}:${port} · ${paper}` });
      const bytes = mode === 'raster' ? await encodeRasterEscPos(renderSlip(lines, { widthDots: PAPER_WIDTH_DOTS[paper] })) : encodeAsciiEscPos(asText(lines));
      try {
        await createTcpPrinter({ host, port }).send(bytes);
      } catch (error) {
        if (error instanceof PrinterError) throw new CoreError(error.code, error.message, { host, port });
        throw error;
      }
      return { bytes: bytes.length, printedAt };
    },
  } satisfies Partial<Handlers>;
}
