import type { FeeItem } from '../../../shared/contract/catalogue.ts';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { Receipt } from '../../../shared/contract/receipts.ts';
import { buildDocument, type DocumentExtra, type FeeLine } from '../../../shared/domain/forms/build.ts';
import type { FilledDocument, FormKind, FormTemplate, FormValues } from '../../../shared/domain/forms/model.ts';
import { selectTemplate } from '../../../shared/domain/forms/templates.ts';
import { formatVietnamInstant, parseInstant } from '../../../shared/domain/calendar/civil.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { JobExtra } from './repo.ts';

/** What a form needs from the other features, as plain functions (wired in create-core). */
export type DocumentSources = Readonly<{
  dossier(id: string): Dossier;
  formValues(): FormValues;
  /** Templates to choose from: the province's downloaded ones first, then the shipped ones. */
  templates(): readonly FormTemplate[];
  serverUrl(): string | null;
  /** The procedure's fee items in force on a date; empty when unknown. */
  fees(procedureCode: string, date: string): readonly FeeItem[];
  /** The details of the latest audit entry of a dossier with one of these actions (reason, items, receiver). */
  lastDetails(dossierId: string, actions: readonly string[]): Readonly<Record<string, unknown>> | null;
  /** Working days the dossier is late today (0 when it is not), for the apology letter; absent where unknown. */
  lateDays?(dossierId: string): number;
  /** A fee receipt as it stands now (provisional, issued, cancelled, replaced); not-found when unknown. */
  receipt(id: string): Receipt;
  /** Who took the money for a receipt (the clerk's name, else the account id); null when nobody is known. */
  collector?(receipt: Receipt): string | null;
}>;

const FIXED_UNITS = new Set(['dossier', 'case', 'registration']);

/**
 * Fees with a fixed amount per dossier that apply to the dossier's channel. Per-page or per-copy fees and
 * amounts set by each province need a count or a local amount the counter does not have yet (receipts issue):
 * they are left out rather than guessed, so the slip never asks for a wrong amount.
 */
export function fixedFees(items: readonly FeeItem[], channel: Dossier['channel']): FeeLine[] {
  return items
    .filter((fee) => fee.amount !== null && fee.amount > 0 && FIXED_UNITS.has(fee.unit) && fee.tiers === undefined && (fee.channel === 'any' || fee.channel === (channel === 'online' ? 'online' : 'direct')))
    .map((fee) => ({ name: fee.name, amount: fee.amount ?? 0 }));
}

const REASON_ACTIONS: Partial<Record<FormKind, readonly string[]>> = {
  supplement: ['dossier.requestSupplement'],
  refusal: ['dossier.refuse'],
  stop: ['dossier.stop', 'dossier.withdraw'],
  handover: ['dossier.returnResult'],
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export type DocumentRequest = Readonly<{
  dossierId: string;
  form: FormKind;
  issuedAt: string;
  copy?: 1 | 2 | null;
  reprintedAt?: string | null;
  extra?: JobExtra;
}>;

/** The filled form for a dossier: template in force on the issue date, the centre's values, fees, reasons. */
export function documentFor(sources: DocumentSources, request: DocumentRequest): FilledDocument {
  const dossier = sources.dossier(request.dossierId);
  const values = sources.formValues();
  // Read when the job prints, not when it was queued: a provisional receipt issued meanwhile prints its
  // number, and one cancelled meanwhile says so.
  const receipt = request.extra?.receiptId === undefined ? null : sources.receipt(request.extra.receiptId);
  if (receipt && (request.form !== 'receipt' || receipt.dossierId !== dossier.id)) {
    throw new CoreError('invalid-input', 'This receipt is not a fee receipt of this dossier', { receiptId: receipt.id, dossierId: dossier.id });
  }
  // A receipt is dated as it was issued: its date line, and the template in force that day.
  const issuedAt = receipt?.issuedAt ?? request.issuedAt;
  const issuedDate = formatVietnamInstant(parseInstant(issuedAt)).slice(0, 10);
  const template = selectTemplate(request.form, issuedDate, values.forceSet, sources.templates());
  if (!template) throw new CoreError('not-found', `No ${request.form} form is in force on ${issuedDate}`, { form: request.form, date: issuedDate });
  const actions = REASON_ACTIONS[request.form];
  const details = actions ? sources.lastDetails(dossier.id, actions) : null;
  const items = Array.isArray(details?.['items']) ? (details['items'] as unknown[]).filter((i): i is string => typeof i === 'string') : undefined;
  const reason = request.extra?.reason ?? text(details?.['reason']);
  const receiverName = request.extra?.receiverName ?? text(details?.['receiverName']) ?? (details === null || request.form !== 'handover' ? undefined : dossier.applicant.fullName);
  // The apology letter of a job says how late the dossier was when it was first printed (a reprint the same).
  const collectorName = receipt ? (sources.collector?.(receipt) ?? undefined) : undefined;
  const lateDays = request.form !== 'apology' ? undefined : (request.extra?.lateDays ?? sources.lateDays?.(dossier.id));
  // No fixed fee found is not "free": the amount may be set by the province. The slip then shows a blank.
  const fees = fixedFees(sources.fees(dossier.procedure.code, dossier.receivedAt.slice(0, 10)), dossier.channel);
  const extra: DocumentExtra = {
    ...(fees.length === 0 ? {} : { fees }),
    ...(reason === undefined ? {} : { reason }),
    ...(request.extra?.items ?? items ? { items: request.extra?.items ?? items } : {}),
    ...(receiverName === undefined ? {} : { receiverName }),
    ...(request.extra?.newDueAt === undefined ? {} : { newDueAt: request.extra.newDueAt }),
    ...(lateDays === undefined ? {} : { lateDays }),
    ...(collectorName === undefined ? {} : { collectorName }),
  };
  return buildDocument({ template, dossier, values, issuedAt, serverUrl: sources.serverUrl(), copy: request.copy ?? null, reprintedAt: request.reprintedAt ?? null, extra, receipt });
}
