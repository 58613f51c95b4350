import { z } from 'zod';
import { ReceiptSchema } from '../../../shared/contract/receipts.ts';
import {
  AuditUploadRequestSchema,
  AuditUploadResponseSchema,
  BackofficeStatusRequestSchema,
  CENTRAL_PATHS,
  CalendarDownloadSchema,
  CentralErrorSchema,
  ClerksResponseSchema,
  CodeBlockRequestSchema,
  CodeBlockSchema,
  DocumentSearchRequestSchema,
  DocumentSearchResponseSchema,
  EnrolRequestSchema,
  EnrolResponseSchema,
  HealthSchema,
  PushRequestSchema,
  ReceiptIssueRequestSchema,
  PushResponseSchema,
  RotateCredentialResponseSchema,
  StatusChangeSchema,
  StatusChangesResponseSchema,
  UploadStartRequestSchema,
  UploadStateSchema,
  VersionedDocumentSchema,
} from '../../../shared/contract/central-api.ts';

type Auth = 'none' | 'counter' | 'backoffice';
type Operation = Readonly<{ summary: string; auth: Auth; request?: z.ZodType; response?: z.ZodType; status?: number; parameters?: object[]; etag?: boolean; raw?: string }>;

const schema = (type: z.ZodType) => z.toJSONSchema(type, { unrepresentable: 'any', io: 'input' });
const jsonContent = (type: z.ZodType) => ({ 'application/json': { schema: schema(type) } });
const errorResponse = { description: 'Error envelope with a stable code', content: jsonContent(CentralErrorSchema) };

function operation(op: Operation): object {
  const responses: Record<string, object> = {
    [String(op.status ?? 200)]: op.raw ? { description: 'OK', content: { [op.raw]: {} } } : { description: 'OK', ...(op.response ? { content: jsonContent(op.response) } : {}) },
    default: errorResponse,
  };
  if (op.etag) responses['304'] = { description: 'Not modified (If-None-Match matched the ETag)' };
  return {
    summary: op.summary,
    ...(op.auth === 'none' ? { security: [] } : { security: [{ [op.auth]: [] }] }),
    ...(op.parameters ? { parameters: op.parameters } : {}),
    ...(op.request ? { requestBody: { required: true, content: jsonContent(op.request) } } : {}),
    responses,
  };
}

const shaParam = { name: 'sha256', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' } };

/** The OpenAPI 3.1 document, generated from the same zod schemas the server validates with. */
export function openApiDocument(): object {
  const paths: Record<string, Record<string, object>> = {
    [CENTRAL_PATHS.health]: { get: operation({ summary: 'Liveness and server time (clock check)', auth: 'none', response: HealthSchema }) },
    [CENTRAL_PATHS.openapi]: { get: operation({ summary: 'This document', auth: 'none' }) },
    [CENTRAL_PATHS.enrol]: { post: operation({ summary: 'One-time enrolment code → counter credential', auth: 'none', request: EnrolRequestSchema, response: EnrolResponseSchema, status: 201 }) },
    [CENTRAL_PATHS.rotateCredential]: { post: operation({ summary: 'New credential for the calling counter', auth: 'counter', response: RotateCredentialResponseSchema }) },
    [CENTRAL_PATHS.push]: { post: operation({ summary: 'Upsert dossiers by client id (per-item outcomes)', auth: 'counter', request: PushRequestSchema, response: PushResponseSchema }) },
    [CENTRAL_PATHS.auditEntries]: { post: operation({ summary: "Append to the counter's audit chain (re-verified)", auth: 'counter', request: AuditUploadRequestSchema, response: AuditUploadResponseSchema }) },
    [CENTRAL_PATHS.statusChanges]: {
      get: operation({
        summary: "Back-office status changes of the agency's dossiers after a cursor",
        auth: 'counter',
        response: StatusChangesResponseSchema,
        parameters: [
          { name: 'after', in: 'query', schema: { type: 'integer', minimum: 0 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
        ],
      }),
    },
    [CENTRAL_PATHS.codeBlocks]: { post: operation({ summary: "Reserve a block of the agency's daily sequence", auth: 'counter', request: CodeBlockRequestSchema, response: CodeBlockSchema, status: 201 }) },
    [CENTRAL_PATHS.catalogue]: { get: operation({ summary: 'Procedure catalogue release', auth: 'counter', response: VersionedDocumentSchema, etag: true }) },
    [CENTRAL_PATHS.calendars]: { get: operation({ summary: 'Yearly working-day schedules', auth: 'counter', response: CalendarDownloadSchema, etag: true }) },
    [CENTRAL_PATHS.formTemplates]: { get: operation({ summary: 'Form templates', auth: 'counter', response: VersionedDocumentSchema, etag: true }) },
    [CENTRAL_PATHS.clerks]: { get: operation({ summary: "The agency's clerk accounts (slow hashes) for offline sign-in", auth: 'counter', response: ClerksResponseSchema, etag: true }) },
    [CENTRAL_PATHS.uploads]: { post: operation({ summary: 'Start (or find) a resumable upload by SHA-256', auth: 'counter', request: UploadStartRequestSchema, response: UploadStateSchema }) },
    [`${CENTRAL_PATHS.uploads}/{sha256}`]: {
      get: operation({ summary: "The verified file, to a counter of an agency whose dossier names it (else 404)", auth: 'counter', raw: 'application/pdf', parameters: [shaParam] }),
      head: operation({ summary: 'Current offset in the Upload-Offset header', auth: 'counter', parameters: [shaParam] }),
      patch: operation({
        summary: 'Append a chunk (Upload-Offset header, application/offset+octet-stream body, ≤ 8 MiB)',
        auth: 'counter',
        response: UploadStateSchema,
        parameters: [shaParam, { name: 'Upload-Offset', in: 'header', required: true, schema: { type: 'integer', minimum: 0 } }],
      }),
    },
    [CENTRAL_PATHS.documentSearch]: {
      post: operation({
        summary: "The agency's scans of a citizen by ID number (in the body, not the URL), for reuse; no file names; rate-limited per counter",
        auth: 'counter',
        request: DocumentSearchRequestSchema,
        response: DocumentSearchResponseSchema,
      }),
    },
    [CENTRAL_PATHS.receipts]: {
      post: operation({ summary: 'Issue a receipt under the server certificate; idempotent by its id (200 when already issued)', auth: 'counter', request: ReceiptIssueRequestSchema, response: ReceiptSchema, status: 201 }),
    },
    [`${CENTRAL_PATHS.receipts}/{id}`]: {
      get: operation({ summary: 'Look a receipt up by its id (the client transaction UUID) before any retry', auth: 'counter', response: ReceiptSchema, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }] }),
    },
    [CENTRAL_PATHS.backofficeStatus]: {
      post: operation({
        summary: "Change a dossier's status from the back office",
        auth: 'backoffice',
        request: BackofficeStatusRequestSchema,
        response: z.object({ change: StatusChangeSchema.nullable() }),
        status: 201,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      }),
    },
    [CENTRAL_PATHS.lookupPage]: {
      get: operation({
        summary: 'Citizen look-up page (Vietnamese HTML)',
        auth: 'none',
        raw: 'text/html',
        parameters: [
          { name: 'ma', in: 'query', schema: { type: 'string' } },
          { name: 'pin', in: 'query', schema: { type: 'string', pattern: '^\\d{6}$' } },
        ],
      }),
    },
    [CENTRAL_PATHS.receiptLookupPage]: {
      get: operation({
        summary: "Citizen receipt look-up page by the receipt's look-up code (Vietnamese HTML)",
        auth: 'none',
        raw: 'text/html',
        parameters: [{ name: 'ma', in: 'query', schema: { type: 'string', pattern: '^[A-Z0-9]{6,16}$' } }],
      }),
    },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Một Cửa Desk central server', version: '1', description: 'Counter ↔ central one-stop server API (shared/contract/central-api.ts).' },
    components: {
      securitySchemes: {
        counter: { type: 'http', scheme: 'bearer', description: '<counterId>.<secret> from enrolment' },
        backoffice: { type: 'http', scheme: 'bearer', description: 'A back-office key made with the admin CLI' },
      },
    },
    paths,
  };
}
