import fs from 'node:fs';
import path from 'node:path';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { PrintExtra, PrinterProfile, PrintJob } from '../../../shared/contract/printing.ts';
import { compactTime } from '../../../shared/domain/forms/format.ts';
import { FormValuesSchema, type FilledDocument, type FormKind, type FormTemplate, type FormValues } from '../../../shared/domain/forms/model.ts';
import { FORM_TEMPLATES } from '../../../shared/domain/forms/templates.ts';
import { toVietnamIso } from '../../../shared/domain/time/vietnam-time.ts';
import type { Storage } from '../../app/storage.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import type { Clock } from '../../ports/clock.ts';
import { uuidv7 } from '../../ports/ids.ts';
import type { Logger } from '../../ports/logger.ts';
import { CoreError } from '../../rpc/core-error.ts';
import { deliverDocuments, printerFactory, type PrinterFactory } from './deliver.ts';
import { documentFor, type DocumentSources } from './document-source.ts';
import type { Paper } from './document-raster.ts';
import { renderBytes, type Format } from './output.ts';
import { createPrintQueue, type PrintQueue } from './queue.ts';
import { pdfProducer } from '../../pdf/pdfa-document.ts';
import * as repo from './repo.ts';

export type PrintingServiceOptions = Readonly<{
  storage: Storage;
  clock: Clock;
  logger: Logger;
  dataDir: string;
  /** Named with the app in every PDF's Creator/Producer (`pdfProducer`). */
  appVersion: string;
  sources: Omit<DocumentSources, 'formValues' | 'templates'>;
  /** Real printers by default; tests replace it to simulate what cannot run here (an OS spooler). */
  printers?: PrinterFactory;
}>;

export interface PrintingService {
  readonly queue: PrintQueue;
  /** "Một Cửa Desk <version>": Creator and Producer of the PDFs this counter prints. */
  readonly pdfProducer: string;
  document(dossierId: string, form: FormKind, issuedAt?: string): FilledDocument;
  /** With `receiptId` (form 'receipt' only), the fee receipt's own record instead of the unpaid fee slip. */
  render(input: Readonly<{ dossierId: string; form: FormKind; format: Format; paper: Paper; receiptId?: string | undefined; extra?: PrintExtra | undefined }>): Promise<{ path: string; bytes: number }>;
  /** With `extra` (form 'apology' only), the reason and new due date the clerk typed; a reprint keeps them. */
  print(input: Readonly<{ dossierId: string; form: FormKind; copies?: number | undefined; printerId?: string | undefined; extra?: PrintExtra | undefined }>): PrintJob;
  /** Queues the fee receipt `receiptId` (its dossier's 'receipt' form, dated as the receipt); `receipts.print`. */
  printReceipt(input: Readonly<{ receiptId: string; copies?: number | undefined; printerId?: string | undefined }>): PrintJob;
  reprint(input: Readonly<{ jobId: string; printerId?: string | undefined }>): PrintJob;
  jobs(query: Readonly<{ dossierId?: string | undefined; states?: readonly string[] | undefined; limit: number }>): PrintJob[];
  /** Inside the transaction of a dossier change: queue the slip that change needs (form 01 at intake). */
  queueForChange(db: CounterDatabase, dossier: Dossier, action: string): void;
  printers(): PrinterProfile[];
  savePrinter(profile: PrinterProfile): PrinterProfile;
  printer(id: string): PrinterProfile;
  formValues(): FormValues;
  setFormValues(patch: Partial<FormValues>): FormValues;
  /** The province's templates first (they win where both are in force), then the shipped ones. */
  templates(): readonly FormTemplate[];
  /** The list the central server sent, replacing the previous one (checked by the caller's schema). */
  setDownloadedTemplates(templates: readonly FormTemplate[]): void;
}

const EXTENSIONS: Readonly<Record<Format, string>> = { escpos: 'bin', pdf: 'pdf', png: 'png' };
/** Dossier changes that queue a slip on the default printer by themselves. */
const AUTO_FORMS: Readonly<Record<string, FormKind>> = { 'dossier.received': 'appointment' };

/** What the clerk typed for a letter, as a job stores it (the contract already allowed it only for form 04). */
function typedExtra(form: FormKind, extra: PrintExtra | undefined): repo.JobExtra {
  if (extra === undefined) return {};
  if (form !== 'apology') throw new CoreError('invalid-input', 'Only the apology letter (form 04) takes a reason and a new due date', { form });
  return { ...(extra.reason === undefined ? {} : { reason: extra.reason.trim() }), ...(extra.newDueAt === undefined ? {} : { newDueAt: extra.newDueAt }) };
}

/** The public shape of a job (the stored one also carries what a reprint needs). */
function publicJob(job: repo.StoredJob): PrintJob {
  const { reprintedAt: _r, extra: _e, ...rest } = job;
  return rest;
}

export function createPrintingService(options: PrintingServiceOptions): PrintingService {
  const { storage, clock } = options;
  const nowIso = () => toVietnamIso(clock.now());
  const nowUtc = () => clock.now().toISOString();
  const templates = () => [...repo.readDownloadedTemplates(storage.db()), ...FORM_TEMPLATES];
  const sources: DocumentSources = { ...options.sources, formValues: () => repo.readFormValues(storage.db()), templates };
  const factory = options.printers ?? printerFactory(options.dataDir);
  const producer = pdfProducer(options.appVersion);

  function copiesFor(form: FormKind, copies: number | undefined): number {
    if (copies !== undefined) return copies;
    return form === 'appointment' && repo.readFormValues(storage.db()).twoCopies ? 2 : 1;
  }

  function insertJob(db: CounterDatabase, fields: Omit<repo.NewPrintJob, 'id' | 'nowUtc'>): string {
    const id = uuidv7(clock.now().getTime());
    repo.insertPrintJob(db, { ...fields, id, nowUtc: nowUtc() });
    return id;
  }

  function storedJob(id: string): repo.StoredJob {
    const job = repo.findJob(storage.db(), id);
    if (!job) throw new CoreError('not-found', `No print job ${id.slice(0, 64)}`);
    return job;
  }

  function printer(id: string): PrinterProfile {
    const profile = repo.findPrinter(storage.db(), id);
    if (!profile) throw new CoreError('not-found', `No printer ${id.slice(0, 64)}`, { printerId: id });
    return profile;
  }

  function printerIdFor(requested: string | undefined): string {
    if (requested !== undefined) return printer(requested).id;
    const fallback = repo.defaultPrinter(storage.db());
    if (!fallback) throw new CoreError('printer-not-configured', 'This counter has no default printer');
    return fallback.id;
  }

  /** Outside any dossier change: store the job, wake the worker, return the job as stored. */
  function queueJob(fields: Omit<repo.NewPrintJob, 'id' | 'nowUtc'>): PrintJob {
    const id = insertJob(storage.db(), fields);
    queue.wake();
    return publicJob(storedJob(id));
  }

  /**
   * The drawer opens when money goes in: the first print of a receipt that is valid (issued, or provisional
   * while the server provider is offline). A reprint, a cancelled or replaced receipt, never.
   */
  function opensDrawer(job: repo.StoredJob): boolean {
    if (job.form !== 'receipt' || job.reprintedAt !== null) return false;
    if (job.extra.receiptId === undefined) return true; // the unpaid fee slip: the drawer as before
    const status = sources.receipt(job.extra.receiptId).status;
    return status === 'issued' || status === 'provisional';
  }

  const queue = createPrintQueue({
    storage,
    clock,
    logger: options.logger,
    deliver: async (job) => {
      const profile = printer(job.printerId);
      // Two copies are Liên 1 (lưu) and Liên 2 (giao người nộp); more are plain repeats.
      const labelled = job.copies === 2;
      const copies = Array.from({ length: job.copies }, (_, index) =>
        documentFor(sources, { dossierId: job.dossierId, form: job.form, issuedAt: job.issuedAt, copy: labelled ? ((index + 1) as 1 | 2) : null, reprintedAt: job.reprintedAt, extra: job.extra }),
      );
      await deliverDocuments(profile, copies, job.issuedAt, factory, { drawer: opensDrawer(job), producer });
      return { templateId: copies[0]?.templateId ?? '' };
    },
  });

  return {
    queue,
    pdfProducer: producer,
    document: (dossierId, form, issuedAt) => documentFor(sources, { dossierId, form, issuedAt: issuedAt ?? nowIso() }),

    async render({ dossierId, form, format, paper, receiptId, extra: typed }) {
      const issuedAt = nowIso();
      const dossier = options.sources.dossier(dossierId);
      const extra = receiptId === undefined ? typedExtra(form, typed) : { receiptId };
      const bytes = await renderBytes(documentFor(sources, { dossierId, form, issuedAt, extra }), format, paper, issuedAt, producer);
      const dir = path.join(options.dataDir, 'prints');
      fs.mkdirSync(dir, { recursive: true });
      // Two receipts of one dossier rendered in the same second must not overwrite each other.
      const name = receiptId === undefined ? form : `${form}-${sources.receipt(receiptId).lookupCode}`;
      const file = path.join(dir, `${dossier.code}-${name}-${paper}-${compactTime(issuedAt)}.${EXTENSIONS[format]}`);
      fs.writeFileSync(file, bytes);
      return { path: file, bytes: bytes.length };
    },

    print({ dossierId, form, copies, printerId, extra }) {
      options.sources.dossier(dossierId); // not-found before anything is queued
      const typed = typedExtra(form, extra);
      const lateDays = form === 'apology' ? options.sources.lateDays?.(dossierId) : undefined;
      const stored = lateDays === undefined ? typed : { ...typed, lateDays };
      return queueJob({ dossierId, form, printerId: printerIdFor(printerId), copies: copiesFor(form, copies), issuedAt: nowIso(), reprintOf: null, reprintedAt: null, extra: stored });
    },

    printReceipt({ receiptId, copies, printerId }) {
      const receipt = sources.receipt(receiptId); // not-found before anything is queued
      // A receipt already sent to a printer (or waiting for one) prints again as a reprint, like slips do.
      const earlier = repo.firstReceiptJob(storage.db(), receiptId);
      return queueJob({
        dossierId: receipt.dossierId,
        form: 'receipt',
        printerId: printerIdFor(printerId),
        copies: copiesFor('receipt', copies),
        issuedAt: receipt.issuedAt,
        reprintOf: earlier,
        reprintedAt: earlier === null ? null : nowIso(),
        extra: { receiptId },
      });
    },

    reprint({ jobId, printerId }) {
      const original = storedJob(jobId);
      // The same document, dated as the original; only the banner says when it was printed again.
      return queueJob({
        dossierId: original.dossierId,
        form: original.form,
        printerId: printerId === undefined ? original.printerId : printer(printerId).id,
        copies: original.copies,
        issuedAt: original.issuedAt,
        reprintOf: original.id,
        reprintedAt: nowIso(),
        extra: original.extra,
      });
    },

    jobs: (query) => repo.listJobs(storage.db(), query).map(publicJob),

    queueForChange(db, dossier, action) {
      const form = AUTO_FORMS[action];
      if (form === undefined) return;
      const target = repo.defaultPrinter(db);
      if (!target) return; // no printer configured: the clerk prints from the dossier screen
      const twoCopies = repo.readFormValues(db).twoCopies;
      insertJob(db, { dossierId: dossier.id, form, printerId: target.id, copies: twoCopies ? 2 : 1, issuedAt: dossier.receivedAt, reprintOf: null, reprintedAt: null, extra: {} });
    },

    printers: () => repo.listPrinters(storage.db()),
    savePrinter(profile) {
      repo.savePrinter(storage.db(), profile, nowIso());
      return printer(profile.id);
    },
    printer,
    formValues: () => repo.readFormValues(storage.db()),
    setFormValues(patch) {
      const next = FormValuesSchema.parse({ ...repo.readFormValues(storage.db()), ...patch });
      repo.writeFormValues(storage.db(), next, nowIso());
      return next;
    },
    templates,
    setDownloadedTemplates(list) {
      repo.writeDownloadedTemplates(storage.db(), list, nowIso());
      options.logger.info('form templates received', { count: list.length });
    },
  };
}
