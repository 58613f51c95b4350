import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Dossier } from '../../../../shared/contract/dossiers.ts';
import type { FeeStatus, Payment, Receipt } from '../../../../shared/contract/receipts.ts';
import type { CoreClientError } from '../../../core-client/core-client-error.ts';
import { asCoreClientError } from '../../../core-client/use-core-query.ts';
import { useT, type Translator } from '../../../i18n/LanguageProvider.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { formatVietnamDateTime } from '../../../ui/format-time.ts';
import { Kbd } from '../../../ui/Kbd.tsx';
import { StatusBadge } from '../../../ui/StatusBadge.tsx';
import type { Tone } from '../../../ui/tone.ts';
import { useSession } from '../../auth/session-context.ts';
import { describeFailure } from '../../home/describe-failure.ts';
import { FeeStep } from '../../intake/payment/FeeStep.tsx';
import { ReceiptSummary } from '../../intake/payment/ReceiptSummary.tsx';
import type { FeeOutcome } from '../../intake/payment/use-fee-step.ts';
import { isSupervisor } from '../supervisor.ts';
import type { TimelineEntry } from '../use-dossier.ts';
import { ReceiptActionForm } from './ReceiptActionForm.tsx';
import { officialArrivedAt, paymentsOwingReceipt, receiptActions, type ReceiptActionKind } from './receipt-actions.ts';
import { useDossierFees, type FeeOutcomeNote } from './use-dossier-fees.ts';
import './fees.css';
import { FailureBanner } from '../../../ui/FailureBanner.tsx';

export const COLLECT_ID = 'dossier-collect';
const HEADING_ID = 'dossier-fees-heading';

const STATE_TONE: Readonly<Record<FeeStatus['state'], Tone>> = { due: 'warn', free: 'neutral', paid: 'ok', unreceipted: 'danger', unknown: 'neutral' };
const RECEIPT_TONE: Readonly<Record<Receipt['status'], Tone>> = { issued: 'ok', provisional: 'warn', cancelled: 'danger', replaced: 'neutral' };

function stateLabel(status: FeeStatus): MessageKey {
  if (status.state === 'paid' && status.provisional) return 'fees.state.paidProvisional';
  return `fees.state.${status.state}`;
}

/** How a receipt is named in sentences: its number and symbol, or "phiếu thu tạm". */
export function receiptLabel(receipt: Pick<Receipt, 'number' | 'symbol'>, t: Translator['t']): string {
  return receipt.number === null ? t('fees.receipt.unnumbered') : t('fees.receipt.numberShort', { number: receipt.number, symbol: receipt.symbol ?? '—' });
}

type OpenForm = Readonly<{ receiptId: string; kind: 'cancel' | 'replace' }>;

/**
 * The dossier's fees outside the intake moment: the state ("Chưa thu phí" while due), "Thu phí" (Alt+P) opening
 * the intake's own fee step, the payments, and each receipt with reprint, cancel and replace — cancel and replace
 * shown off, with the reason, to a clerk who is not a supervisor. A phiếu thu tạm is marked as such, and a
 * receipt that was one says when its official number came.
 */
export function DossierFees(
  props: Readonly<{ dossier: Dossier; timeline: readonly TimelineEntry[]; collecting: boolean; onCollecting: (open: boolean) => void; onChanged: () => void }>,
) {
  const translator = useT();
  const { t, formatNumber } = translator;
  const { dossier, collecting, onCollecting } = props;
  const fees = useDossierFees(dossier.id, props.onChanged);
  const supervisor = isSupervisor(useSession()?.session);
  const [form, setForm] = useState<OpenForm | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const [note, setNote] = useState<FeeOutcomeNote | null>(null);
  const [paid, setPaid] = useState<FeeOutcome | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ id: string; n: number } | null>(null);
  const focus = useCallback((id: string) => setFocusTarget((last) => ({ id, n: (last?.n ?? 0) + 1 })), []);
  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget]);

  const view = fees.state.status === 'ready' ? fees.state.value : null;
  const canCollect = view?.status.state === 'due';

  const open = useCallback(() => {
    setNote(null);
    setFailure(null);
    setPaid(null);
    setForm(null);
    onCollecting(true);
  }, [onCollecting]);

  // Alt+P: "Thu phí" from anywhere on the dossier screen while a fee is due.
  const keys = useRef({ canCollect, collecting, open });
  keys.current = { canCollect, collecting, open };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyP' && keys.current.canCollect && !keys.current.collecting) {
        event.preventDefault();
        keys.current.open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { changed } = fees;
  const feeDone = useCallback(
    (outcome: FeeOutcome) => {
      onCollecting(false);
      if (outcome.kind === 'paid') {
        setPaid(outcome);
        setNote({ kind: 'paid', receipt: outcome.receipt, printError: outcome.printError });
        focus(HEADING_ID);
      } else {
        focus(COLLECT_ID);
      }
      changed();
    },
    [changed, focus, onCollecting],
  );

  const run = (work: Promise<FeeOutcomeNote>, focusAfter: string) => {
    setPending(true);
    setFailure(null);
    setNote(null);
    work.then(
      (done) => {
        setPending(false);
        setForm(null);
        setNote(done);
        focus(focusAfter);
      },
      (error: unknown) => {
        setPending(false);
        setFailure(asCoreClientError(error));
      },
    );
  };

  const actionLabel: Readonly<Record<ReceiptActionKind, MessageKey>> = { reprint: 'fees.action.reprint', cancel: 'fees.action.cancel', replace: 'fees.action.replace' };
  const byId = new Map((view?.receipts ?? []).map((receipt) => [receipt.id, receipt]));

  return (
    <>
      <section className="panel dossier-fees" aria-labelledby={HEADING_ID} data-testid="dossier-fees" data-state={view?.status.state ?? fees.state.status}>
        <div className="dossier-fees__head">
          <h2 id={HEADING_ID} className="panel__title" tabIndex={-1}>
            {t('fees.heading')}
          </h2>
          {view ? <StatusBadge tone={view.status.provisional ? 'warn' : STATE_TONE[view.status.state]} label={t(stateLabel(view.status))} state={view.status.state} testId="fee-state" /> : null}
        </div>
        {fees.state.status === 'loading' ? <p className="muted">{t('fees.loading')}</p> : null}
        {fees.state.status === 'failed' ? (
          <div className="banner" role="alert" data-testid="fees-load-failure" data-code={fees.state.error.code}>
            <p>
              {t('fees.loadFailed')}: {describeFailure(fees.state.error, translator)}
            </p>
            <p className="banner__code">
              {t('common.errorCode')}: <code>{fees.state.error.code}</code>
            </p>
          </div>
        ) : null}

        {view?.status.state === 'due' ? (
          <p className="dossier-fees__due" data-testid="fee-due-total">
            {view.status.total === null ? t('fees.due.needsCount') : t('fees.due.total', { amount: formatNumber(view.status.total) })}
          </p>
        ) : null}
        {canCollect && !collecting ? (
          <div className="actions">
            <button id={COLLECT_ID} type="button" className="button button--primary" aria-keyshortcuts="Alt+P" aria-describedby="dossier-collect-hint" data-testid="fee-collect" onClick={open}>
              {t('fees.collect')} <Kbd keys="Alt+P" />
            </button>
            <span id="dossier-collect-hint" className="muted">
              {t('fees.collectHint')}
            </span>
          </div>
        ) : null}

        <div aria-live="polite" data-testid="fee-outcome">
          {note ? <OutcomeLine note={note} /> : null}
        </div>
        {failure ? (
          <FailureBanner failure={failure} testId="fee-action-failure" title={t('fees.failed')} />
        ) : null}
        {paid ? <ReceiptSummary outcome={paid} /> : null}

        {view && view.status.state === 'unreceipted' ? (
          <div className="dossier-fees__owing">
            <p>{t('fees.unreceipted.hint')}</p>
            {paymentsOwingReceipt(view.payments, view.receipts).map((payment) => (
              <button
                key={payment.id}
                id={`reissue-${payment.id}`}
                type="button"
                className="button button--primary"
                disabled={pending}
                data-testid="receipt-reissue"
                onClick={() => run(fees.reissue(payment), HEADING_ID)}
              >
                {t('fees.action.reissue')} — {formatNumber(payment.amount)} đ
              </button>
            ))}
          </div>
        ) : null}

        {view && view.payments.length > 0 ? <PaymentsTable payments={view.payments} /> : null}

        {view && view.receipts.length > 0 ? (
          <>
            <h3 className="dossier-fees__subtitle">{t('fees.receipts.heading')}</h3>
            <ul className="receipt-list" data-testid="receipt-list">
              {view.receipts.map((receipt) => {
                const official = officialArrivedAt(receipt, props.timeline);
                const label = receiptLabel(receipt, t);
                const replacement = receipt.replacedBy ? byId.get(receipt.replacedBy) : undefined;
                const replaced = receipt.replaces ? byId.get(receipt.replaces) : undefined;
                const actions = receiptActions(receipt, supervisor);
                const whyId = `receipt-${receipt.id}-why`;
                const why = actions.find((action) => action.why !== null)?.why ?? null;
                return (
                  <li key={receipt.id} className={`receipt-item receipt-item--${receipt.status}`} data-testid="receipt-item" data-status={receipt.status} data-number={receipt.number ?? ''}>
                    <div className="receipt-item__head">
                      {receipt.status === 'provisional' ? (
                        <strong className="receipt-item__mark" data-testid="receipt-item-provisional">
                          {t('fees.receipt.provisional')}
                        </strong>
                      ) : (
                        <strong data-testid="receipt-item-number">{receipt.number === null ? t('fees.receipt.provisional') : t('fees.receipt.number', { number: receipt.number, symbol: receipt.symbol ?? '—', template: receipt.template ?? '—' })}</strong>
                      )}
                      <StatusBadge tone={RECEIPT_TONE[receipt.status]} label={t(`fees.receipt.status.${receipt.status}`)} />
                    </div>
                    <p className="receipt-item__line">
                      {t('fees.receipt.amount', { amount: formatNumber(receipt.amount), method: t(receipt.method === 'cash' ? 'payment.method.cash' : 'payment.method.transfer') })} ·{' '}
                      {t('fees.receipt.issuedAt', { at: formatVietnamDateTime(receipt.issuedAt) })}
                    </p>
                    {receipt.status === 'provisional' ? <p className="receipt-item__line">{t('fees.receipt.provisionalHint')}</p> : null}
                    {official ? (
                      <p className="receipt-item__line" data-testid="receipt-item-official">
                        {t('fees.receipt.officialAt', { at: formatVietnamDateTime(official) })}
                      </p>
                    ) : null}
                    {receipt.status === 'cancelled' ? (
                      <p className="receipt-item__line" data-testid="receipt-item-cancelled">
                        {t('fees.receipt.cancelled', { at: receipt.cancelledAt ? formatVietnamDateTime(receipt.cancelledAt) : '—', reason: receipt.cancelReason ?? '—' })}
                      </p>
                    ) : null}
                    {receipt.status === 'replaced' ? (
                      <p className="receipt-item__line" data-testid="receipt-item-replaced">
                        {t('fees.receipt.replacedBy', { number: replacement ? receiptLabel(replacement, t) : '—', reason: receipt.cancelReason ?? '—' })}
                      </p>
                    ) : null}
                    {replaced ? <p className="receipt-item__line">{t('fees.receipt.replaces', { number: receiptLabel(replaced, t) })}</p> : null}
                    <div className="actions actions--wrap receipt-item__actions">
                      {actions.map((action) => (
                        <button
                          key={action.kind}
                          id={`receipt-${action.kind}-${receipt.id}`}
                          type="button"
                          className="button button--secondary"
                          disabled={!action.enabled || pending}
                          aria-describedby={action.why ? whyId : undefined}
                          aria-expanded={action.kind === 'reprint' ? undefined : form?.receiptId === receipt.id && form.kind === action.kind}
                          data-testid={`receipt-${action.kind}`}
                          onClick={() => {
                            setFailure(null);
                            setNote(null);
                            if (action.kind === 'reprint') run(fees.reprint(receipt), `receipt-reprint-${receipt.id}`);
                            else setForm({ receiptId: receipt.id, kind: action.kind });
                          }}
                        >
                          {t(actionLabel[action.kind])}
                        </button>
                      ))}
                    </div>
                    {why ? (
                      <p id={whyId} className="receipt-item__why" data-testid="receipt-item-why">
                        {t(why)}
                      </p>
                    ) : null}
                    {form?.receiptId === receipt.id ? (
                      <ReceiptFormArea>
                        <ReceiptActionForm
                          kind={form.kind}
                          receiptLabel={label}
                          pending={pending}
                          onBack={() => {
                            setForm(null);
                            focus(`receipt-${form.kind}-${receipt.id}`);
                          }}
                          onConfirm={(reason, payerName) =>
                            run(form.kind === 'cancel' ? fees.cancel(receipt, reason) : fees.replace(receipt, reason, payerName), `receipt-reprint-${receipt.id}`)
                          }
                        />
                      </ReceiptFormArea>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </section>
      {collecting ? <FeeStep dossier={dossier} onDone={feeDone} /> : null}
    </>
  );
}

/** Puts the focus in the form's first field when it opens. */
function ReceiptFormArea(props: Readonly<{ children: ReactNode }>) {
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    area.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);
  return <div ref={area}>{props.children}</div>;
}

function OutcomeLine(props: Readonly<{ note: FeeOutcomeNote }>) {
  const translator = useT();
  const { t } = translator;
  const { note } = props;
  const receipt = receiptLabel(note.receipt, t);
  const text =
    note.kind === 'replace'
      ? t('fees.done.replace', { receipt, replacement: note.replacement ? receiptLabel(note.replacement, t) : '—' })
      : t(`fees.done.${note.kind}`, { receipt });
  return (
    <p className="outcome" data-kind={note.kind}>
      {text}
      {note.printError ? (
        <span className="dossier-fees__print-failed" data-code={note.printError.code}>
          {' '}
          {t('fees.done.printFailed', { reason: describeFailure(note.printError, translator), code: note.printError.code })}
        </span>
      ) : null}
    </p>
  );
}

function PaymentsTable(props: Readonly<{ payments: readonly Payment[] }>) {
  const { t, formatNumber } = useT();
  return (
    <table className="table dossier-fees__payments" data-testid="fee-payments">
      <caption className="dossier-fees__subtitle">{t('fees.payments.heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('fees.payments.at')}</th>
          <th scope="col">{t('fees.payments.method')}</th>
          <th scope="col" className="table__num">
            {t('fees.payments.amount')}
          </th>
          <th scope="col">{t('fees.payments.by')}</th>
        </tr>
      </thead>
      <tbody>
        {props.payments.map((payment) => (
          <tr key={payment.id} data-testid="fee-payment">
            <td className="table__nowrap">{formatVietnamDateTime(payment.recordedAt)}</td>
            <td>{t(payment.method === 'cash' ? 'payment.method.cash' : 'payment.method.transfer')}</td>
            <td className="table__num">{formatNumber(payment.amount)} đ</td>
            {/* The core names the collector (clerk accounts); null only in setup mode, where no clerk signed in. */}
            <td data-testid="fee-payment-by">{payment.collectorName ?? t('fees.payments.bySetup')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
