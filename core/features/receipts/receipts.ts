import type { Receipt } from '../../../shared/contract/receipts.ts';
import { backoffDelayMs } from '../sync/backoff.ts';
import { CoreError } from '../../rpc/core-error.ts';
import * as repo from './repo.ts';
import { issueOnServer } from './server-issuer.ts';
import type { ReceiptCore } from './service.ts';

/** For a payment whose receipt was cancelled (or never issued): a new receipt, new number. */
export function issueForPayment(core: ReceiptCore, paymentId: string): Receipt {
  const receipt = core.transaction((db) => {
    const payment = repo.findPayment(db, paymentId);
    if (!payment) throw new CoreError('not-found', `No payment ${paymentId.slice(0, 64)}`);
    const live = repo.liveReceiptOf(db, paymentId);
    if (live) throw new CoreError('invalid-state', 'This payment already has a valid receipt', { receiptId: live.id });
    return core.issueWithin(db, payment, {});
  });
  core.options.afterCommit();
  return receipt;
}

/**
 * Cancels a receipt: the original stays as it was issued (number, XML), only its state changes, and the change
 * goes to the central server. A provisional receipt can be cancelled too (the server is then never asked).
 */
export function cancelReceipt(core: ReceiptCore, id: string, reason: string): Receipt {
  const cancelled = core.transaction((db) => {
    const receipt = core.receipt(id);
    if (receipt.status !== 'issued' && receipt.status !== 'provisional') throw new CoreError('invalid-state', `The receipt is already ${receipt.status}`);
    const next: Receipt = { ...receipt, status: 'cancelled', version: receipt.version + 1, cancelledAt: core.nowIso(), cancelReason: reason };
    repo.updateReceipt(db, next);
    core.audit(db, next, 'receipt.cancelled', { reason });
    if (receipt.status === 'issued') core.queuePush(db, next, 'receipt.cancelled');
    return next;
  });
  core.options.afterCommit();
  return cancelled;
}

/**
 * Replaces an issued receipt (a wrong name, …): the original becomes `replaced` and links to the new one; the
 * new one has its own number and carries the original's template, symbol, number and date (TTHDLQuan) in its
 * signed XML. Both commit together, so there is never a replaced receipt without its replacement.
 */
export function replaceReceipt(core: ReceiptCore, id: string, reason: string, payerName?: string): { original: Receipt; replacement: Receipt } {
  const result = core.transaction((db) => {
    const original = core.receipt(id);
    if (original.status !== 'issued' || original.number === null || original.symbol === null || original.template === null) {
      throw new CoreError('invalid-state', `Only an issued receipt can be replaced; this one is ${original.status}`);
    }
    const payment = repo.findPayment(db, original.paymentId);
    if (!payment) throw new CoreError('not-found', 'The payment of this receipt is missing');
    const related = { kind: 'replacement' as const, template: original.template, symbol: original.symbol, number: original.number, date: original.issuedAt.slice(0, 10), reason };
    const replacement = core.issueWithin(db, payment, { payerName, replaces: original.id, related });
    const replaced: Receipt = { ...original, status: 'replaced', version: original.version + 1, replacedBy: replacement.id, cancelledAt: core.nowIso(), cancelReason: reason };
    repo.updateReceipt(db, replaced);
    core.audit(db, replaced, 'receipt.replaced', { reason, replacementId: replacement.id });
    core.queuePush(db, replaced, 'receipt.cancelled');
    return { original: replaced, replacement };
  });
  core.options.afterCommit();
  return result;
}

/**
 * Provisional receipts (server provider) that are due: each is issued by the central server and the counter
 * adopts the server's number and XML. Failures back off per receipt (persisted, as the outbox does). One run
 * at a time; returns how many were issued.
 */
export async function issuePendingOnServer(core: ReceiptCore, random: () => number): Promise<number> {
  const { central, storage, clock, logger } = core.options;
  if (!central) return 0;
  let issued = 0;
  for (const { receipt, attempts } of repo.dueProvisional(storage.db(), core.nowUtc(), 20)) {
    const address = core.options.dossier(receipt.dossierId).applicant.address ?? '';
    const outcome = await issueOnServer(central, receipt, attempts, address);
    if (outcome.kind === 'issued') {
      core.transaction((db) => {
        const current = repo.findReceipt(db, receipt.id);
        if (!current || current.number !== null) return;
        const server = outcome.receipt;
        if (current.status === 'cancelled') {
          // Cancelled at the counter while this request was in flight: keep the number the server gave (it
          // exists there) and send the cancellation, so both sides agree.
          const cancelled: Receipt = { ...current, version: current.version + 1, template: server.template, symbol: server.symbol, number: server.number, xml: server.xml };
          repo.updateReceipt(db, cancelled);
          core.queuePush(db, cancelled, 'receipt.cancelled');
          return;
        }
        const next: Receipt = { ...current, status: 'issued', version: current.version + 1, template: server.template, symbol: server.symbol, number: server.number, issuedAt: server.issuedAt, xml: server.xml };
        repo.updateReceipt(db, next);
        core.audit(db, next, 'receipt.issued', { paymentId: next.paymentId, by: 'central' });
      });
      issued += 1;
      continue;
    }
    const next = new Date(clock.now().getTime() + (outcome.kind === 'retry' ? backoffDelayMs(attempts + 1, random, outcome.retryAfterMs) : 3_600_000)).toISOString();
    repo.scheduleServerRetry(storage.db(), receipt.id, attempts + 1, next, outcome.message);
    logger.warn('server receipt not issued yet', { receiptId: receipt.id, outcome: outcome.kind, ...(outcome.kind === 'rejected' ? { code: outcome.code } : {}) });
    if (outcome.kind === 'retry') break; // the server is unreachable: the others would fail the same way
  }
  return issued;
}
