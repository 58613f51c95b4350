import { ReceiptPushItemSchema, type PushResult, type ReceiptIssueRequest } from '../../../shared/contract/central-api.ts';
import type { Receipt } from '../../../shared/contract/receipts.ts';
import { buildInvoiceXml } from '../../../shared/domain/receipts/invoice-xml.ts';
import { receiptSymbol } from '../../../shared/domain/receipts/series.ts';
import { toVietnamIso } from '../../../shared/domain/time/vietnam-time.ts';
import type { SqlExecutor } from '../../db/sql.ts';
import { ApiError } from '../../http/errors.ts';
import { lockAgency } from '../agencies/repo.ts';
import type { CounterPrincipal } from '../counters/service.ts';
import { agencyName, findReceipt, nextServerNumber, numberHeldByOther, upsertReceipt } from './repo.ts';
import { signXml, type ServerSigningKey } from './signing.ts';

/** The server's own series [U: the tax office registers the real one]: template 1, K, year, T, "SV". */
export const SERVER_SERIES = { template: '1', codeLetter: 'K', typeLetter: 'T', counterSeries: 'SV' } as const;

/**
 * Issues a receipt for a counter (provider `server`), idempotent by the receipt's id: a request repeated after
 * a lost answer returns the receipt already issued, never a second number. Numbered and stored in the caller's
 * transaction under the agency's lock, so concurrent requests cannot take the same number.
 */
export async function issueForCounter(tx: SqlExecutor, counter: CounterPrincipal, request: ReceiptIssueRequest, now: Date, key: ServerSigningKey): Promise<{ receipt: Receipt; created: boolean }> {
  await lockAgency(tx, counter.agencyId);
  const existing = await findReceipt(tx, request.id);
  if (existing) {
    if (existing.agencyId !== counter.agencyId) throw new ApiError(403, 'forbidden', { message: 'This receipt id belongs to another agency' });
    return { receipt: existing.receipt, created: false };
  }
  const sum = request.lines.reduce((total, line) => total + line.amount, 0);
  if (sum !== request.amount) throw new ApiError(422, 'invalid-input', { message: `lines add up to ${sum}, not ${request.amount}` });
  const issuedAt = toVietnamIso(now);
  const symbol = receiptSymbol(SERVER_SERIES, issuedAt);
  const number = await nextServerNumber(tx, counter.agencyId, SERVER_SERIES.template, symbol);
  const original = request.replaces ? await findReceipt(tx, request.replaces) : null;
  const related =
    original && original.agencyId === counter.agencyId && original.receipt.number !== null && original.receipt.symbol !== null && original.receipt.template !== null
      ? { kind: 'replacement' as const, template: original.receipt.template, symbol: original.receipt.symbol, number: original.receipt.number, date: original.receipt.issuedAt.slice(0, 10), reason: original.receipt.cancelReason ?? 'Thay thế' }
      : null;
  const dataId = `DL-${request.id}`;
  const xml = buildInvoiceXml({
    dataId,
    title: 'Biên lai thu phí, lệ phí',
    template: SERVER_SERIES.template,
    symbol,
    number,
    date: issuedAt.slice(0, 10),
    method: request.method,
    seller: { name: await agencyName(tx, counter.agencyId), taxCode: '', address: '' },
    buyer: { name: request.payerName, address: request.buyerAddress, reference: request.dossierCode },
    lines: request.lines,
    total: request.amount,
    lookupCode: request.lookupCode,
    related,
  });
  const receipt: Receipt = {
    id: request.id,
    version: 1,
    provider: 'server',
    status: 'issued',
    dossierId: request.dossierId,
    dossierCode: request.dossierCode,
    paymentId: request.paymentId,
    agencyCode: counter.agencyCode,
    template: SERVER_SERIES.template,
    symbol,
    number,
    issuedAt,
    method: request.method,
    amount: request.amount,
    payerName: request.payerName,
    lines: request.lines,
    lookupCode: request.lookupCode,
    replaces: request.replaces,
    replacedBy: null,
    cancelledAt: null,
    cancelReason: null,
    xml: signXml(xml, dataId, key),
  };
  await upsertReceipt(tx, { agencyId: counter.agencyId, counterId: counter.counterId, origin: 'server', receipt });
  return { receipt, created: true };
}

/**
 * A pushed receipt (signed at the counter, or a cancellation): applied when its version is newer, so a
 * repeated or reordered batch changes nothing. Another agency's receipt is `rejected`; a series number another
 * receipt of the agency holds is a `conflict`, kept visible on the counter rather than overwritten.
 */
export async function applyReceiptPush(tx: SqlExecutor, counter: CounterPrincipal, raw: unknown): Promise<PushResult> {
  const jobId = (raw as { jobId: string }).jobId;
  const parsed = ReceiptPushItemSchema.safeParse(raw);
  if (!parsed.success) return { jobId, outcome: 'rejected', code: 'invalid-input', message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ').slice(0, 500) };
  const { receipt } = parsed.data;
  if (receipt.agencyCode !== null && receipt.agencyCode !== counter.agencyCode) return { jobId, outcome: 'rejected', code: 'forbidden', message: "The receipt is not this counter's agency's" };
  const stored = await findReceipt(tx, receipt.id);
  if (stored && stored.agencyId !== counter.agencyId) return { jobId, outcome: 'rejected', code: 'forbidden', message: 'This receipt id belongs to another agency' };
  if (stored && stored.version >= receipt.version) return { jobId, outcome: 'unchanged' };
  if (await numberHeldByOther(tx, counter.agencyId, receipt)) {
    return { jobId, outcome: 'conflict', code: 'receipt-number-collision', message: `${receipt.symbol ?? ''} ${String(receipt.number)} is already held by another receipt` };
  }
  await upsertReceipt(tx, { agencyId: counter.agencyId, counterId: counter.counterId, origin: (stored?.receipt ?? receipt).provider === 'server' ? 'server' : 'counter', receipt });
  return { jobId, outcome: 'applied' };
}
