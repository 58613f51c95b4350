import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeeStatus, Payment, Receipt } from '../../../../shared/contract/receipts.ts';
import type { CoreClientError } from '../../../core-client/core-client-error.ts';
import { useCore } from '../../../core-client/CoreProvider.tsx';
import { asCoreClientError, type Loadable } from '../../../core-client/use-core-query.ts';

export type DossierFeesView = Readonly<{ status: FeeStatus; payments: readonly Payment[]; receipts: readonly Receipt[] }>;

/** What the last receipt action did, for the announcement; a print that failed after the change is said apart. */
export type FeeOutcomeNote = Readonly<{
  kind: 'reprint' | 'cancel' | 'replace' | 'reissue' | 'paid';
  receipt: Receipt;
  replacement?: Receipt;
  printError: CoreClientError | null;
}>;

/** Runs a core call; its failure comes out as the CoreClientError the screen explains. */
async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asCoreClientError(error);
  }
}

/**
 * One dossier's fees: its state (`fees.status`), payments and receipts, re-read after every change; and the
 * receipt actions (reprint, cancel, replace, a new receipt for a payment whose receipt was cancelled). Each
 * action resolves with what to announce or rejects with the CoreClientError the screen explains.
 */
export function useDossierFees(dossierId: string, onChanged: () => void) {
  const core = useCore();
  const [state, setState] = useState<Loadable<DossierFeesView>>({ status: 'loading' });
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    Promise.all([
      core.call('fees.status', { dossierIds: [dossierId] }),
      core.call('payments.list', { dossierId, limit: 100 }),
      core.call('receipts.list', { dossierId, limit: 100 }),
    ]).then(
      ([status, payments, receipts]) => {
        const mineStatus = status.dossiers[0];
        if (mine !== generation.current || !mineStatus) return;
        setState({ status: 'ready', value: { status: mineStatus, payments: payments.payments, receipts: receipts.receipts } });
      },
      (error: unknown) => {
        if (mine === generation.current) setState({ status: 'failed', error: asCoreClientError(error) });
      },
    );
  }, [core, dossierId]);

  useEffect(() => {
    setState({ status: 'loading' });
    reload();
  }, [reload]);

  /** A change was made: re-read the fees, and the dossier's timeline (where the audit entries show). */
  const changed = useCallback(() => {
    reload();
    onChanged();
  }, [onChanged, reload]);

  const print = useCallback(
    async (receiptId: string): Promise<CoreClientError | null> => {
      try {
        await core.call('receipts.print', { receiptId });
        return null;
      } catch (error) {
        return asCoreClientError(error);
      }
    },
    [core],
  );

  const reprint = useCallback(
    async (receipt: Receipt): Promise<FeeOutcomeNote> => {
      await attempt(() => core.call('receipts.print', { receiptId: receipt.id }));
      changed();
      return { kind: 'reprint', receipt, printError: null };
    },
    [changed, core],
  );

  const cancel = useCallback(
    async (receipt: Receipt, reason: string): Promise<FeeOutcomeNote> => {
      const cancelled = await attempt(() => core.call('receipts.cancel', { id: receipt.id, reason: reason.trim() }));
      changed();
      return { kind: 'cancel', receipt: cancelled, printError: null };
    },
    [changed, core],
  );

  const replace = useCallback(
    async (receipt: Receipt, reason: string, payerName: string): Promise<FeeOutcomeNote> => {
      const name = payerName.trim();
      const result = await attempt(() => core.call('receipts.replace', { id: receipt.id, reason: reason.trim(), ...(name === '' ? {} : { payerName: name }) }));
      const printError = await print(result.replacement.id);
      changed();
      return { kind: 'replace', receipt: result.original, replacement: result.replacement, printError };
    },
    [changed, core, print],
  );

  const reissue = useCallback(
    async (payment: Payment): Promise<FeeOutcomeNote> => {
      const receipt = await attempt(() => core.call('receipts.issue', { paymentId: payment.id }));
      const printError = await print(receipt.id);
      changed();
      return { kind: 'reissue', receipt, printError };
    },
    [changed, core, print],
  );

  return { state, reload, changed, reprint, cancel, replace, reissue };
}
