import { CENTRAL_PATHS, ReceiptIssueRequestSchema } from '../../../shared/contract/central-api.ts';
import { ReceiptSchema, type Receipt } from '../../../shared/contract/receipts.ts';
import type { CentralClient, CentralFailure } from '../sync/central-client.ts';

export type ServerIssueOutcome =
  | Readonly<{ kind: 'issued'; receipt: Receipt }>
  | Readonly<{ kind: 'retry'; message: string; retryAfterMs: number | null }>
  | Readonly<{ kind: 'rejected'; code: string; message: string }>;

/**
 * Asks the central server to issue a provisional receipt, keyed by the receipt's id (the client transaction
 * UUID). After a first attempt whose answer never came (timeout, cut connection), the server may have
 * issued it: every later attempt looks it up first and only asks again when the server does not have it.
 * The server is idempotent by the id too; the look-up is what the licensed providers require (DOMAIN.md).
 */
export async function issueOnServer(client: CentralClient, receipt: Receipt, attempts: number, buyerAddress: string): Promise<ServerIssueOutcome> {
  if (attempts > 0) {
    const found = await client.call({ method: 'GET', path: `${CENTRAL_PATHS.receipts}/${receipt.id}` }, ReceiptSchema);
    if (found.ok) return { kind: 'issued', receipt: found.value };
    const { failure } = found;
    if (failure.kind !== 'client-error' || failure.status !== 404) return asOutcome(failure);
  }
  const request = ReceiptIssueRequestSchema.parse({
    id: receipt.id,
    dossierId: receipt.dossierId,
    dossierCode: receipt.dossierCode,
    paymentId: receipt.paymentId,
    method: receipt.method,
    amount: receipt.amount,
    payerName: receipt.payerName,
    buyerAddress,
    lines: receipt.lines,
    lookupCode: receipt.lookupCode,
    requestedAt: receipt.issuedAt,
    replaces: receipt.replaces,
  });
  const answer = await client.call({ method: 'POST', path: CENTRAL_PATHS.receipts, body: request }, ReceiptSchema);
  return answer.ok ? { kind: 'issued', receipt: answer.value } : asOutcome(answer.failure);
}

function asOutcome(failure: CentralFailure): ServerIssueOutcome {
  if (failure.kind === 'retry') return { kind: 'retry', message: failure.message, retryAfterMs: failure.retryAfterMs };
  // A refused credential is a pause, not a verdict on the receipt: try again after re-enrolment.
  if (failure.kind === 'refused') return { kind: 'retry', message: failure.message, retryAfterMs: 60_000 };
  return { kind: 'rejected', code: failure.code, message: failure.message };
}
