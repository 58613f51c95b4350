import path from 'node:path';
import type { PrinterProfile } from '../../../shared/contract/printing.ts';
import type { FilledDocument } from '../../../shared/domain/forms/model.ts';
import { PrinterError, type Printer } from '../../ports/printer.ts';
import { createDevicePrinter } from './device-printer.ts';
import { renderDocumentPdf } from './document-pdf.ts';
import { createOsPrinter } from './os-printer.ts';
import { escPosForPrinter } from './output.ts';
import { createTcpPrinter } from './tcp-printer.ts';

export type PrinterFactory = (profile: PrinterProfile) => Printer;

/** The real printers behind a profile; tests may pass their own factory (an OS queue cannot be tested here). */
export function printerFactory(dataDir: string): PrinterFactory {
  return (profile) => {
    const connection = profile.connection;
    switch (connection.kind) {
      case 'tcp':
        return createTcpPrinter({ host: connection.host, port: connection.port, statusCheck: profile.statusCheck });
      case 'device':
        return createDevicePrinter(connection.path);
      case 'os':
        return createOsPrinter({ queue: connection.queue, spoolDir: path.join(dataDir, 'prints', 'spool') });
      default:
        throw new RangeError('unknown printer connection');
    }
  };
}

/**
 * Sends the copies of a document to a printer. A receipt printer gets one ESC/POS stream (one connection: all
 * copies or, if refused, none). An OS queue gets one PDF per copy; a failure after the first copy was spooled
 * counts as "may have printed", so the queue does not send the first copy again. `producer` names the app and
 * version in those PDFs.
 */
export async function deliverDocuments(
  profile: PrinterProfile,
  copies: readonly FilledDocument[],
  issuedAt: string,
  factory: PrinterFactory,
  options: Readonly<{ drawer?: boolean; producer: string }>,
): Promise<void> {
  const printer = factory(profile);
  if (profile.connection.kind !== 'os') {
    await printer.send(await escPosForPrinter(profile, copies, options));
    return;
  }
  for (const [index, doc] of copies.entries()) {
    const pdf = await renderDocumentPdf(doc, profile.paper, issuedAt, options.producer);
    try {
      await printer.send(pdf);
    } catch (error) {
      if (error instanceof PrinterError && index > 0) throw new PrinterError(error.code, error.message, { cause: error, mayHavePrinted: true });
      throw error;
    }
  }
}
