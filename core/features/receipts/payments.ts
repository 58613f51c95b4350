import type { z } from 'zod';
import type { Payment, PaymentRecordInputSchema, Receipt } from '../../../shared/contract/receipts.ts';
import { buildVietQr } from '../../../shared/domain/payments/vietqr.ts';
import { CoreError } from '../../rpc/core-error.ts';
import * as repo from './repo.ts';
import type { ReceiptCore } from './service.ts';

export type RecordPaymentInput = z.output<typeof PaymentRecordInputSchema>;

/**
 * Records what the citizen paid and issues its receipt in one transaction: the payment, the receipt (numbered
 * and signed, or provisional for the server provider), the audit entry and the outbox job commit together.
 * The screen's `clientTxId` is the payment's id, so a double press or a retried call returns the first result.
 */
export function recordPayment(core: ReceiptCore, input: RecordPaymentInput): { payment: Payment; receipt: Receipt } {
  const { storage } = core.options;
  const existing = repo.findPayment(storage.db(), input.clientTxId);
  if (existing) {
    if (existing.dossierId !== input.dossierId || existing.amount !== input.amount) {
      throw new CoreError('conflict', 'This payment id was already used for another payment', { paymentId: existing.id });
    }
    const receipt = repo.liveReceiptOf(storage.db(), existing.id) ?? repo.listReceipts(storage.db(), { dossierId: existing.dossierId, limit: 500 }).find((r) => r.paymentId === existing.id);
    if (receipt) return { payment: core.withCollector(existing), receipt };
  }

  const { quantities, exemptions, omitted, services } = input;
  const quote = core.quote({ dossierId: input.dossierId, quantities, exemptions, omitted, services });
  if (quote.missing.length > 0) {
    throw new CoreError('fee-amount-missing', `The fee has no amount yet: ${quote.missing.join(', ').slice(0, 200)}`, { missing: quote.missing });
  }
  if (input.amount !== quote.total) {
    throw new CoreError('invalid-input', `The amount ${input.amount} is not the fee total ${quote.total}`, { field: 'amount', expected: quote.total });
  }
  let received: number | null = null;
  let change: number | null = null;
  let vietqr: string | null = null;
  if (input.method === 'cash') {
    received = input.received ?? input.amount;
    if (received < input.amount) throw new CoreError('invalid-input', `Received ${received} is less than ${input.amount}`, { field: 'received' });
    change = received - input.amount;
  } else {
    const bank = core.options.formValues().bank;
    if (input.amount === 0) throw new CoreError('invalid-input', 'Nothing to transfer: the total is 0', { field: 'method' });
    if (!bank) throw new CoreError('bank-account-missing', 'The centre has no bank account for transfers');
    const qr = buildVietQr({ bin: bank.bin, account: bank.account, amount: input.amount, purpose: quote.dossierCode });
    vietqr = qr.ok ? qr.payload : null;
  }

  const dossier = core.options.dossier(input.dossierId);
  const recordedBy = core.options.actor();
  const payment: Payment = {
    id: existing?.id ?? input.clientTxId,
    dossierId: input.dossierId,
    dossierCode: quote.dossierCode,
    method: input.method,
    amount: input.amount,
    received,
    change,
    vietqr,
    bankReference: input.bankReference ?? null,
    payerName: input.payerName ?? dossier.applicant.fullName,
    lines: quote.lines,
    recordedAt: core.nowIso(),
    recordedBy,
    // The name as it is now: the receipt keeps naming who took the money if the account is renamed or removed.
    collectorName: core.options.actorName?.(recordedBy) ?? null,
  };
  const receipt = core.transaction((db) => {
    // A payment whose receipt failed before (signer unplugged) was rolled back whole, so it is new again here.
    repo.insertPayment(db, payment, payment.recordedAt.slice(0, 10));
    return core.issueWithin(db, payment, {});
  });
  // Exemption reasons are on the payment's lines and in the receipt's XML; the audit entry names the receipt.
  core.options.afterCommit();
  return { payment: core.withCollector(payment), receipt };
}

export function listPayments(core: ReceiptCore, query: Readonly<{ dossierId?: string | undefined; date?: string | undefined; limit: number }>): Payment[] {
  return repo.listPayments(core.options.storage.db(), { dossierId: query.dossierId, day: query.date, limit: query.limit }).map(core.withCollector);
}
