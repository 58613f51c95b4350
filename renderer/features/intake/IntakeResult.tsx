import { useState } from 'react';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { formatVietnamDateTime } from '../../ui/format-time.ts';
import { Kbd } from '../../ui/Kbd.tsx';
import { PaperScans } from './scan/PaperScans.tsx';
import { FeeStep } from './payment/FeeStep.tsx';
import { ReceiptSummary } from './payment/ReceiptSummary.tsx';
import { PAY_ID, RECEIVED_ID, type FeeOutcome } from './payment/use-fee-step.ts';
import { NEXT_ID, RESULT_HEADING_ID } from './use-intake.ts';

/** The receipt facts the clerk reads out or writes on the slip: code, due date, look-up PIN. */
export function IntakeResult(props: Readonly<{ dossier: Dossier; fee: FeeOutcome | null; onFee: (outcome: FeeOutcome) => void; onNext: () => void; onOpen: (id: string) => void }>) {
  const { t } = useT();
  const { dossier } = props;
  // "Next" while the fee step is still open would leave the fee unpaid without anyone deciding so: the clerk is
  // asked instead, and the focus goes back into the fee step (Ctrl+Enter pays, Esc leaves it for later).
  const [feeAsked, setFeeAsked] = useState(false);
  const next = () => {
    if (props.fee !== null) {
      props.onNext();
      return;
    }
    setFeeAsked(true);
    const target = document.querySelector<HTMLElement>('[id^="payment-count-"]') ?? document.getElementById(RECEIVED_ID) ?? document.getElementById(PAY_ID);
    target?.focus();
  };
  return (
    <>
      <section className="panel result" aria-labelledby="intake-result-heading" data-testid="intake-result">
        <div role="status" aria-live="polite">
          <h2 id={RESULT_HEADING_ID} className="result__title" tabIndex={-1}>
            {t('intake.result.heading')}
          </h2>
          <dl className="result__facts">
            <div>
              <dt>{t('intake.result.code')}</dt>
              <dd className="result__code" data-testid="result-code">
                {dossier.code}
              </dd>
            </div>
            <div>
              <dt>{t('intake.result.dueAt')}</dt>
              <dd className="result__big" data-testid="result-due">
                {formatVietnamDateTime(dossier.dueAt)}
              </dd>
            </div>
            <div>
              <dt>{t('intake.result.pin')}</dt>
              <dd className="result__big result__pin" data-testid="result-pin">
                {dossier.lookupPin}
              </dd>
            </div>
          </dl>
          <p className="result__line">
            {dossier.applicant.fullName} · {dossier.procedure.code} — {dossier.procedure.name}
          </p>
          <p className="result__line muted">{t('intake.result.receivedAt', { at: formatVietnamDateTime(dossier.receivedAt) })}</p>
          {props.fee ? <ReceiptSummary outcome={props.fee} /> : null}
        </div>
        <div className="actions">
          <button id={NEXT_ID} data-autofocus type="button" className="button button--primary" aria-describedby={feeAsked && props.fee === null ? 'intake-fee-due' : undefined} onClick={next}>
            {t('intake.result.next')} <Kbd keys="Enter" />
          </button>
          <button type="button" className="button button--secondary" onClick={() => props.onOpen(dossier.id)}>
            {t('intake.result.open')}
          </button>
        </div>
        {feeAsked && props.fee === null ? (
          <p id="intake-fee-due" className="result__fee-due" role="alert" data-testid="intake-fee-due">
            {t('fees.intake.due')}
          </p>
        ) : null}
      </section>
      {props.fee === null ? <FeeStep dossier={dossier} onDone={props.onFee} /> : null}
      {dossier.papers.length > 0 ? <PaperScans dossier={dossier} /> : null}
    </>
  );
}
