import type { FeeChoices, FeeQuote, PaymentMethod } from '../../../../shared/contract/receipts.ts';
import type { MessageKey } from '../../../i18n/messages.ts';

/**
 * What the clerk chose on the fee step, as typed (strings: nothing is lost while half typed), and the pure
 * rules that turn it into the core's fee choices and payment: counts for per-page fees, one exemption with its
 * reason for all the procedure's fees, extra services, cash received → change.
 */
export type FeeStepDraft = Readonly<{
  exempt: boolean;
  exemptReason: string;
  /** Fee items the clerk left out: the catalogue's alternatives that this dossier does not file. */
  omitted: readonly string[];
  /** Per-page fee items: pages and copies as typed, by fee id. */
  counts: Readonly<Record<string, Readonly<{ quantity: string; copies: string }>>>;
  /** Extra services: quantity as typed, by service id ('' or 0: not sold). */
  services: Readonly<Record<string, string>>;
  method: PaymentMethod;
  /** Cash handed over, as typed; empty means exactly the total. */
  received: string;
  bankReference: string;
}>;

export const emptyFeeStep: FeeStepDraft = { exempt: false, exemptReason: '', omitted: [], counts: {}, services: {}, method: 'cash', received: '', bankReference: '' };

/** Exemption reasons are recorded on the receipt: the contract wants 3 … 500 characters. */
export const REASON_MIN = 3;
export const REASON_MAX = 500;

/** Whole VND as clerks type it: "200000", "200.000", "200 000", "200,000". Null when it is not a whole amount. */
export function parseVnd(text: string): number | null {
  const compact = text.trim().replace(/[\s.,]/g, '').replace(/(đ|d|vnd)$/i, '');
  if (!/^\d{1,13}$/.test(compact)) return null;
  return Number(compact);
}

export type ChangeResult =
  | Readonly<{ ok: true; received: number; change: number }>
  | Readonly<{ ok: false; problem: 'payment.error.receivedInvalid' | 'payment.error.receivedShort'; short?: number }>;

/** Cash: what was handed over and the change to give back. An empty field is the exact amount. */
export function cashChange(total: number, receivedText: string): ChangeResult {
  if (receivedText.trim() === '') return { ok: true, received: total, change: 0 };
  const received = parseVnd(receivedText);
  if (received === null) return { ok: false, problem: 'payment.error.receivedInvalid' };
  if (received < total) return { ok: false, problem: 'payment.error.receivedShort', short: total - received };
  return { ok: true, received, change: received - total };
}

function positiveInt(text: string): number | null {
  const value = parseVnd(text);
  return value !== null && value >= 1 ? value : null;
}

/** Fee items the core needs a count for (`<feeId>:quantity` in `missing`, or already counted by the clerk). */
export function countedFeeIds(quote: FeeQuote | null, draft: FeeStepDraft): string[] {
  const asked = (quote?.missing ?? []).filter((id) => id.endsWith(':quantity')).map((id) => id.slice(0, -':quantity'.length));
  return [...new Set([...asked, ...Object.keys(draft.counts)])];
}

/** Fee items without a local amount (not a count): only the administrator can fix those. */
export function amountsMissing(quote: FeeQuote | null): string[] {
  return (quote?.missing ?? []).filter((id) => !id.endsWith(':quantity'));
}

/**
 * The fee choices the core quotes and records. Unfinished counts are left out (the quote then lists them as
 * missing), and the exemption applies to the procedure's fee and charge lines, never to services sold.
 */
export function toFeeChoices(draft: FeeStepDraft, feeLineIds: readonly string[]): FeeChoices {
  const quantities = Object.entries(draft.counts).flatMap(([feeId, count]) => {
    const quantity = positiveInt(count.quantity);
    const copies = count.copies.trim() === '' ? 1 : positiveInt(count.copies);
    return quantity === null || copies === null ? [] : [{ feeId, quantity, copies }];
  });
  const reason = draft.exemptReason.trim();
  const exemptions = draft.exempt && reason.length >= REASON_MIN ? feeLineIds.map((feeId) => ({ feeId, reason: reason.slice(0, REASON_MAX) })) : [];
  const services = Object.entries(draft.services).flatMap(([serviceId, text]) => {
    const quantity = text.trim() === '' ? null : positiveInt(text);
    return quantity === null ? [] : [{ serviceId, quantity }];
  });
  return { quantities, exemptions, omitted: [...draft.omitted], services };
}

/** Leaves a fee item out, or puts it back. */
export function toggleOmitted(draft: FeeStepDraft, feeId: string): FeeStepDraft {
  const omitted = draft.omitted.includes(feeId) ? draft.omitted.filter((id) => id !== feeId) : [...draft.omitted, feeId];
  return { ...draft, omitted };
}

/** The ids of the quote's own fee items (catalogue fees and charges, not services). */
export function feeLineIds(quote: FeeQuote | null): string[] {
  return (quote?.lines ?? []).filter((line) => line.kind !== 'service').map((line) => line.id);
}

/** A procedure with nothing to pay and nothing to decide: the fee step is skipped. */
export function isFree(quote: FeeQuote): boolean {
  // Asked with no choices at all: a line left out later does not make the procedure free.
  return quote.missing.length === 0 && quote.lines.every((line) => line.amount === 0 && line.exemptReason === null);
}

export type StepProblem = Readonly<{ field: 'exemptReason' | 'received' | 'counts' | 'amounts' | 'bank'; message: MessageKey; params?: Readonly<Record<string, number>> }>;

/**
 * What stops the payment, first the one the clerk should fix first; none when the clerk may record it. The
 * core checks all of it again: this is for a clear message next to the field before anything is sent.
 */
export function paymentProblem(draft: FeeStepDraft, quote: FeeQuote): StepProblem | null {
  if (draft.exempt && draft.exemptReason.trim().length < REASON_MIN) return { field: 'exemptReason', message: 'payment.error.reasonRequired' };
  if (amountsMissing(quote).length > 0) return { field: 'amounts', message: 'payment.error.amountMissing' };
  if (quote.missing.length > 0) return { field: 'counts', message: 'payment.error.countMissing' };
  if (draft.method === 'cash') {
    const change = cashChange(quote.total, draft.received);
    if (!change.ok) return { field: 'received', message: change.problem, ...(change.short === undefined ? {} : { params: { short: change.short } }) };
  } else {
    if (quote.total === 0) return { field: 'bank', message: 'payment.error.nothingToTransfer' };
    if (quote.vietqr === null) return { field: 'bank', message: 'payment.error.noBankAccount' };
  }
  return null;
}
