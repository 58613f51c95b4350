import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Dossier } from '../../../../shared/contract/dossiers.ts';
import type { FeeQuote, FeeSettings, Payment, QuoteLine, Receipt } from '../../../../shared/contract/receipts.ts';
import type { CoreClientError } from '../../../core-client/core-client-error.ts';
import { useCore } from '../../../core-client/CoreProvider.tsx';
import { asCoreClientError } from '../../../core-client/use-core-query.ts';
import { newDossierId } from '../new-id.ts';
import { cashChange, emptyFeeStep, feeLineIds, isFree, paymentProblem, toFeeChoices, toggleOmitted, type FeeStepDraft, type StepProblem } from './fee-step-state.ts';

/** How the fee step ended: what the result screen shows next to the dossier's code. */
export type FeeOutcome =
  | Readonly<{ kind: 'free' }>
  | Readonly<{ kind: 'later' }>
  | Readonly<{ kind: 'paid'; payment: Payment; receipt: Receipt; printError: CoreClientError | null }>;

export const RECEIVED_ID = 'payment-received';
export const REFERENCE_ID = 'payment-reference';
export const REASON_ID = 'payment-exempt-reason';
export const PAY_ID = 'payment-pay';
/** The first fee line's "collect" checkbox (Alt+K). */
export const FIRST_LINE_ID = 'payment-line-0';

const NO_CHOICES = JSON.stringify(toFeeChoices(emptyFeeStep, []));

type QrState = Readonly<{ status: 'idle' | 'loading' }> | Readonly<{ status: 'ready'; payload: string; src: string }> | Readonly<{ status: 'failed'; error: CoreClientError }>;

/**
 * The fee step of one received dossier: quote (again after every choice), VietQR image, then one payment
 * that the core records with its receipt in one transaction, and the receipt's print job. The payment id is
 * made once per step, so pressing "pay" twice or again after a lost answer records one payment.
 */
export function useFeeStep(dossier: Dossier, onDone: (outcome: FeeOutcome) => void) {
  const core = useCore();
  const [draft, setDraft] = useState<FeeStepDraft>(emptyFeeStep);
  const [quote, setQuote] = useState<FeeQuote | null>(null);
  // Every fee line the procedure has, in the catalogue's order, also those the clerk left out (not on the quote).
  const [feeLines, setFeeLines] = useState<readonly QuoteLine[]>([]);
  const [quoteError, setQuoteError] = useState<CoreClientError | null>(null);
  const [services, setServices] = useState<FeeSettings['services']>([]);
  const [qr, setQr] = useState<QrState>({ status: 'idle' });
  const [paying, setPaying] = useState(false);
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const [showProblem, setShowProblem] = useState(false);
  const [clientTxId] = useState(newDossierId);
  const decided = useRef(false);

  const lineIds = useMemo(() => feeLineIds(quote), [quote]);
  const choices = useMemo(() => toFeeChoices(draft, lineIds), [draft, lineIds]);
  const choicesKey = JSON.stringify(choices);

  useEffect(() => {
    void core.call('fees.settings', {}).then(
      (settings) => setServices(settings.services),
      () => setServices([]), // no extra services offered; the fees themselves still load below
    );
  }, [core]);

  // Quote again whenever the choices change; only the latest answer counts.
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    void core.call('fees.quote', { dossierId: dossier.id, ...(JSON.parse(choicesKey) as typeof choices) }).then(
      (next) => {
        if (mine !== generation.current) return;
        const untouched = choicesKey === NO_CHOICES;
        setQuote(next);
        setQuoteError(null);
        setFeeLines((known) => [...known, ...next.lines.filter((line) => line.kind !== 'service' && !known.some((k) => k.id === line.id))]);
        // Only the first quote (no choices yet) can say "nothing to pay": leaving every line out is not free.
        if (untouched && !decided.current && isFree(next)) {
          decided.current = true;
          onDone({ kind: 'free' });
        }
      },
      (error: unknown) => {
        if (mine === generation.current) setQuoteError(asCoreClientError(error));
      },
    );
  }, [core, dossier.id, choicesKey, onDone]);

  const vietqr = quote?.vietqr ?? null;
  useEffect(() => {
    if (draft.method !== 'transfer' || vietqr === null) return undefined;
    let current = true;
    setQr({ status: 'loading' });
    void core.call('payments.vietqrImage', { payload: vietqr }).then(
      ({ svg }) => {
        if (current) setQr({ status: 'ready', payload: vietqr, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      },
      (error: unknown) => {
        if (current) setQr({ status: 'failed', error: asCoreClientError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [core, draft.method, vietqr]);

  const update = useCallback((patch: Partial<FeeStepDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setFailure(null);
  }, []);

  const toggleLine = useCallback((feeId: string) => {
    setDraft((current) => toggleOmitted(current, feeId));
    setFailure(null);
  }, []);

  const problem: StepProblem | null = quote ? paymentProblem(draft, quote) : null;
  const change = quote && draft.method === 'cash' ? cashChange(quote.total, draft.received) : null;

  const pay = useCallback(() => {
    if (paying || decided.current || !quote) return;
    const found = paymentProblem(draft, quote);
    if (found) {
      setShowProblem(true);
      const target = { exemptReason: REASON_ID, received: RECEIVED_ID }[found.field as string];
      if (target) document.getElementById(target)?.focus();
      return;
    }
    const cash = draft.method === 'cash' ? cashChange(quote.total, draft.received) : null;
    setPaying(true);
    setFailure(null);
    const reference = draft.bankReference.trim();
    void core
      .call('payments.record', {
        dossierId: dossier.id,
        clientTxId,
        method: draft.method,
        amount: quote.total,
        ...(cash?.ok ? { received: cash.received } : {}),
        ...(draft.method === 'transfer' && reference !== '' ? { bankReference: reference.slice(0, 64) } : {}),
        ...choices,
      })
      .then(
        async ({ payment, receipt }) => {
          decided.current = true;
          // The slip was queued with the dossier; the receipt's job comes after it.
          let printError: CoreClientError | null = null;
          try {
            await core.call('receipts.print', { receiptId: receipt.id });
          } catch (error) {
            printError = asCoreClientError(error);
          }
          setPaying(false);
          onDone({ kind: 'paid', payment, receipt, printError });
        },
        (error: unknown) => {
          setPaying(false);
          setFailure(asCoreClientError(error));
          document.getElementById(PAY_ID)?.focus();
        },
      );
  }, [choices, clientTxId, core, dossier.id, draft, onDone, paying, quote]);

  const later = useCallback(() => {
    if (paying || decided.current) return;
    decided.current = true;
    onDone({ kind: 'later' });
  }, [onDone, paying]);

  return { draft, quote, quoteError, feeLines, toggleLine, services, qr, paying, failure, problem: showProblem ? problem : null, change, update, pay, later };
}

export type FeeStepController = ReturnType<typeof useFeeStep>;
