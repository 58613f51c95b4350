import { ReceiptPushItemSchema, type PushResult, type ReceiptIssueRequest } from '../../../shared/contract/central-api.ts';
import type { Receipt } from '../../../shared/contract/receipts.ts';
import { buildInvoiceXml } from '../../../shared/domain/receipts/invoice-xml.ts';
import { receiptSymbol } from '../../../shared/domain/receipts/series.ts';
import { toVietnamIso } from '../../../shared/domain/time/vietnam-time.ts';
import type { SqlExecutor } from '../../db/sql.ts';
import { ApiError, CENTRAL_ERROR_MESSAGES } from '../../http/errors.ts';
import { lockAgency } from '../agencies/repo.ts';
import type { CounterPrincipal } from '../counters/service.ts';
import { agencyName, findReceipt, nextServerNumber, numberHeldByOther, upsertReceipt } from './repo.ts';
import { signXml, type ServerSigningKey } from './signing.ts';
import { decideTrust } from './trust.ts';
import { checkSignedReceiptXml, factMismatches } from './verify-signed-xml.ts';

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
  const refusal = await checkPushedXml(tx, counter, receipt, stored?.receipt.xml ?? null);
  if (refusal) return { jobId, outcome: 'rejected', code: refusal.code, message: `${CENTRAL_ERROR_MESSAGES[refusal.code].vi} / ${CENTRAL_ERROR_MESSAGES[refusal.code].en} ${refusal.detail}`.slice(0, 500) };
  if (await numberHeldByOther(tx, counter.agencyId, receipt)) {
    return { jobId, outcome: 'conflict', code: 'receipt-number-collision', message: `${receipt.symbol ?? ''} ${String(receipt.number)} is already held by another receipt` };
  }
  await upsertReceipt(tx, { agencyId: counter.agencyId, counterId: counter.counterId, origin: (stored?.receipt ?? receipt).provider === 'server' ? 'server' : 'counter', receipt });
  return { jobId, outcome: 'applied' };
}

type Refusal = Readonly<{ code: 'receipt-signature-invalid' | 'receipt-signer-untrusted' | 'receipt-xml-mismatch'; detail: string }>;

/**
 * A pushed receipt is stored only when its XML is signed (the counter's XMLDSig profile, verified here), the
 * record's facts are the signed ones, and the certificate is trusted for the counter's agency (trust.ts). A
 * later version carrying the XML already accepted (a cancellation, a replacement's mark) is not asked about
 * trust again: revoking a certificate stops new receipts, not the cancellation of one it signed before.
 */
async function checkPushedXml(tx: SqlExecutor, counter: CounterPrincipal, receipt: Receipt, storedXml: string | null): Promise<Refusal | null> {
  if (receipt.xml === null) return { code: 'receipt-signature-invalid', detail: '(a receipt pushed to the server must carry its signed XML)' };
  const checked = checkSignedReceiptXml(receipt.xml, receipt.id);
  if (!checked.ok) return { code: 'receipt-signature-invalid', detail: `(${checked.reason})` };
  const wrong = factMismatches(receipt, checked.facts);
  // The receipt it replaces, when the server holds it, is the one the signed XML names.
  const original = receipt.replaces ? await findReceipt(tx, receipt.replaces) : null;
  const related = checked.facts.related;
  if (original && related && (original.agencyId !== counter.agencyId || original.receipt.symbol !== related.symbol || original.receipt.number !== related.number || original.receipt.template !== related.template)) wrong.push('replaces');
  if (wrong.length > 0) return { code: 'receipt-xml-mismatch', detail: `(differs from the signed XML: ${wrong.join(', ')})` };
  if (storedXml !== null && storedXml === receipt.xml) return null;
  const trust = await decideTrust(tx, counter.agencyId, counter.counterId, checked.certificate, new Date(receipt.issuedAt));
  if (!trust.trusted) return { code: 'receipt-signer-untrusted', detail: `(${trust.reason})` };
  return null;
}
