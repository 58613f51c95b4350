import { z } from 'zod';
import { DOSSIER_STATUS_NAMES } from '../domain/dossiers/status.ts';
import { InstantSchema, TimeLimitSchema } from './time-limit.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const ApplicantSchema = z
  .object({
    /** National applicant kinds: 1 công dân, 2 doanh nghiệp, 3 cơ quan nhà nước, 4 tổ chức khác. */
    kind: z.enum(['citizen', 'business', 'agency', 'organisation']),
    fullName: text(200),
    /** 12-digit CCCD for citizens; tax code (10 or 13 digits) for organisations. */
    idNumber: z.string().trim().regex(/^\d{9,13}(-\d{3})?$/, 'digits only: 12-digit ID card or tax code').optional(),
    oldIdNumber: z.string().trim().regex(/^\d{9}(\d{3})?$/, '9 or 12 digits').optional(),
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').optional(),
    gender: z.enum(['male', 'female']).optional(),
    address: optionalText(500),
    phone: z.string().trim().regex(/^\+?\d[\d .-]{7,18}$/, 'a phone number').optional(),
    email: z.email().max(200).optional(),
    /** For an organisation: who came to the counter on its behalf. */
    representative: optionalText(200),
  })
  .strict();
export type Applicant = z.infer<typeof ApplicantSchema>;

export const PaperSchema = z
  .object({
    name: text(500),
    form: z.enum(['original', 'copy', 'certified-copy']),
    count: z.number().int().min(1).max(999),
    required: z.boolean().default(true),
    note: optionalText(500),
    /** SHA-256 of the scanned PDF, once scanning exists. */
    scanSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict();
export type Paper = z.infer<typeof PaperSchema>;

export const ResultDeliverySchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('counter') }).strict(),
  z.object({ method: z.literal('post'), address: text(500), phone: z.string().trim().max(20).optional() }).strict(),
]);

export const IntakeInputSchema = z
  .object({
    /** Client-made UUIDv7: a retried intake with the same id returns the same dossier, never a second one. */
    id: z.uuid().optional(),
    procedureCode: text(60),
    applicant: ApplicantSchema,
    channel: z.enum(['direct', 'online', 'post']).default('direct'),
    papers: z.array(PaperSchema).max(100).default([]),
    /** Số lượng hồ sơ (bộ). */
    sets: z.number().int().min(1).max(100).default(1),
    resultDelivery: ResultDeliverySchema.default({ method: 'counter' }),
    notes: optionalText(2000),
  })
  .strict();
export type IntakeInput = z.infer<typeof IntakeInputSchema>;

export const DossierStatusSchema = z.enum(DOSSIER_STATUS_NAMES);

export const DossierSchema = z.object({
  id: z.string(),
  code: z.string(),
  agencyCode: z.string(),
  procedure: z.object({ code: z.string(), name: z.string(), version: z.string(), timeLimit: TimeLimitSchema }),
  applicant: ApplicantSchema,
  channel: z.enum(['direct', 'online', 'post']),
  status: DossierStatusSchema,
  /** The national status code (2 được tiếp nhận … 10 đã trả kết quả). */
  statusCode: z.number().int(),
  receivedAt: InstantSchema,
  clockStartsAt: InstantSchema,
  /** The due date now, moved by every supplement pause; while paused, the date it had when paused. */
  dueAt: InstantSchema,
  papers: z.array(PaperSchema),
  sets: z.number().int(),
  resultDelivery: ResultDeliverySchema,
  notes: z.string().nullable(),
  /** Six digits the citizen uses with the dossier code on the look-up page. */
  lookupPin: z.string(),
  pausedAt: InstantSchema.nullable(),
  pausedWorkingMinutes: z.number().int().nonnegative(),
  returnedAt: InstantSchema.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type Dossier = z.infer<typeof DossierSchema>;

const DossierRef = { id: z.string().min(1).max(64), expectedVersion: z.number().int().positive().optional() };

export const ReasonInputSchema = z.object({ ...DossierRef, reason: text(2000) }).strict();
export const SupplementRequestInputSchema = z
  .object({ ...DossierRef, reason: text(2000), items: z.array(text(500)).min(1).max(50) })
  .strict();
export const DossierRefInputSchema = z.object(DossierRef).strict();
export const ReturnResultInputSchema = z
  .object({
    ...DossierRef,
    to: z.enum(['applicant', 'representative', 'post']),
    receiverName: optionalText(200),
    postalTrackingCode: optionalText(50),
    note: optionalText(1000),
  })
  .strict();

/** dossiers.reopen: the version is required — undoing a hand-over must be against the dossier the supervisor saw. */
export const ReopenInputSchema = z
  .object({ id: DossierRef.id, expectedVersion: z.number().int().positive(), reason: z.string().trim().min(5).max(500) })
  .strict();

export const DossierListInputSchema = z
  .object({
    filter: z.enum(['today', 'overdue', 'dueSoon', 'open', 'all']).default('today'),
    /** For dueSoon: due within this many working days. */
    withinWorkingDays: z.number().int().min(0).max(30).default(2),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const DossierSummarySchema = DossierSchema.pick({ id: true, code: true, status: true, statusCode: true, receivedAt: true, dueAt: true, overdue: true }).extend({
  applicantName: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
});
export type DossierSummary = z.infer<typeof DossierSummarySchema>;

export const DossierSearchInputSchema = z.object({ query: text(200), limit: z.number().int().min(1).max(200).default(50) }).strict();

/** What the apology and extension letter (Mẫu 04) needs about a late dossier. */
export const LatenessSchema = z.object({
  id: z.string(),
  code: z.string(),
  overdue: z.boolean(),
  dueAt: InstantSchema,
  /** Working days after the due day up to and including today (0 when due today and not yet late by a day). */
  workingDaysLate: z.number().int().nonnegative(),
  workingMinutesLate: z.number().int().nonnegative(),
});

export const AuditVerifyOutputSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The first entry whose hash or link does not match, when not ok. */
  brokenAtSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
