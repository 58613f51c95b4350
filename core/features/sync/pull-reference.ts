import type { z } from 'zod';
import {
  CalendarDownloadSchema,
  CENTRAL_PATHS,
  ClerksResponseSchema,
  VersionedDocumentSchema,
} from '../../../shared/contract/central-api.ts';
import { toVietnamIso } from '../../../shared/domain/time/vietnam-time.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import type { StepResult, SyncStepContext } from './push.ts';
import { readReferenceVersion, recordReferenceVersion, type ReferenceKind } from './reference-versions-repo.ts';

type Clerks = z.output<typeof ClerksResponseSchema>;
type Document = z.output<typeof VersionedDocumentSchema>;
type Calendars = z.output<typeof CalendarDownloadSchema>;

/**
 * How each kind of reference data reaches the feature that owns it. Each applier runs inside the transaction
 * that records the new version, so the stored ETag never runs ahead of the data: a throw keeps both the old
 * copy and the old version (and the next pull fetches it again). Kinds without an applier are not pulled.
 */
export type ReferenceAppliers = Readonly<{
  clerks?: (db: CounterDatabase, clerks: Clerks['clerks']) => void;
  catalogue?: (db: CounterDatabase, body: unknown) => void;
  calendars?: (db: CounterDatabase, years: Calendars['years']) => void;
  formTemplates?: (db: CounterDatabase, body: unknown) => void;
  /** After a commit that changed a kind (e.g. a disabled clerk's session ends now). */
  applied?: (kind: ReferenceKind) => void;
}>;

type Outcome = 'unchanged' | 'applied' | 'absent' | 'refused' | Exclude<StepResult, 'done'>;

/**
 * One conditional GET: `If-None-Match` with the version we hold, so an unchanged kind costs a 304 and no
 * write at all. A 404 means the server holds none of this kind yet: nothing to do.
 */
async function pullOne<S extends z.ZodType<{ version: string }>>(
  ctx: SyncStepContext,
  kind: ReferenceKind,
  path: string,
  schema: S,
  apply: (db: CounterDatabase, value: z.output<S>) => void,
): Promise<Outcome> {
  const held = readReferenceVersion(ctx.db(), kind);
  const answer = await ctx.client.call({ method: 'GET', path, ...(held?.etag ? { ifNoneMatch: held.etag } : {}) }, schema.optional());
  if (ctx.stopped()) return 'unchanged';
  if (!answer.ok) {
    const { failure } = answer;
    if (failure.kind === 'client-error' && failure.status === 404) {
      ctx.report(null);
      return 'absent';
    }
    ctx.report(failure);
    if (failure.kind === 'refused') return 'paused';
    if (failure.kind === 'client-error') ctx.logger.warn('reference pull refused', { kind, code: failure.code });
    return 'retry-later';
  }
  ctx.report(null);
  const value = answer.value;
  if (value === undefined || value.version === held?.version) return 'unchanged';
  const db = ctx.db();
  try {
    db.transaction(() => {
      apply(db, value);
      // The server's ETag is the quoted version (server/features/reference/routes.ts).
      recordReferenceVersion(db, { kind, version: value.version, etag: `"${value.version}"`, pulledAt: toVietnamIso(ctx.clock.now()) });
    })();
  } catch (error) {
    // A document this counter cannot use (an inconsistent catalogue): keep what we have, say so for IT.
    ctx.logger.warn('reference data not applied', { kind, version: value.version.slice(0, 80), reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    return 'refused';
  }
  ctx.logger.info('reference data applied', { kind, version: value.version.slice(0, 80) });
  return 'applied';
}

/**
 * The reference pull step of a drain (timer and sync.now only): clerks first, since sign-in depends on them,
 * then catalogue, calendars and form templates. Stops at the first network or credential failure.
 */
export async function pullReferenceData(ctx: SyncStepContext, appliers: ReferenceAppliers): Promise<StepResult> {
  const steps: (readonly [ReferenceKind, () => Promise<Outcome>])[] = [];
  const { clerks, catalogue, calendars, formTemplates } = appliers;
  if (clerks) steps.push(['clerks', () => pullOne(ctx, 'clerks', CENTRAL_PATHS.clerks, ClerksResponseSchema, (db, value) => clerks(db, value.clerks))]);
  if (catalogue) steps.push(['catalogue', () => pullOne(ctx, 'catalogue', CENTRAL_PATHS.catalogue, VersionedDocumentSchema, (db, value: Document) => catalogue(db, value.body))]);
  if (calendars) steps.push(['calendars', () => pullOne(ctx, 'calendars', CENTRAL_PATHS.calendars, CalendarDownloadSchema, (db, value) => calendars(db, value.years))]);
  if (formTemplates) steps.push(['form-templates', () => pullOne(ctx, 'form-templates', CENTRAL_PATHS.formTemplates, VersionedDocumentSchema, (db, value: Document) => formTemplates(db, value.body))]);
  for (const [kind, step] of steps) {
    if (ctx.stopped()) return 'done';
    const outcome = await step();
    if (outcome === 'paused' || outcome === 'retry-later') return outcome;
    if (outcome === 'applied') appliers.applied?.(kind);
  }
  return 'done';
}
