import { z } from 'zod';
import { PushItemSchema, RECEIPT_PUSH_KINDS, type PushResult } from '../../../shared/contract/central-api.ts';
import { parseDossierCode } from '../../../shared/domain/dossiers/dossier-code.ts';
import type { SqlExecutor } from '../../db/sql.ts';
import { zodIssues } from '../../http/body.ts';
import { lockAgency } from '../agencies/repo.ts';
import { applyReceiptPush } from '../receipts/service.ts';
import type { CounterPrincipal } from '../counters/service.ts';
import { codeHeldByOther, findAppliedJob, findDossier, recordJob, upsertDossier } from './repo.ts';

/**
 * The envelope checked for the whole request; each item is checked on its own afterwards, so one invalid
 * item is `rejected` while the rest of the batch is applied. An item without a usable job id cannot be
 * answered item by item, so that alone fails the whole request (400).
 */
export const PushEnvelopeSchema = z.object({ items: z.array(z.looseObject({ jobId: z.uuid() })).min(1).max(500) }).strict();

const UUID = z.uuid();

type Rejection = Readonly<{ code: 'invalid-input' | 'forbidden'; message: string }>;

function checkItem(raw: unknown, counter: CounterPrincipal): { item: z.infer<typeof PushItemSchema> } | Rejection {
  const parsed = PushItemSchema.safeParse(raw);
  if (!parsed.success) return { code: 'invalid-input', message: zodIssues(parsed.error).map((issue) => `${issue.path}: ${issue.message}`).join('; ') };
  const { dossier } = parsed.data;
  if (!UUID.safeParse(dossier.id).success) return { code: 'invalid-input', message: 'dossier.id: must be a UUID' };
  if (dossier.agencyCode !== counter.agencyCode) return { code: 'forbidden', message: `dossier.agencyCode ${dossier.agencyCode} is not this counter's agency` };
  const code = parseDossierCode(dossier.code);
  if (!code || code.agencyCode !== counter.agencyCode) return { code: 'invalid-input', message: `dossier.code ${dossier.code} is not a code of agency ${counter.agencyCode}` };
  return { item: parsed.data };
}

/**
 * Applies a batch in one transaction under the agency's lock (so the code-collision check cannot race on
 * PostgreSQL). A snapshot is applied only when its version is newer than the stored one; a job id already
 * seen answers again without changing anything — a conflict stays a conflict, so a counter whose first
 * answer was lost still learns of it.
 */
export async function pushBatch(tx: SqlExecutor, counter: CounterPrincipal, items: readonly unknown[]): Promise<PushResult[]> {
  await lockAgency(tx, counter.agencyId);
  const results: PushResult[] = [];
  for (const raw of items) {
    const jobId = (raw as { jobId: string }).jobId;
    // Receipts signed at the counter travel in the same batches (docs/RECEIPTS.md).
    if (RECEIPT_PUSH_KINDS.includes(String((raw as { kind?: unknown }).kind))) {
      results.push(await applyReceiptPush(tx, counter, raw));
      continue;
    }
    const checked = checkItem(raw, counter);
    if (!('item' in checked)) {
      results.push({ jobId, outcome: 'rejected', code: checked.code, message: checked.message });
      continue;
    }
    results.push(await applyItem(tx, counter, checked.item));
  }
  return results;
}

async function applyItem(tx: SqlExecutor, counter: CounterPrincipal, item: z.infer<typeof PushItemSchema>): Promise<PushResult> {
  const { jobId, dossier } = item;
  const stored = await findDossier(tx, dossier.id);
  if (stored && stored.agency_id !== counter.agencyId) {
    return { jobId, outcome: 'rejected', code: 'forbidden', message: 'This dossier id belongs to another agency' };
  }
  const seen = await findAppliedJob(tx, jobId);
  if (seen) {
    const serverVersion = stored ? Number(stored.counter_version) : undefined;
    if (seen.outcome === 'conflict') return { jobId, outcome: 'conflict', code: 'dossier-code-collision', message: seen.message ?? undefined, serverVersion };
    return { jobId, outcome: 'unchanged', serverVersion };
  }
  if (stored && dossier.version <= Number(stored.counter_version)) {
    await recordJob(tx, { jobId, counterId: counter.counterId, dossierId: dossier.id, version: dossier.version, outcome: 'unchanged', code: null, message: null });
    return { jobId, outcome: 'unchanged', serverVersion: Number(stored.counter_version) };
  }
  const collision = await codeHeldByOther(tx, counter.agencyId, dossier.code, dossier.id);
  await upsertDossier(tx, { agencyId: counter.agencyId, counterId: counter.counterId, dossier, codeConflict: collision });
  const message = collision ? `Code ${dossier.code} is already held by another dossier; both are kept, this one flagged` : null;
  await recordJob(tx, {
    jobId,
    counterId: counter.counterId,
    dossierId: dossier.id,
    version: dossier.version,
    outcome: collision ? 'conflict' : 'applied',
    code: collision ? 'dossier-code-collision' : null,
    message,
  });
  if (collision) return { jobId, outcome: 'conflict', code: 'dossier-code-collision', message: message!, serverVersion: dossier.version };
  return { jobId, outcome: 'applied', serverVersion: dossier.version };
}
