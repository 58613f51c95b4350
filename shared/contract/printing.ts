import { z } from 'zod';
import { FormKindSchema, FormValuesSchema } from '../domain/forms/model.ts';
import { InstantSchema } from './time-limit.ts';

/** Paper the renderers know: receipt rolls (thermal raster, or a PDF as long as the slip) and pages (PDF). */
export const PaperSchema = z.enum(['80mm', '58mm', 'A5', 'A4']);
export type PaperName = z.infer<typeof PaperSchema>;

const DossierId = z.string().min(1).max(64);
const Host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address');

/** How bytes reach a printer: raw TCP (port 9100), a device file (USB/serial/parallel), or an OS queue (`lp`). */
export const PrinterConnectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tcp'), host: Host, port: z.number().int().min(1).max(65535).default(9100) }).strict(),
  /** /dev/usb/lp0, /dev/ttyUSB0, COM3, \\.\LPT1: ESC/POS bytes are written to it as to a file. */
  z.object({ kind: z.literal('device'), path: z.string().trim().min(1).max(260).regex(/^[^\0\n]+$/) }).strict(),
  /** An OS print queue (CUPS `lp -d <queue>`): receives PDFs, for A4/A5 forms on office printers. */
  z.object({ kind: z.literal('os'), queue: z.string().trim().min(1).max(127).regex(/^[A-Za-z0-9_.@-]+$/, 'a print queue name') }).strict(),
]);

export const PrinterProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    name: z.string().trim().min(1).max(100),
    connection: PrinterConnectionSchema,
    paper: PaperSchema.default('80mm'),
    /** 'raster' draws Vietnamese with the bundled font; 'text' (accents stripped) for printers without images. */
    mode: z.enum(['raster', 'text']).default('raster'),
    cut: z.boolean().default(true),
    /** A cash drawer on the printer's drawer port (DK, pin 2 or pin 5) opens when a fee receipt prints. */
    cashDrawer: z.enum(['none', 'pin2', 'pin5']).default('none'),
    /** Ask the printer for its paper sensor (DLE EOT 4) before each job; printers that never answer are not delayed much. */
    statusCheck: z.boolean().default(true),
    /** Slips queued automatically (form 01 at intake) go to the default printer. */
    isDefault: z.boolean().default(false),
  })
  .strict();
export type PrinterProfile = z.infer<typeof PrinterProfileSchema>;

export const PrintersListOutputSchema = z.object({ printers: z.array(PrinterProfileSchema) });
export const PrinterTestInputSchema = z.object({ id: z.string().min(1).max(64) }).strict();
/** What the printer says about itself (ESC/POS real-time status); device and OS printers answer `no-answer`. */
export const PrinterStatusOutputSchema = z.object({
  state: z.enum(['ready', 'paper-out', 'cover-open', 'offline', 'error', 'no-answer', 'unreachable']),
  paperNearEnd: z.boolean(),
  checkedAt: z.string(),
});
export const PrinterTestOutputSchema = z.object({ bytes: z.number().int().nonnegative(), printedAt: z.string() });
/**
 * A picture of the test page as this printer would get it (raster, accents stripped in text mode, or the
 * document an OS queue prints), as a PNG data URL: the renderer receives bytes only through the contract.
 */
export const PrinterPreviewOutputSchema = z.object({
  png: z.string().startsWith('data:image/png;base64,'),
  widthDots: z.number().int().positive(),
  heightDots: z.number().int().positive(),
  /** What the picture shows: the raster sent to a thermal printer, the ASCII text of a text-mode printer, or the page for an OS queue. */
  kind: z.enum(['raster', 'text', 'document']),
});

/**
 * What the clerk types for the apology letter (form 04): why the dossier is late and the new date the result is
 * promised for. Only the apology form takes it; other forms read their reason from the dossier's audit trail.
 */
export const PrintExtraSchema = z
  .object({
    reason: z.string().trim().min(1).max(500).optional(),
    newDueAt: InstantSchema.optional(),
  })
  .strict();
export type PrintExtra = z.infer<typeof PrintExtraSchema>;
const extraOnlyForApology = { message: 'Only the apology letter (form 04) takes a reason and a new due date', path: ['extra'] };

export const RenderInputSchema = z
  .object({
    dossierId: DossierId,
    form: FormKindSchema,
    format: z.enum(['escpos', 'pdf', 'png']),
    paper: PaperSchema,
    /** Form 'receipt' only: this fee receipt (of this dossier) instead of the unpaid fee slip. */
    receiptId: z.uuid().optional(),
    /** Form 'apology' only: the reason and the new due date it prints. */
    extra: PrintExtraSchema.optional(),
  })
  .strict()
  .refine((input) => input.extra === undefined || input.form === 'apology', extraOnlyForApology)
  .refine((input) => input.format !== 'escpos' || input.paper === '80mm' || input.paper === '58mm', { message: 'ESC/POS is for 80mm or 58mm paper', path: ['paper'] })
  .refine((input) => input.receiptId === undefined || input.form === 'receipt', { message: 'A receipt renders as the receipt form', path: ['form'] });
export const RenderOutputSchema = z.object({ path: z.string(), bytes: z.number().int().positive() });

export const PrintInputSchema = z
  .object({
    dossierId: DossierId,
    form: FormKindSchema,
    copies: z.number().int().min(1).max(5).optional(),
    printerId: z.string().min(1).max(64).optional(),
    /** Form 'apology' only: the reason and the new due date it prints (kept by a reprint). */
    extra: PrintExtraSchema.optional(),
  })
  .strict()
  .refine((input) => input.extra === undefined || input.form === 'apology', extraOnlyForApology);

export const PrintJobStateSchema = z.enum(['queued', 'sending', 'done', 'uncertain', 'failed', 'cancelled']);
export const PrintJobSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  form: FormKindSchema,
  printerId: z.string(),
  copies: z.number().int(),
  state: PrintJobStateSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  /** Why it is waiting or stopped: a stable error code (printer-refused, printer-paper-out, …) the UI translates. */
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  reprintOf: z.string().nullable(),
  issuedAt: z.string(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

export const PrintJobsInputSchema = z
  .object({ dossierId: DossierId.optional(), states: z.array(PrintJobStateSchema).optional(), limit: z.number().int().min(1).max(500).default(50) })
  .strict();
export const PrintJobsOutputSchema = z.object({ jobs: z.array(PrintJobSchema) });
export const ReprintInputSchema = z.object({ jobId: z.string().min(1).max(64), printerId: z.string().min(1).max(64).optional() }).strict();

export const FormValuesOutputSchema = FormValuesSchema;
/**
 * Some of the values: a field left out keeps its current value. Built from the fields without their defaults,
 * because zod 4 fills a defaulted field even inside .partial(), which turned "change the hotline" into
 * "change the hotline and blank the place name" (found by the form-values pull; test in printing's handlers).
 */
const field = FormValuesSchema.shape;
export const FormValuesPatchSchema = z
  .object({
    governingBody: field.governingBody.unwrap().optional(),
    unitName: field.unitName.unwrap().optional(),
    placeName: field.placeName.unwrap().optional(),
    hotline: field.hotline.unwrap().optional(),
    issuingSystem: field.issuingSystem.unwrap().optional(),
    registerBook: field.registerBook.unwrap().optional(),
    twoCopies: field.twoCopies.unwrap().optional(),
    notes: field.notes.unwrap().optional(),
    bank: field.bank.unwrap().optional(),
    forceSet: field.forceSet.unwrap().optional(),
  })
  .strict();
