import type { Payment, Receipt } from '../../../../shared/contract/receipts.ts';
import type { MessageKey } from '../../../i18n/messages.ts';

/**
 * What the dossier screen offers for each receipt, and why an action is off. Only what the screen shows: the
 * core decides again (shared/contract/access.ts: cancel and replace are a supervisor's; the receipts feature
 * refuses a state that does not allow them). Whether the session is a supervisor's: isSupervisor in ../supervisor.ts.
 */
export type ReceiptActionKind = 'reprint' | 'cancel' | 'replace';
export type ReceiptAction = Readonly<{ kind: ReceiptActionKind; enabled: boolean; why: MessageKey | null }>;

/**
 * Reprint always (a cancelled receipt reprints marked ĐÃ HỦY, which is what a citizen holding it must see);
 * cancel a valid one (issued or provisional); replace only an issued one (the replacement cites its number).
 */
export function receiptActions(receipt: Pick<Receipt, 'status'>, supervisor: boolean): ReceiptAction[] {
  const actions: ReceiptAction[] = [{ kind: 'reprint', enabled: true, why: null }];
  const live = receipt.status === 'issued' || receipt.status === 'provisional';
  if (live) actions.push({ kind: 'cancel', enabled: supervisor, why: supervisor ? null : 'fees.action.needSupervisor' });
  if (receipt.status === 'issued') actions.push({ kind: 'replace', enabled: supervisor, why: supervisor ? null : 'fees.action.needSupervisor' });
  if (receipt.status === 'provisional') actions.push({ kind: 'replace', enabled: false, why: 'fees.action.replaceProvisional' });
  return actions;
}

type TimelineFacts = Readonly<{ at: string; action: string; details: Readonly<Record<string, unknown>> }>;

/**
 * When the central server's number came for a receipt first stored as a phiếu thu tạm: the audit entry the
 * counter writes on adopting it (`receipt.issued`, `by: 'central'`). Null for a receipt that was never provisional.
 */
export function officialArrivedAt(receipt: Pick<Receipt, 'id' | 'status'>, timeline: readonly TimelineFacts[]): string | null {
  if (receipt.status === 'provisional') return null;
  const entry = timeline.find((item) => item.action === 'receipt.issued' && item.details.receiptId === receipt.id && item.details.by === 'central');
  return entry?.at ?? null;
}

/** Payments none of whose receipts still counts: each needs a new receipt (receipts.issue), never a new payment. */
export function paymentsOwingReceipt(payments: readonly Payment[], receipts: readonly Pick<Receipt, 'paymentId' | 'status'>[]): Payment[] {
  return payments.filter((payment) => !receipts.some((receipt) => receipt.paymentId === payment.id && (receipt.status === 'issued' || receipt.status === 'provisional')));
}

export const REASON_MIN = 3;
export const REASON_MAX = 500;

/** The reason a cancellation or replacement carries (the contract wants 3 … 500 characters, trimmed). */
export function reasonProblem(text: string): MessageKey | null {
  return text.trim().length < REASON_MIN ? 'fees.form.reasonShort' : null;
}

