import { z } from 'zod';
import { FormValuesSchema } from '../domain/forms/model.ts';
import { FormTemplateListSchema } from '../domain/forms/template-schema.ts';
import { DossierSchema } from './dossiers.ts';
import { ReceiptLineSchema, ReceiptSchema } from './receipts.ts';

/**
 * The wire contract between a counter and the central one-stop server (server/ implements it, core's sync
 * feature calls it). JSON over HTTP under /api/v1; the server serves this as OpenAPI at /api/v1/openapi.json.
 *
 * Authentication: `Authorization: Bearer <counterId>.<secret>` for counters (from enrolment), or
 * `Bearer <back-office key>` for /backoffice routes. Every answer carries a `Date` header (clock check).
 * Every error is `{ error: { code, message, messageVi, details? } }` with a stable kebab-case `code`.
 *
 * Idempotency: dossiers are keyed by the counter-made UUIDv7 `id`; a snapshot is applied only when its
 * `version` is newer than the one the server holds, so a retried or duplicated request changes nothing.
 */
export const CENTRAL_PATHS = {
  health: '/api/v1/health',
  openapi: '/api/v1/openapi.json',
  enrol: '/api/v1/enrolments',
  rotateCredential: '/api/v1/credentials/rotate',
  push: '/api/v1/sync/push',
  auditEntries: '/api/v1/audit-entries',
  statusChanges: '/api/v1/status-changes',
  codeBlocks: '/api/v1/code-blocks',
  catalogue: '/api/v1/catalogue',
  calendars: '/api/v1/calendars',
  formTemplates: '/api/v1/form-templates',
  clerks: '/api/v1/clerks',
  /** POST to start (or find) an upload by SHA-256; HEAD/PATCH `uploads/<sha256>` for offset and chunks. */
  uploads: '/api/v1/uploads',
  /** POST `{ idNumber }` (in the body, never the URL: URLs end up in logs): the agency's scans of that citizen. */
  documentSearch: '/api/v1/documents/search',
  /** POST: issue a receipt for a counter (idempotent by its id); GET `receipts/<id>`: look it up before any retry. */
  receipts: '/api/v1/receipts',
  backofficeStatus: '/api/v1/backoffice/dossiers/{id}/status',
  lookupPage: '/tra-cuu',
  /** `?ma=<the receipt's look-up code (MTCuu)>`: a receipt's series, number, amount and status, for citizens. */
  receiptLookupPage: '/tra-cuu/bien-lai',
} as const;

export const CENTRAL_ERROR_CODES = [
  'invalid-input',
  'unauthorized',
  'credential-revoked',
  'enrolment-code-invalid',
  'forbidden',
  'not-found',
  'dossier-code-collision',
  'audit-chain-gap',
  'audit-chain-mismatch',
  'upload-offset-mismatch',
  'upload-checksum-mismatch',
  'payload-too-large',
  'rate-limited',
  'code-space-exhausted',
  'receipt-number-collision',
  'receipt-signature-invalid',
  'receipt-signer-untrusted',
  'receipt-xml-mismatch',
  'internal',
] as const;
export const CentralErrorCodeSchema = z.enum(CENTRAL_ERROR_CODES);
export type CentralErrorCode = z.infer<typeof CentralErrorCodeSchema>;

export const CentralErrorSchema = z.object({
  error: z.object({ code: CentralErrorCodeSchema, message: z.string(), messageVi: z.string(), details: z.unknown().optional() }),
});

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const AgencyCode = z.string().regex(/^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$/);

export const HealthSchema = z.object({ ok: z.literal(true), serverTime: z.iso.datetime(), apiVersion: z.literal(1) });

// --- Enrolment --------------------------------------------------------------------------------------

export const EnrolRequestSchema = z
  .object({
    code: z.string().trim().min(6).max(64),
    deviceName: z.string().trim().min(1).max(100),
    /**
     * Random per enrolment attempt sequence, kept by the counter until it holds a credential. The same code with
     * the same nonce within 15 minutes of its redemption answers again with a fresh credential for the same
     * counter (the earlier one stops working), so a lost answer does not burn the code. Without it, one try.
     */
    clientNonce: z.uuid().optional(),
  })
  .strict();
export const EnrolResponseSchema = z.object({
  counterId: z.uuid(),
  /** Shown once; the server keeps only a hash of it. */
  credential: z.string().min(20),
  agencyCode: AgencyCode,
  agencyName: z.string(),
  counterName: z.string(),
  /** The counter's slot in the agency's offline partition of the daily sequence (docs/DOSSIER-CODES.md). */
  slot: z.number().int().min(1).max(40),
  serverTime: z.iso.datetime(),
});
export type EnrolResponse = z.infer<typeof EnrolResponseSchema>;
export const RotateCredentialResponseSchema = z.object({ credential: z.string().min(20) });

// --- Up: dossiers -------------------------------------------------------------------------------------

export const PushItemSchema = z.object({
  /** The outbox job's id: the server records it, so a duplicated request is recognised. */
  jobId: z.uuid(),
  kind: z.literal('dossier.upserted'),
  dossier: DossierSchema,
});
/** A receipt the counter signed itself (local-signed), or its cancellation: the full record, applied when its version is newer. */
export const ReceiptPushItemSchema = z.object({ jobId: z.uuid(), kind: z.enum(['receipt.issued', 'receipt.cancelled']), receipt: ReceiptSchema });
export const RECEIPT_PUSH_KINDS: readonly string[] = ReceiptPushItemSchema.shape.kind.options;
export const PushRequestSchema = z.object({ items: z.array(z.union([PushItemSchema, ReceiptPushItemSchema])).min(1).max(500) }).strict();
export type PushItem = z.infer<typeof PushItemSchema>;
export type ReceiptPushItem = z.infer<typeof ReceiptPushItemSchema>;

/**
 * Per item: applied (stored or updated), unchanged (the server already had this version or a newer one),
 * conflict (kept on both sides, e.g. a dossier code another dossier already holds: see `code`), rejected
 * (the item itself is invalid: the counter moves it to dead letters with the reason; others carry on).
 */
export const PushResultSchema = z.object({
  jobId: z.uuid(),
  outcome: z.enum(['applied', 'unchanged', 'conflict', 'rejected']),
  code: CentralErrorCodeSchema.optional(),
  message: z.string().optional(),
  /** The server's version of the dossier after this item. */
  serverVersion: z.number().int().optional(),
});
export const PushResponseSchema = z.object({ results: z.array(PushResultSchema), serverTime: z.iso.datetime() });
export type PushResult = z.infer<typeof PushResultSchema>;

// --- Up: audit log ------------------------------------------------------------------------------------

/** One counter audit entry exactly as stored and hashed on the counter (`details` is the stored JSON text). */
export const AuditEntryWireSchema = z.object({
  seq: z.number().int().positive(),
  id: z.uuid(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  details: z.string(),
  prevHash: Sha256,
  hash: Sha256,
});
export type AuditEntryWire = z.infer<typeof AuditEntryWireSchema>;
export const AuditUploadRequestSchema = z.object({ entries: z.array(AuditEntryWireSchema).min(1).max(1000) }).strict();
/** A gap answers 409 `audit-chain-gap` with details `{ expectedSeq }`; the counter resends from there. */
export const AuditUploadResponseSchema = z.object({ acceptedThroughSeq: z.number().int().nonnegative() });

// --- Down: status changes (cursor) ----------------------------------------------------------------------

export const StatusChangeSchema = z.object({
  cursor: z.number().int().positive(),
  dossierId: z.string(),
  code: z.string(),
  status: DossierSchema.shape.status,
  at: z.iso.datetime({ offset: true }),
  by: z.string(),
  note: z.string().nullable(),
});
export type StatusChange = z.infer<typeof StatusChangeSchema>;
/** GET statusChanges?after=<cursor>&limit=<n> → only this counter's agency's dossiers, in cursor order. */
export const StatusChangesResponseSchema = z.object({ changes: z.array(StatusChangeSchema), nextCursor: z.number().int().nonnegative() });

export const BackofficeStatusRequestSchema = z
  .object({ status: DossierSchema.shape.status, note: z.string().trim().max(2000).optional(), by: z.string().trim().min(1).max(200) })
  .strict();

// --- Dossier code blocks for offline days ----------------------------------------------------------------

export const CodeBlockRequestSchema = z.object({ day: z.string().regex(/^\d{6}$/, 'yyMMdd'), count: z.number().int().min(1).max(1000) }).strict();
/** Blocks come from below the offline partition (sequences 1…5999), disjoint across the agency's counters. */
export const CodeBlockSchema = z.object({ agencyCode: AgencyCode, day: z.string(), first: z.number().int(), last: z.number().int(), reservedAt: z.iso.datetime() });

// --- Down: reference data with versions (ETag / If-None-Match) ------------------------------------------------

export const VersionedDocumentSchema = z.object({ version: z.string(), body: z.unknown() });
export const ClerkAccountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  /** A slow hash (scrypt, with its parameters in the string) so clerks sign in offline. */
  passwordHash: z.string(),
  roles: z.array(z.enum(['clerk', 'supervisor'])),
  disabled: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export const ClerksResponseSchema = z.object({ version: z.string(), clerks: z.array(ClerkAccountSchema) });
/**
 * The body of GET form-templates: the centre's adjustable form values (header names, place, hotline, notes,
 * bank account …, the shape of printing.formValues). Only the fields present are the centre's: a counter
 * applies exactly those and keeps its own for the others, so parse for validity but take the present keys.
 * Unknown fields inside `formValues` make the whole document invalid; other top-level keys are left for
 * later kinds of content (templates themselves).
 */
/**
 * The form-templates document: the centre's form values (only the fields named change on the counter) and,
 * when present, the province's own templates (the whole list replaces the counter's downloaded ones; shipped
 * templates stay underneath, and a downloaded one wins where both are in force).
 */
export const FormTemplatesBodySchema = z
  .looseObject({ formValues: FormValuesSchema.partial().strict().optional(), templates: FormTemplateListSchema.optional() })
  .refine((body) => body.formValues !== undefined || body.templates !== undefined, { message: 'A form-templates document has formValues, templates or both' });
export const CalendarDownloadSchema = z.object({ version: z.string(), years: z.array(z.object({ year: z.number().int(), body: z.unknown() })) });

// --- Scans: resumable chunked upload -------------------------------------------------------------------------

export const UploadStartRequestSchema = z
  .object({
    sha256: Sha256,
    size: z.number().int().positive().max(1024 ** 3),
    dossierId: z.string(),
    mediaType: z.string().max(100),
    /** The PDF's page count, so a counter looking the document up for reuse sees it without the file. */
    pages: z.number().int().positive().max(10_000).optional(),
  })
  .strict();
/** `complete` when the server already holds a verified file with this SHA-256 (nothing to send). */
export const UploadStateSchema = z.object({ sha256: Sha256, size: z.number().int(), offset: z.number().int().nonnegative(), complete: z.boolean() });
export type UploadState = z.infer<typeof UploadStateSchema>;
/** PATCH uploads/<sha256>: header `Upload-Offset: <n>`, body application/offset+octet-stream, ≤ 8 MiB a chunk. */
export const MAX_UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

// --- Scans: reuse for the same citizen (docs/SERVER.md, "Document search") ------------------------------------
// GET uploads/<sha256> answers the verified file (application/pdf) to a counter of an agency that holds it.

export const DocumentSearchRequestSchema = z.object({ idNumber: z.string().trim().regex(/^\d{9}(\d{3})?$/) }).strict();
/** One paper of one of the agency's dossiers whose applicant has that ID number, and whose scan the server holds. */
export const ServerDocumentSchema = z.object({
  sha256: Sha256,
  paperName: z.string(),
  dossierId: z.string(),
  dossierCode: z.string(),
  /** When the server first heard of the file (ISO 8601). */
  createdAt: z.string(),
  /** 0 when the counter that sent it did not say. */
  pages: z.number().int().nonnegative(),
  size: z.number().int().positive(),
});
export type ServerDocument = z.infer<typeof ServerDocumentSchema>;
export const DocumentSearchResponseSchema = z.object({ documents: z.array(ServerDocumentSchema) });

// --- Citizen look-up (/tra-cuu) ------------------------------------------------------------------------------

export const LookupQuerySchema = z.object({ ma: z.string().trim().min(1).max(40), pin: z.string().trim().regex(/^\d{6}$/) });

// --- Receipts issued by the central server (provider `server`) -------------------------------------------------

/** The counter's provisional receipt, to be issued by the server under its own certificate and series. */
export const ReceiptIssueRequestSchema = z
  .object({
    id: z.uuid(),
    dossierId: z.string().max(64),
    dossierCode: z.string().max(40),
    paymentId: z.string().max(64),
    method: z.enum(['cash', 'transfer']),
    amount: z.number().int().nonnegative(),
    payerName: z.string().max(200),
    buyerAddress: z.string().max(500),
    lines: z.array(ReceiptLineSchema).min(1).max(60),
    lookupCode: z.string().regex(/^[A-Z0-9]{6,16}$/),
    requestedAt: z.string(),
    replaces: z.uuid().nullable(),
  })
  .strict();
export type ReceiptIssueRequest = z.infer<typeof ReceiptIssueRequestSchema>;
