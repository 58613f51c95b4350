import type { Receipt, ReceiptSettings } from '../../../shared/contract/receipts.ts';
import { buildInvoiceXml, type RelatedInvoice } from '../../../shared/domain/receipts/invoice-xml.ts';
import { receiptSymbol } from '../../../shared/domain/receipts/series.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import type { Signer } from '../../ports/signer.ts';
import { allocateNumber, insertReceipt } from './repo.ts';
import { signReceiptXml } from './sign-xml.ts';

/** A receipt before it has a number: what both providers start from. */
export type ReceiptDraft = Omit<Receipt, 'status' | 'template' | 'symbol' | 'number' | 'xml'>;

/** What the XML needs beyond the receipt: who sells, who pays, the receipt it replaces. */
export type IssueContext = Readonly<{ settings: ReceiptSettings; sellerName: string; buyerAddress: string; related: RelatedInvoice | null }>;

/**
 * One interface, two implementations (docs/RECEIPTS.md): `issueWithin` runs inside the transaction that
 * stores the payment (or the replacement) and returns the receipt as stored.
 * - local-signed: numbered in this counter's series, built, signed and stored, all in that transaction;
 * - server: stored as provisional (phiếu thu tạm); the central server issues it after the commit
 *   (server-issuer.ts), looked up by the receipt id before any retry.
 */
export interface ReceiptProvider {
  readonly kind: Receipt['provider'];
  issueWithin(db: CounterDatabase, draft: ReceiptDraft, context: IssueContext): Receipt;
}

export const RECEIPT_TITLE = 'Biên lai thu phí, lệ phí';

export function dataIdOf(receiptId: string): string {
  return `DL-${receiptId}`;
}

export function localSignedProvider(signer: Signer): ReceiptProvider {
  return {
    kind: 'local-signed',
    issueWithin(db, draft, context) {
      const { settings } = context;
      const date = draft.issuedAt.slice(0, 10);
      const symbol = receiptSymbol(settings, date);
      // Inside the caller's transaction: if anything below throws (the token is unplugged, the PIN is
      // wrong), the number goes back with everything else and is given to the next receipt.
      const number = allocateNumber(db, settings.template, symbol);
      const unsigned = buildInvoiceXml({
        dataId: dataIdOf(draft.id),
        title: RECEIPT_TITLE,
        template: settings.template,
        symbol,
        number,
        date,
        method: draft.method,
        seller: { name: settings.seller.name || context.sellerName, taxCode: settings.seller.taxCode, address: settings.seller.address },
        buyer: { name: draft.payerName, address: context.buyerAddress, reference: draft.dossierCode },
        lines: draft.lines,
        total: draft.amount,
        lookupCode: draft.lookupCode,
        related: context.related,
      });
      const receipt: Receipt = { ...draft, provider: 'local-signed', status: 'issued', template: settings.template, symbol, number, xml: signReceiptXml(unsigned, dataIdOf(draft.id), signer) };
      insertReceipt(db, receipt);
      return receipt;
    },
  };
}

export function serverProvider(nowUtc: () => string): ReceiptProvider {
  return {
    kind: 'server',
    issueWithin(db, draft) {
      const receipt: Receipt = { ...draft, provider: 'server', status: 'provisional', template: null, symbol: null, number: null, xml: null };
      insertReceipt(db, receipt, nowUtc());
      return receipt;
    },
  };
}
