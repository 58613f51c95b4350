import fs from 'node:fs';
import path from 'node:path';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { PrinterProfile } from '../../../shared/contract/printing.ts';
import type { DailyReport } from '../../../shared/contract/receipts.ts';
import type { RegisterReport, RegisterRow, ReportKind } from '../../../shared/contract/reports.ts';
import { BLANK, compactTime } from '../../../shared/domain/forms/format.ts';
import { issuingAgency, MOTTO, MOTTO_SUB } from '../../../shared/domain/forms/build.ts';
import type { FormTemplate, FormValues } from '../../../shared/domain/forms/model.ts';
import { selectTemplate } from '../../../shared/domain/forms/templates.ts';
import { reportToCsv } from '../../../shared/domain/reports/csv.ts';
import { receiptsDocument, registerDocument, type ReportDocument } from '../../../shared/domain/reports/report-document.ts';
import { toVietnamIso, vietnamDate } from '../../../shared/domain/time/vietnam-time.ts';
import type { Clock } from '../../ports/clock.ts';
import { PrinterError, type Printer } from '../../ports/printer.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { pdfProducer } from '../../pdf/pdfa-document.ts';
import { renderReportPdf, type ReportHeader } from './report-pdf.ts';

export type ReportsServiceOptions = Readonly<{
  clock: Clock;
  dataDir: string;
  /** Named with the app in the report PDF's Creator/Producer (`pdfProducer`). */
  appVersion: string;
  /** The dossiers of a day's register (dossiers service). */
  registerOf: (date: string) => Readonly<{ received: Dossier[]; finished: Dossier[] }>;
  /** When a refused dossier was refused (its audit trail), null when the trail does not say. */
  refusedAt: (dossierId: string) => string | null;
  /** The day's close of fee receipts (receipts service). */
  receiptsOf: (date: string) => DailyReport;
  formValues: () => FormValues;
  /** The templates to choose from (printing's: downloaded first, then shipped). */
  templates: () => readonly FormTemplate[];
  printers: () => readonly PrinterProfile[];
  printer: (id: string) => PrinterProfile;
  /** The real printer behind a profile (the printing feature's factory). */
  printerFor: (profile: PrinterProfile) => Printer;
}>;

export type ReportsService = ReturnType<typeof createReportsService>;

function registerRow(dossier: Dossier, refusedAt: (id: string) => string | null): RegisterRow {
  return {
    id: dossier.id,
    registerNumber: dossier.code.slice(dossier.code.lastIndexOf('-') + 1),
    code: dossier.code,
    procedureCode: dossier.procedure.code,
    procedureName: dossier.procedure.name,
    sets: dossier.sets,
    applicantName: dossier.applicant.fullName,
    address: dossier.applicant.address ?? null,
    phone: dossier.applicant.phone ?? null,
    agencyCode: dossier.agencyCode,
    receivedAt: dossier.receivedAt,
    dueAt: dossier.dueAt,
    status: dossier.status,
    finishedAt: dossier.returnedAt ?? (dossier.status === 'refused' ? refusedAt(dossier.id) : null),
  };
}

/**
 * The day's reports (docs/REPORTS.md): the register extract (Sổ theo dõi hồ sơ) and the fee receipts' close,
 * shown on screen, written as CSV or A4-landscape PDF into DATA/prints, or printed on an OS print queue.
 */
export function createReportsService(options: ReportsServiceOptions) {
  const today = () => vietnamDate(options.clock.now());

  function register(date: string): RegisterReport {
    const values = options.formValues();
    const template = selectTemplate('register', date, values.forceSet, options.templates());
    const { received, finished } = options.registerOf(date);
    return {
      date,
      formNumber: template?.formNumber ?? null,
      formSet: template?.set ?? values.forceSet ?? 'tt03-2025',
      registerBook: values.registerBook,
      received: received.map((dossier) => registerRow(dossier, options.refusedAt)),
      finished: finished.map((dossier) => registerRow(dossier, options.refusedAt)),
    };
  }

  function document(report: ReportKind, date: string): ReportDocument {
    return report === 'register' ? registerDocument(register(date)) : receiptsDocument(options.receiptsOf(date));
  }

  function header(): ReportHeader {
    const values = options.formValues();
    return {
      left: [...(values.governingBody === '' ? [] : [values.governingBody.toLocaleUpperCase('vi')]), values.unitName.toLocaleUpperCase('vi')],
      right: [MOTTO, MOTTO_SUB],
      place: values.placeName === '' ? BLANK : values.placeName,
      agency: issuingAgency(values),
    };
  }

  /** An OS queue (A4 office printer): a receipt printer's roll cannot hold an A4 landscape table. */
  function a4Printer(printerId: string | undefined): PrinterProfile {
    if (printerId !== undefined) {
      const chosen = options.printer(printerId);
      if (chosen.connection.kind !== 'os') throw new CoreError('printer-unsuitable', `Printer ${chosen.name} is a receipt printer; reports need an OS print queue (A4)`, { printerId });
      return chosen;
    }
    const queues = options.printers().filter((profile) => profile.connection.kind === 'os');
    const found = queues.find((profile) => profile.isDefault) ?? queues[0];
    if (!found) throw new CoreError('printer-unsuitable', 'No OS print queue (A4 printer) is set up on this counter; export the PDF instead');
    return found;
  }

  return {
    today,
    register: (date: string | undefined) => register(date ?? today()),

    /**
     * Writes the file under DATA/prints (beside the rendered forms) through a temporary name and a rename,
     * so a failed write never leaves half a report where the clerk looks for it.
     */
    async export(input: Readonly<{ report: ReportKind; date?: string | undefined; format: 'pdf' | 'csv' }>): Promise<{ path: string; bytes: number }> {
      const date = input.date ?? today();
      const printedAt = toVietnamIso(options.clock.now());
      const report = document(input.report, date);
      const bytes = input.format === 'csv' ? Buffer.from(reportToCsv(report), 'utf8') : await renderReportPdf(report, header(), printedAt, pdfProducer(options.appVersion));
      const dir = path.join(options.dataDir, 'prints');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${report.fileStem}-${compactTime(printedAt)}.${input.format}`);
      const partial = `${file}.part`;
      fs.writeFileSync(partial, bytes);
      fs.renameSync(partial, file);
      return { path: file, bytes: bytes.length };
    },

    /** Sends the PDF to an OS print queue now (not queued: a report is not tied to a dossier change). */
    async print(input: Readonly<{ report: ReportKind; date?: string | undefined; printerId?: string | undefined }>) {
      const profile = a4Printer(input.printerId);
      const printedAt = toVietnamIso(options.clock.now());
      const bytes = await renderReportPdf(document(input.report, input.date ?? today()), header(), printedAt, pdfProducer(options.appVersion));
      try {
        await options.printerFor(profile).send(bytes);
      } catch (error) {
        if (error instanceof PrinterError) throw new CoreError(error.code, error.message, { printerId: profile.id });
        throw error;
      }
      return { printerId: profile.id, printerName: profile.name, bytes: bytes.length, printedAt };
    },
  };
}
