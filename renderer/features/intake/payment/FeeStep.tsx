import { useEffect, useRef, useState } from 'react';
import type { Dossier } from '../../../../shared/contract/dossiers.ts';
import { useT } from '../../../i18n/LanguageProvider.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Kbd } from '../../../ui/Kbd.tsx';
import { ToggleGroup } from '../../../ui/ToggleGroup.tsx';
import { CONFIRM_SETTLE_MS, confirmVerdict, type ConfirmPress } from './confirm-guard.ts';
import { countedFeeIds, amountsMissing } from './fee-step-state.ts';
import { FIRST_LINE_ID, PAY_ID, REASON_ID, RECEIVED_ID, REFERENCE_ID, useFeeStep, type FeeOutcome } from './use-fee-step.ts';
import { VietQrPanel } from './VietQrPanel.tsx';
import './payment.css';
import { FailureBanner } from '../../../ui/FailureBanner.tsx';

/**
 * Thu phí, lệ phí on the result screen, right after the dossier is received (it exists, so a receipt is only for a saved
 * dossier): the lines, per-page counts, an exemption with its reason, extra services, cash with change or a
 * transfer by VietQR. Ctrl+Enter records the payment and prints the receipt — only a fresh press once the amount
 * has been on screen (confirm-guard.ts: a double Ctrl+Enter that received the dossier must not also take the
 * money); Esc leaves it for later. Alt+K goes to the fee lines (Space leaves one out), Alt+M exempts, Alt+T cash, Alt+Q transfer.
 */
export function FeeStep(props: Readonly<{ dossier: Dossier; onDone: (outcome: FeeOutcome) => void }>) {
  const translator = useT();
  const { t, formatNumber } = translator;
  const step = useFeeStep(props.dossier, props.onDone);
  const { draft, quote, update, pay, later } = step;
  const vnd = (amount: number) => `${formatNumber(amount)} đ`;

  // When the quote was first on screen (the events' clock), and whether a confirm was refused as too early.
  const shownAt = useRef<number | null>(null);
  const [armed, setArmed] = useState(false);
  const [early, setEarly] = useState(false);
  const confirm = (press: ConfirmPress) => {
    const verdict = confirmVerdict(press, shownAt.current);
    if (verdict === 'accept') {
      setEarly(false);
      pay();
    } else if (quote !== null) {
      setEarly(true); // while the quote is still loading there is nothing to confirm, and nothing to explain
    }
  };

  const keys = useRef({ confirm, later, update, draft });
  keys.current = { confirm, later, update, draft };
  useEffect(() => {
    const focusSoon = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);
    const onKey = (event: KeyboardEvent) => {
      const current = keys.current;
      if (event.key === 'Enter' && event.ctrlKey && !event.altKey) {
        event.preventDefault();
        current.confirm({ at: event.timeStamp, repeat: event.repeat });
      } else if (event.key === 'Escape' && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        current.later();
      } else if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        if (event.code === 'KeyM') {
          event.preventDefault();
          const exempt = !current.draft.exempt;
          current.update({ exempt });
          focusSoon(exempt ? REASON_ID : RECEIVED_ID);
        } else if (event.code === 'KeyK') {
          event.preventDefault();
          document.getElementById(FIRST_LINE_ID)?.focus();
        } else if (event.code === 'KeyT') {
          event.preventDefault();
          current.update({ method: 'cash' });
          focusSoon(RECEIVED_ID);
        } else if (event.code === 'KeyQ') {
          event.preventDefault();
          current.update({ method: 'transfer' });
          focusSoon(REFERENCE_ID);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The cash field first: a standard payment is "type what was handed over, Ctrl+Enter". A per-page fee
  // needs its count before anything else, so then the page count comes first.
  const ready = quote !== null;
  const firstCount = quote ? countedFeeIds(quote, draft)[0] : undefined;
  useEffect(() => {
    if (ready) document.getElementById(firstCount === undefined ? RECEIVED_ID : `payment-count-${firstCount}`)?.focus();
  }, [ready, firstCount]);
  useEffect(() => {
    if (!ready) return undefined;
    shownAt.current = performance.now();
    // `data-armed` only tells tests (and nobody else) that the next press counts; the guard reads shownAt.
    const timer = window.setTimeout(() => setArmed(true), CONFIRM_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [ready]);

  if (!quote) {
    return (
      <section className="panel fee-step" aria-labelledby="fee-step-heading" data-testid="fee-step" data-state={step.quoteError ? 'failed' : 'loading'}>
        <h2 id="fee-step-heading" className="panel__title">
          {t('payment.title')}
        </h2>
        {step.quoteError ? (
          <FailureBanner failure={step.quoteError} testId="fee-failure" title={t('payment.quoteFailed')} />
        ) : (
          <p role="status">{t('payment.loading')}</p>
        )}
        <div className="actions">
          <button type="button" className="button button--secondary" aria-keyshortcuts="Escape" onClick={later}>
            {t('payment.later')} <Kbd keys="Esc" />
          </button>
        </div>
      </section>
    );
  }

  const problem = step.problem;
  const params = Object.fromEntries(Object.entries(problem?.params ?? {}).map(([name, value]) => [name, formatNumber(value)]));
  const problemText = (field: string) => (problem?.field === field ? t(problem.message, params) : undefined);
  const counted = countedFeeIds(quote, draft);
  const noAmount = amountsMissing(quote);
  const linesById = new Map(quote.lines.map((line) => [line.id, line]));
  const payLabel = quote.total === 0 ? t('payment.recordExempt') : t('payment.pay');

  return (
    <section className="panel fee-step" aria-labelledby="fee-step-heading" data-testid="fee-step" data-state="ready" data-armed={armed} data-total={quote.total}>
      <h2 id="fee-step-heading" className="panel__title">
        {t('payment.title')} — {t('payment.dossier', { code: quote.dossierCode })}
      </h2>
      {step.failure ? (
        <FailureBanner failure={step.failure} testId="fee-failure" title={t('payment.failed')}>
          <p>{t('payment.keptChoices')}</p>
        </FailureBanner>
      ) : null}
      <div className="fee-step__columns">
        <div className="fee-step__column">
          <table className="fee-lines" data-testid="fee-lines">
            <caption className="fee-lines__caption">
              {t('payment.lines.caption')} <Kbd keys="Alt+K" />
            </caption>
            <thead>
              <tr>
                <th scope="col" className="fee-lines__collect">
                  {t('payment.lines.collect')}
                </th>
                <th scope="col">{t('payment.lines.item')}</th>
                <th scope="col" className="fee-lines__num">
                  {t('payment.lines.quantity')}
                </th>
                <th scope="col" className="fee-lines__num">
                  {t('payment.lines.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {step.feeLines.map((known, index) => {
                const line = linesById.get(known.id);
                const omitted = line === undefined;
                return (
                  <tr key={known.id} data-line={known.id} data-omitted={omitted} className={omitted ? 'fee-lines__row--omitted' : undefined}>
                    <td className="fee-lines__collect">
                      <input
                        type="checkbox"
                        id={`payment-line-${index}`}
                        checked={!omitted}
                        aria-label={t('payment.lines.collectItem', { name: known.name })}
                        onChange={() => step.toggleLine(known.id)}
                      />
                    </td>
                    <td>
                      {known.name}
                      {line?.exemptReason ? <span className="fee-lines__exempt">{t('payment.lines.exempt', { reason: line.exemptReason })}</span> : null}
                    </td>
                    <td className="fee-lines__num">{line ? line.quantity : '—'}</td>
                    <td className="fee-lines__num">{omitted ? t('payment.lines.omitted') : line.amount === null ? <span className="fee-lines__missing">{t('payment.lines.noAmount')}</span> : vnd(line.amount)}</td>
                  </tr>
                );
              })}
              {quote.lines.filter((line) => line.kind === 'service').map((line) => (
                <tr key={line.id} data-line={line.id}>
                  <td />
                  <td>
                    {line.name}
                    {line.exemptReason !== null ? <span className="fee-lines__exempt">{t('payment.lines.exempt', { reason: line.exemptReason })}</span> : null}
                  </td>
                  <td className="fee-lines__num">{line.quantity}</td>
                  <td className="fee-lines__num">{line.amount === null ? <span className="fee-lines__missing">{t('payment.lines.noAmount')}</span> : vnd(line.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('payment.total')}
                </th>
                <td className="fee-lines__num fee-lines__total" data-testid="fee-total">
                  {vnd(quote.total)}
                </td>
              </tr>
            </tfoot>
          </table>
          {noAmount.length > 0 || problem?.field === 'amounts' ? (
            <p className="fee-step__problem" role="alert" data-testid="fee-amount-missing">
              {t('payment.error.amountMissing')}
            </p>
          ) : null}

          {counted.map((feeId) => {
            const count = draft.counts[feeId] ?? { quantity: '', copies: '' };
            const setCount = (patch: Partial<typeof count>) => update({ counts: { ...draft.counts, [feeId]: { ...count, ...patch } } });
            return (
              <div className="form-grid" key={feeId}>
                <Field id={`payment-count-${feeId}`} label={t('payment.count.pages', { name: linesById.get(feeId)?.name ?? feeId })} error={problemText('counts')}>
                  {(control) => <input {...control} className="input input--short" inputMode="numeric" value={count.quantity} onChange={(event) => setCount({ quantity: event.target.value })} />}
                </Field>
                <Field id={`payment-copies-${feeId}`} label={t('payment.count.copies')}>
                  {(control) => <input {...control} className="input input--short" inputMode="numeric" placeholder="1" value={count.copies} onChange={(event) => setCount({ copies: event.target.value })} />}
                </Field>
              </div>
            );
          })}

          <div className="fee-step__exempt">
            <label className="checkbox-row">
              <input type="checkbox" id="payment-exempt" checked={draft.exempt} aria-keyshortcuts="Alt+M" onChange={(event) => update({ exempt: event.target.checked })} />
              {t('payment.exempt.toggle')} <Kbd keys="Alt+M" />
            </label>
            {draft.exempt ? (
              <Field id={REASON_ID} label={t('payment.exempt.reason')} hint={t('payment.exempt.reasonHint')} error={problemText('exemptReason')} className="field--wide">
                {(control) => <textarea {...control} className="input textarea" rows={2} maxLength={500} value={draft.exemptReason} onChange={(event) => update({ exemptReason: event.target.value })} />}
              </Field>
            ) : null}
          </div>

          {step.services.length > 0 ? (
            <fieldset className="fee-step__services">
              <legend className="form-section__title">{t('payment.services.heading')}</legend>
              <div className="form-grid">
                {step.services.map((service) => (
                  <Field key={service.id} id={`payment-service-${service.id}`} label={t('payment.services.quantity', { name: service.name, amount: formatNumber(service.amount), unit: service.unit })}>
                    {(control) => (
                      <input
                        {...control}
                        className="input input--short"
                        inputMode="numeric"
                        placeholder="0"
                        value={draft.services[service.id] ?? ''}
                        onChange={(event) => update({ services: { ...draft.services, [service.id]: event.target.value } })}
                      />
                    )}
                  </Field>
                ))}
              </div>
            </fieldset>
          ) : null}
        </div>

        <div className="fee-step__column">
          <div className="field">
            <span className="field__label" aria-hidden="true">
              {t('payment.method.label')} <Kbd keys="Alt+T" /> <Kbd keys="Alt+Q" />
            </span>
            <ToggleGroup
              label={t('payment.method.label')}
              testId="payment-method"
              value={draft.method}
              onChange={(method) => update({ method })}
              options={[
                { value: 'cash', label: t('payment.method.cash') },
                { value: 'transfer', label: t('payment.method.transfer') },
              ]}
            />
          </div>
          {draft.method === 'cash' && quote.total === 0 ? null : draft.method === 'cash' ? (
            <>
              <Field id={RECEIVED_ID} label={t('payment.cash.received')} hint={t('payment.cash.receivedHint')} error={problemText('received')}>
                {(control) => <input {...control} className="input fee-step__money" inputMode="numeric" autoComplete="off" placeholder={formatNumber(quote.total)} value={draft.received} onChange={(event) => update({ received: event.target.value })} />}
              </Field>
              <div className="fee-step__change" data-testid="payment-change" aria-live="polite">
                <span>{t('payment.cash.change')}</span>
                <strong>{step.change?.ok ? vnd(step.change.change) : '—'}</strong>
              </div>
            </>
          ) : (
            <VietQrPanel quote={quote} qr={step.qr} problem={problemText('bank')} reference={draft.bankReference} onReference={(bankReference) => update({ bankReference })} />
          )}
          <div className="actions">
            <button id={PAY_ID} type="button" className="button button--primary" disabled={step.paying} aria-keyshortcuts="Control+Enter" onClick={(event) => confirm({ at: event.timeStamp, repeat: false })} data-testid="payment-pay">
              {step.paying ? t('payment.paying') : payLabel} <Kbd keys="Ctrl+Enter" />
            </button>
            <button type="button" className="button button--secondary" aria-keyshortcuts="Escape" onClick={later}>
              {t('payment.later')} <Kbd keys="Esc" />
            </button>
          </div>
          <p className="fee-step__early" role="status" data-testid="payment-early">
            {early && !step.paying ? t('payment.confirmEarly') : null}
          </p>
        </div>
      </div>
    </section>
  );
}
