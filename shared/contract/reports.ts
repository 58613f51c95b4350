import { z } from 'zod';
import { isLocalDate } from '../domain/calendar/civil.ts';
import { DossierStatusSchema } from './dossiers.ts';
import { InstantSchema } from './time-limit.ts';

/** A real calendar date (YYYY-MM-DD, Vietnam); today when left out. */
export const ReportDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((text) => isLocalDate(text), 'not a real date');

export const ReportKindSchema = z.enum(['register', 'receipts']);
export type ReportKind = z.infer<typeof ReportKindSchema>;

export const RegisterInputSchema = z.object({ date: ReportDateSchema.optional() }).strict();

/** One line of the register (Sổ theo dõi hồ sơ, Mẫu 07 of TT 03/2025, Mẫu 06 of TT 01/2018). */
export const RegisterRowSchema = z.object({
  id: z.string(),
  /** Số thứ tự in the register: the day's sequence of the dossier code (its last 4 digits). */
  registerNumber: z.string(),
  code: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  sets: z.number().int(),
  applicantName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  /** Cơ quan chủ trì giải quyết (the agency code the dossier was received for). */
  agencyCode: z.string(),
  receivedAt: InstantSchema,
  dueAt: InstantSchema,
  status: DossierStatusSchema,
  /** When the result was handed back, or (refused) when the dossier was refused. */
  finishedAt: InstantSchema.nullable(),
});
export type RegisterRow = z.infer<typeof RegisterRowSchema>;

export const RegisterReportSchema = z.object({
  date: z.string(),
  /** "Mẫu số 07" (TT 03/2025/TT-VPCP) or "Mẫu số 06" (TT 01/2018/TT-VPCP), by the day's date. */
  formNumber: z.string().nullable(),
  formSet: z.string(),
  /** Quyển số (the centre's form values), '' when not set. */
  registerBook: z.string(),
  received: z.array(RegisterRowSchema),
  /** Results returned and dossiers refused on the day. */
  finished: z.array(RegisterRowSchema),
});
export type RegisterReport = z.infer<typeof RegisterReportSchema>;

export const ReportExportInputSchema = z
  .object({ report: ReportKindSchema, date: ReportDateSchema.optional(), format: z.enum(['pdf', 'csv']) })
  .strict();
export const ReportExportOutputSchema = z.object({ path: z.string(), bytes: z.number().int() });

export const ReportPrintInputSchema = z
  .object({ report: ReportKindSchema, date: ReportDateSchema.optional(), printerId: z.string().min(1).max(64).optional() })
  .strict();
export const ReportPrintOutputSchema = z.object({ printerId: z.string(), printerName: z.string(), bytes: z.number().int(), printedAt: InstantSchema });
