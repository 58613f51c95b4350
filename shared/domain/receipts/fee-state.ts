import type { FeeQuote, Payment, Receipt } from '../../contract/receipts.ts';

/**
 * Where a dossier's fees stand, from its quote, payments and receipts — the same answer on the dossier screen,
 * in the lists (`fees.status`) and wherever a fee must not be forgotten:
 * - `due`: nothing paid yet and the procedure costs something (or needs a count or an amount first);
 * - `free`: nothing paid and nothing to pay (the intake skips the fee step for these);
 * - `paid`: a payment whose receipt still counts (issued, or provisional while the server has not numbered it);
 * - `unreceipted`: paid, but every receipt of the payment was cancelled: a new receipt is owed, not a new payment;
 * - `unknown`: no payment and no quote (the procedure's fees could not be read).
 * An exemption is recorded as a 0 đ payment with its receipt, so an exempt dossier is `paid`.
 */
export type FeeStateKind = 'due' | 'free' | 'paid' | 'unreceipted' | 'unknown';

export type FeeState = Readonly<{
  state: FeeStateKind;
  /** What the quote asks with no choices made, while nothing is paid; the payment's amount once paid. */
  total: number | null;
  /** Paid, and the receipt that counts is still a phiếu thu tạm. */
  provisional: boolean;
}>;

type QuoteFacts = Pick<FeeQuote, 'total' | 'missing' | 'lines'>;

/** Nothing to pay and nothing to decide (the same rule as the intake's fee step). */
export function quoteIsFree(quote: QuoteFacts): boolean {
  return quote.missing.length === 0 && quote.lines.every((line) => line.amount === 0 && line.exemptReason === null);
}

const LIVE: ReadonlySet<Receipt['status']> = new Set(['issued', 'provisional']);

export function feeState(input: Readonly<{ quote: QuoteFacts | null; payments: readonly Pick<Payment, 'id' | 'amount'>[]; receipts: readonly Pick<Receipt, 'paymentId' | 'status'>[] }>): FeeState {
  const { quote, payments, receipts } = input;
  if (payments.length > 0) {
    const live = receipts.filter((receipt) => LIVE.has(receipt.status) && payments.some((payment) => payment.id === receipt.paymentId));
    const total = payments.reduce((sum, payment) => sum + payment.amount, 0);
    if (live.length === 0) return { state: 'unreceipted', total, provisional: false };
    return { state: 'paid', total, provisional: live.every((receipt) => receipt.status === 'provisional') };
  }
  if (quote === null) return { state: 'unknown', total: null, provisional: false };
  if (quoteIsFree(quote)) return { state: 'free', total: 0, provisional: false };
  return { state: 'due', total: quote.missing.length > 0 ? null : quote.total, provisional: false };
}
