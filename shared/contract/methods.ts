import { z } from 'zod';
import { DoctorReportSchema, SystemDescriptionSchema, SystemInfoSchema } from './system.ts';
import { CounterIdentitySchema, SetLanguageInputSchema, SettingsPatchSchema, SettingsSchema } from './settings.ts';
import {
  SyncDeadLettersInputSchema,
  SyncDeadLettersOutputSchema,
  SyncEnrollInputSchema,
  SyncEnrollOutputSchema,
  SyncRetryInputSchema,
  SyncRetryOutputSchema,
  SyncRotateCredentialOutputSchema,
  SyncStatusSchema,
} from './sync.ts';
import { PrinterTestPageInputSchema, PrinterTestPageOutputSchema } from './printers.ts';
import {
  FormValuesOutputSchema,
  FormValuesPatchSchema,
  PrinterProfileSchema,
  PrintersListOutputSchema,
  PrinterTestInputSchema,
  PrinterTestOutputSchema,
  PrinterStatusOutputSchema,
  PrinterPreviewOutputSchema,
  PrintInputSchema,
  PrintJobSchema,
  PrintJobsInputSchema,
  PrintJobsOutputSchema,
  RenderInputSchema,
  RenderOutputSchema,
  ReprintInputSchema,
} from './printing.ts';
import { CalendarDayInputSchema, CalendarDaySchema, CalendarDueDateInputSchema, CalendarDueDateSchema, CalendarYearInputSchema, CalendarYearSchema } from './calendar.ts';
import { CitizenFromIdQrSchema, ParseIdQrInputSchema } from './citizen.ts';
import { AmountInWordsInputSchema, AmountInWordsOutputSchema, VietQrImageInputSchema, VietQrImageOutputSchema, VietQrInputSchema, VietQrOutputSchema } from './payments.ts';
import * as receipts from './receipts.ts';
import * as reports from './reports.ts';
import { CatalogueEntrySchema, CatalogueGetInputSchema, CatalogueSearchInputSchema, CatalogueSearchOutputSchema } from './catalogue.ts';
import {
  AuditVerifyOutputSchema,
  DossierListInputSchema,
  DossierRefInputSchema,
  DossierSchema,
  DossierSearchInputSchema,
  DossierSummarySchema,
  IntakeInputSchema,
  LatenessSchema,
  ReasonInputSchema,
  ReopenInputSchema,
  ReturnResultInputSchema,
  SupplementRequestInputSchema,
} from './dossiers.ts';
import {
  DocumentSchema,
  DocumentsAttachInputSchema,
  DocumentsAttachOutputSchema,
  DocumentsImportInputSchema,
  FindReusableInputSchema,
  FindReusableOutputSchema,
  ScannerRefSchema,
  ScannersListOutputSchema,
  ScannerTestOutputSchema,
  InspectCertificateInputSchema,
  ScannerCertificateSchema,
  ScanningSettingsPatchSchema,
  ScanningSettingsSchema,
  ScanProgressSchema,
  ScanSessionRefSchema,
  ScanStartInputSchema,
  Sha256Schema,
  DocumentPagesInputSchema,
  DocumentPagesOutputSchema,
  DocumentsEditPagesInputSchema,
  DocumentsUploadStartInputSchema,
  DocumentsUploadStartOutputSchema,
  DocumentsUploadChunkInputSchema,
  DocumentsUploadChunkOutputSchema,
  DocumentsUploadFinishInputSchema,
} from './scanning.ts';
import { SessionSchema, SignInInputSchema, UnlockInputSchema } from './auth.ts';

const NoInput = z.object({}).strict();

type MethodSpec = Readonly<{ description: string; input: z.ZodType; output: z.ZodType }>;

/** Every call the UI (or the CLI) may make, named `<feature>.<verb>`. One object in, one object out. */
export const methods = {
  'system.info': {
    description: 'App version, data folder, database file and schema version, storage state.',
    input: NoInput,
    output: SystemInfoSchema,
  },
  'system.describe': {
    description: 'Every method with its input and output, and every event, as JSON Schema.',
    input: NoInput,
    output: SystemDescriptionSchema,
  },
  'system.doctor': {
    description: 'Checks of this counter PC: data folder, database integrity, devices, central server.',
    input: NoInput,
    output: DoctorReportSchema,
  },
  'counter.get': {
    description: "This counter's identity: centre, counter name, enrolment.",
    input: NoInput,
    output: CounterIdentitySchema,
  },
  'settings.get': {
    description: 'The counter settings (language, identity before enrolment, server address).',
    input: NoInput,
    output: SettingsSchema,
  },
  'settings.update': {
    description: 'Change some settings (identity, server address, idle lock, language); returns all of them. Supervisor only once clerk accounts exist.',
    input: SettingsPatchSchema,
    output: SettingsSchema,
  },
  'settings.setLanguage': {
    description: 'Change the UI language (any clerk); returns all the settings.',
    input: SetLanguageInputSchema,
    output: SettingsSchema,
  },
  'sync.status': {
    description: 'Connection to the central server and outbox depth.',
    input: NoInput,
    output: SyncStatusSchema,
  },
  'sync.enroll': {
    description: 'Enrol this counter with the central server using a one-time code; stores the credential and sets the server address and counter identity.',
    input: SyncEnrollInputSchema,
    output: SyncEnrollOutputSchema,
  },
  'sync.now': {
    description: 'Send waiting dossiers and audit entries and fetch status changes now (also resumes a paused queue); returns the status.',
    input: NoInput,
    output: SyncStatusSchema,
  },
  'sync.deadLetters': {
    description: 'Items the server refused or answered with a conflict, with the reason code (no personal data).',
    input: SyncDeadLettersInputSchema,
    output: SyncDeadLettersOutputSchema,
  },
  'sync.retry': {
    description: 'Put dead letters back in the queue (after a fix); returns how many were retried.',
    input: SyncRetryInputSchema,
    output: SyncRetryOutputSchema,
  },
  'sync.rotateCredential': {
    description: "Replace this counter's credential with a new one from the central server (between drains); the old one stops working once the new one is used.",
    input: NoInput,
    output: SyncRotateCredentialOutputSchema,
  },
  'dossiers.intake': {
    description: 'Receive a dossier: code, due date, papers, audit entry and outbox job in one transaction.',
    input: IntakeInputSchema,
    output: DossierSchema,
  },
  'dossiers.get': { description: 'One dossier by id.', input: z.object({ id: z.string().min(1).max(64) }).strict(), output: DossierSchema },
  'dossiers.list': {
    description: 'Dossiers received today, overdue, due soon, open, or all (newest first).',
    input: DossierListInputSchema,
    output: z.object({ dossiers: z.array(DossierSummarySchema) }),
  },
  'dossiers.search': {
    description: 'Find dossiers by applicant name (diacritics optional), ID number, phone, dossier code or look-up PIN.',
    input: DossierSearchInputSchema,
    output: z.object({ dossiers: z.array(DossierSummarySchema) }),
  },
  'dossiers.lateness': {
    description: 'How late a dossier is, in working days and minutes: what the apology and extension letter (Mẫu 04) needs.',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: LatenessSchema,
  },
  'dossiers.startProcessing': { description: 'Hand the dossier to the processing agency.', input: DossierRefInputSchema, output: DossierSchema },
  'dossiers.requestSupplement': { description: 'Ask for missing papers (Mẫu 02); the legal clock pauses.', input: SupplementRequestInputSchema, output: DossierSchema },
  'dossiers.supplement': { description: 'The papers were supplemented; the clock resumes and the due date moves by the paused working time.', input: DossierRefInputSchema, output: DossierSchema },
  'dossiers.refuse': { description: 'Refuse the dossier (Mẫu 03) with the reason.', input: ReasonInputSchema, output: DossierSchema },
  'dossiers.withdraw': { description: 'The applicant withdraws the dossier.', input: ReasonInputSchema, output: DossierSchema },
  'dossiers.stop': { description: 'Stop processing (Mẫu 05) with the reason.', input: ReasonInputSchema, output: DossierSchema },
  'dossiers.markResultReady': { description: 'The result has come back to the counter.', input: DossierRefInputSchema, output: DossierSchema },
  'dossiers.returnResult': { description: 'The result was handed over (to the applicant, a representative, or by post).', input: ReturnResultInputSchema, output: DossierSchema },
  'dossiers.reopen': {
    description: 'Supervisor: re-open a returned dossier (its result to be corrected and handed over again); back to result-ready, with the reason.',
    input: ReopenInputSchema,
    output: DossierSchema,
  },
  'audit.verify': { description: 'Check the audit chain: any changed or removed entry is reported.', input: NoInput, output: AuditVerifyOutputSchema },
  'audit.timeline': {
    description: 'What happened to one record, in order.',
    input: z.object({ entity: z.enum(['dossier']), entityId: z.string().min(1).max(64) }).strict(),
    output: z.object({
      entries: z.array(
        z.object({
          at: z.string(),
          /** As recorded: `clerk:<username>`, `counter:<profile>` (setup mode), `central:<who>` (a back-office change). */
          actor: z.string(),
          /** The clerk's or back-office person's name to show; null when none is known (the screen says what the actor is). */
          actorName: z.string().nullable(),
          action: z.string(),
          details: z.record(z.string(), z.unknown()),
        }),
      ),
    }),
  },
  'catalogue.search': {
    description: 'Procedures in force (today by default) by code, code prefix or name; diacritics optional; best match first.',
    input: CatalogueSearchInputSchema,
    output: CatalogueSearchOutputSchema,
  },
  'catalogue.get': {
    description: 'The whole procedure version in force on a date (today by default), with its sources; not-found if none.',
    input: CatalogueGetInputSchema,
    output: CatalogueEntrySchema,
  },
  'citizen.parseIdQr': {
    description: 'Read the text a scanner typed from the QR code on an ID card (chip CCCD or căn cước); warnings to check against the card; invalid-id-qr says which field is wrong.',
    input: ParseIdQrInputSchema,
    output: CitizenFromIdQrSchema,
  },
  'calendar.day': {
    description: "Whether the centre works on a date (YYYY-MM-DD) and, if not, why: holiday, nghỉ bù, weekend; 'Làm bù' on make-up days.",
    input: CalendarDayInputSchema,
    output: CalendarDaySchema,
  },
  'calendar.dueDate': {
    description: 'When a dossier received at an instant is due under a time limit (working days or hours, calendar days, same day with cut-off), in +07:00.',
    input: CalendarDueDateInputSchema,
    output: CalendarDueDateSchema,
  },
  'calendar.year': {
    description: "A year's working hours and its holidays, nghỉ bù, swapped days off and make-up days (làm bù), for the settings screen.",
    input: CalendarYearInputSchema,
    output: CalendarYearSchema,
  },
  'payments.vietqr': {
    description: "The NAPAS VietQR string for a bank transfer: dynamic with an amount, static without; purpose without diacritics, at most 25 characters.",
    input: VietQrInputSchema,
    output: VietQrOutputSchema,
  },
  'payments.vietqrImage': {
    description: 'A VietQR payload (CRC checked) drawn as an SVG QR code for the screen, by the encoder the printed forms use.',
    input: VietQrImageInputSchema,
    output: VietQrImageOutputSchema,
  },
  'payments.amountInWords': {
    description: 'A VND amount in Vietnamese words, as receipts print it ("Một trăm năm mươi nghìn đồng"); nghìn/ngàn and linh/lẻ selectable.',
    input: AmountInWordsInputSchema,
    output: AmountInWordsOutputSchema,
  },
  'fees.quote': { description: "What a dossier costs: the procedure's fee items by count, tiers and caps, exemptions with their reason, extra services; the VietQR for the total.", input: receipts.FeeQuoteInputSchema, output: receipts.FeeQuoteSchema },
  'fees.settings': { description: "The centre's extra services (copies, postal return) and the province's fee amounts.", input: NoInput, output: receipts.FeeSettingsSchema },
  'fees.setSettings': { description: 'Change the extra services or local fee amounts; returns all of them.', input: receipts.FeeSettingsPatchSchema, output: receipts.FeeSettingsSchema },
  'fees.status': {
    description: 'Where the fees of some dossiers stand: due (not paid yet), free, paid (provisional or not), a payment owing a receipt, or unknown.',
    input: receipts.FeeStatusInputSchema,
    output: z.object({ dossiers: z.array(receipts.FeeStatusSchema) }),
  },
  'payments.record': {
    description: 'Record a cash or transfer payment of the quoted total and issue its receipt in the same transaction (idempotent by clientTxId).',
    input: receipts.PaymentRecordInputSchema,
    output: receipts.PaymentRecordOutputSchema,
  },
  'payments.list': { description: 'Payments of a dossier or a day, newest first.', input: receipts.PaymentListInputSchema, output: z.object({ payments: z.array(receipts.PaymentSchema) }) },
  'receipts.issue': { description: 'Issue a new receipt for a payment that has no valid one (after a cancellation).', input: receipts.ReceiptIssueInputSchema, output: receipts.ReceiptSchema },
  'receipts.cancel': { description: 'Cancel a receipt with the reason; the original and its number are kept.', input: receipts.ReceiptCancelInputSchema, output: receipts.ReceiptSchema },
  'receipts.replace': { description: 'Replace an issued receipt by a new one with its own number, linked both ways.', input: receipts.ReceiptReplaceInputSchema, output: receipts.ReceiptReplaceOutputSchema },
  'receipts.get': { description: 'One receipt with its signed XML.', input: receipts.ReceiptRefInputSchema, output: receipts.ReceiptSchema },
  'receipts.print': {
    description: 'Queue a fee receipt for printing (default printer unless given): symbol, number, amount in words, look-up QR; provisional and cancelled ones are marked.',
    input: receipts.ReceiptPrintInputSchema,
    output: PrintJobSchema,
  },
  'receipts.list': { description: 'Receipts of a dossier or a day, newest first.', input: receipts.ReceiptListInputSchema, output: z.object({ receipts: z.array(receipts.ReceiptSchema) }) },
  'receipts.dailyReport': { description: 'The daily close: count and total per series and per payment method, cancelled and provisional receipts.', input: receipts.DailyReportInputSchema, output: receipts.DailyReportSchema },
  'receipts.settings': { description: 'Receipt provider, template, series and signer (secrets are never returned).', input: NoInput, output: receipts.ReceiptSettingsViewSchema },
  'receipts.setSettings': { description: 'Change the receipt provider, series, seller or signer; returns the settings without secrets.', input: receipts.ReceiptSettingsPatchSchema, output: receipts.ReceiptSettingsViewSchema },
  'reports.register': { description: "The day's register extract (Sổ theo dõi hồ sơ, Mẫu 07/06): dossiers received, and those returned or refused, on a date (today by default).", input: reports.RegisterInputSchema, output: reports.RegisterReportSchema },
  'reports.export': { description: "Write the day's register or fee-receipt close as CSV (UTF-8 with BOM, for Excel) or A4-landscape PDF into the data folder; returns the path and size.", input: reports.ReportExportInputSchema, output: reports.ReportExportOutputSchema },
  'reports.print': { description: "Print the day's register or fee-receipt close (A4 landscape PDF) on an OS print queue (the given one, else the default or first).", input: reports.ReportPrintInputSchema, output: reports.ReportPrintOutputSchema },
  'printers.testPage': {
    description: 'Print the Vietnamese test page (every letter with diacritics, a QR) on a network receipt printer.',
    input: PrinterTestPageInputSchema,
    output: PrinterTestPageOutputSchema,
  },
  'printers.list': { description: 'The printer profiles of this counter (network, device file, OS queue).', input: NoInput, output: PrintersListOutputSchema },
  'printers.save': { description: 'Create or replace a printer profile; isDefault makes it the one intake slips go to.', input: PrinterProfileSchema, output: PrinterProfileSchema },
  'printers.test': { description: 'Print the Vietnamese test page on a saved printer, now (not queued).', input: PrinterTestInputSchema, output: PrinterTestOutputSchema },
  'printers.status': { description: 'Ask a saved printer how it is (online, paper, cover), without printing anything.', input: PrinterTestInputSchema, output: PrinterStatusOutputSchema },
  'printers.preview': { description: 'A PNG picture (data URL) of the test page as this saved printer would print it; nothing is sent to the printer.', input: PrinterTestInputSchema, output: PrinterPreviewOutputSchema },
  'printing.render': {
    description: 'Render a form of a dossier (ESC/POS bytes, PDF or PNG preview) into the data folder, a fee receipt with receiptId; returns the file path and size.',
    input: RenderInputSchema,
    output: RenderOutputSchema,
  },
  'printing.print': { description: 'Queue a form of a dossier for printing (default printer unless given); printed after commit.', input: PrintInputSchema, output: PrintJobSchema },
  'printing.jobs': { description: 'Print jobs, newest first, with the reason a job waits or stopped.', input: PrintJobsInputSchema, output: PrintJobsOutputSchema },
  'printing.reprint': { description: 'Queue a new job for the same document; it says "BẢN IN LẠI" with the time.', input: ReprintInputSchema, output: PrintJobSchema },
  'printing.formValues': { description: "The centre's values printed on forms: header names, place, hotline, notes, bank account.", input: NoInput, output: FormValuesOutputSchema },
  'printing.setFormValues': { description: 'Change some form values; returns all of them.', input: FormValuesPatchSchema, output: FormValuesOutputSchema },
  'scanners.list': { description: 'Scanners this counter can use: SANE devices, eSCL scanners from the scanning settings, Windows WIA/NAPS2 where present.', input: NoInput, output: ScannersListOutputSchema },
  'scanners.test': { description: "Ask one scanner for its capabilities (no scan): whether it answers, and what it offers.", input: ScannerRefSchema, output: ScannerTestOutputSchema },
  'scanners.inspectCertificate': {
    description: "The certificate an https scanner presents (TLS handshake only): SHA-256 fingerprint, subject, issuer, validity, whether it is self-signed, for a supervisor to compare with the scanner's own page before trusting it.",
    input: InspectCertificateInputSchema,
    output: ScannerCertificateSchema,
  },
  'scanning.start': { description: 'Start scanning into one PDF (for a paper of a dossier when given); pages arrive as scanning.progressed events.', input: ScanStartInputSchema, output: ScanSessionRefSchema },
  'scanning.cancel': { description: 'Stop a scan session: the scanner is stopped and nothing of it is kept.', input: ScanSessionRefSchema, output: z.object({ cancelled: z.boolean() }) },
  'scanning.session': { description: 'The latest progress of a scan session (the same payload as the event).', input: ScanSessionRefSchema, output: ScanProgressSchema },
  'scanning.settings': { description: 'Scanning settings: import folders, eSCL scanner addresses, retention days, limits.', input: NoInput, output: ScanningSettingsSchema },
  'scanning.updateSettings': { description: 'Change some scanning settings; returns all of them.', input: ScanningSettingsPatchSchema, output: ScanningSettingsSchema },
  'documents.import': { description: 'Import files (one PDF, or JPEG/PNG/TIFF pages) from an allowed folder into one PDF, optionally for a paper of a dossier.', input: DocumentsImportInputSchema, output: DocumentSchema },
  'documents.attach': { description: "Link a stored document to a dossier's paper (reuse when it was made for another dossier); audited and sent to the server.", input: DocumentsAttachInputSchema, output: DocumentsAttachOutputSchema },
  'documents.findReusable': { description: 'Papers already digitised for a citizen by ID number: on this counter, and from the server when online.', input: FindReusableInputSchema, output: FindReusableOutputSchema },
  'documents.get': { description: 'One stored document by SHA-256, with its links and upload state.', input: z.object({ sha256: Sha256Schema }).strict(), output: DocumentSchema },
  'documents.pages': { description: "A document's pages with a small picture of each (as shown, after rotation), for checking and editing.", input: DocumentPagesInputSchema, output: DocumentPagesOutputSchema },
  'documents.editPages': {
    description: "A new document from a paper's document: pages kept, turned and reordered, pages of another document appended; the paper is linked to it in one transaction, the old one left to retention.",
    input: DocumentsEditPagesInputSchema,
    output: DocumentSchema,
  },
  'documents.uploadStart': { description: "Begin sending one file from the clerk's machine (file picker, drag and drop); refused when it is over the size limit.", input: DocumentsUploadStartInputSchema, output: DocumentsUploadStartOutputSchema },
  'documents.uploadChunk': { description: 'The next bytes of a file being sent (base64, at most chunkBytes, at the offset received so far).', input: DocumentsUploadChunkInputSchema, output: DocumentsUploadChunkOutputSchema },
  'documents.uploadFinish': { description: 'Import the files sent (one PDF, or JPEG/PNG/TIFF pages) into one PDF, optionally for a paper; the sent bytes are removed either way.', input: DocumentsUploadFinishInputSchema, output: DocumentSchema },
  'auth.session': { description: 'Who is signed in at this counter, with roles, since when, and whether the session is locked (or setup mode).', input: NoInput, output: SessionSchema },
  'auth.signIn': { description: "Sign a clerk in, verified offline against the accounts pulled from the central server; a few wrong passwords lock the account briefly.", input: SignInInputSchema, output: SessionSchema },
  'auth.signOut': { description: 'Sign the clerk out.', input: NoInput, output: SessionSchema },
  'auth.lock': { description: 'Lock the session now (the clerk stays signed in; the password unlocks).', input: NoInput, output: SessionSchema },
  'auth.unlock': { description: "Unlock the session with the signed-in clerk's password.", input: UnlockInputSchema, output: SessionSchema },
  'auth.touch': { description: 'The clerk is active (keyboard or mouse): restarts the idle-lock countdown.', input: NoInput, output: SessionSchema },
} as const satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
