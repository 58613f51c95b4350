import type { FeeStatus } from '../../../shared/contract/receipts.ts';
import { feeState } from '../../../shared/domain/receipts/fee-state.ts';
import { CoreError } from '../../rpc/core-error.ts';
import * as repo from './repo.ts';
import type { ReceiptCore } from './service.ts';

/**
 * `fees.status`: each dossier's fee state from its payments and receipts, and — only while nothing is paid — its
 * quote with no choices made. A dossier whose quote cannot be made (unknown dossier, procedure gone from the
 * catalogue) answers `unknown` rather than failing the whole list.
 */
export function feeStatuses(core: ReceiptCore, dossierIds: readonly string[]): FeeStatus[] {
  const db = core.options.storage.db();
  return [...new Set(dossierIds)].map((dossierId) => {
    const payments = repo.listPayments(db, { dossierId, limit: 500 });
    const receipts = payments.length > 0 ? repo.listReceipts(db, { dossierId, limit: 500 }) : [];
    let quote = null;
    if (payments.length === 0) {
      try {
        quote = core.quote({ dossierId, quantities: [], exemptions: [], omitted: [], services: [] });
      } catch (error) {
        if (!(error instanceof CoreError)) throw error; // a bug, not a dossier without fees: let the dispatcher log it
        quote = null;
      }
    }
    return { dossierId, ...feeState({ quote, payments, receipts }) };
  });
}
