import { describeFailure } from '../../home/describe-failure.ts';
import { useT } from '../../../i18n/LanguageProvider.tsx';
import type { FeeOutcome } from './use-fee-step.ts';

/**
 * On the result screen: the receipt as the core returned it. A provisional one (server provider offline) is
 * marked PHIẾU THU TẠM in words and colour, never shown as if it had a number.
 */
export function ReceiptSummary(props: Readonly<{ outcome: FeeOutcome }>) {
  const translator = useT();
  const { t, formatNumber } = translator;
  const { outcome } = props;
  if (outcome.kind === 'free') return null;
  if (outcome.kind === 'later') {
    return (
      <p className="result__line receipt-summary__later" data-testid="receipt-later">
        {t('payment.result.later')}
      </p>
    );
  }
  const { payment, receipt, printError } = outcome;
  const provisional = receipt.status === 'provisional';
  const exempt = payment.lines.find((line) => line.exemptReason !== null)?.exemptReason ?? null;
  return (
    <section className={`receipt-summary${provisional ? ' receipt-summary--provisional' : ''}`} aria-labelledby="receipt-summary-heading" data-testid="receipt-summary" data-status={receipt.status}>
      <h3 id="receipt-summary-heading" className="receipt-summary__title">
        {t('payment.result.heading')}
      </h3>
      {provisional ? (
        <>
          <p className="receipt-summary__mark" data-testid="receipt-provisional">
            {t('payment.result.provisional')}
          </p>
          <p>{t('payment.result.provisionalHint')}</p>
        </>
      ) : (
        <p className="receipt-summary__number" data-testid="receipt-number">
          {t('payment.result.number', { number: receipt.number ?? '—', symbol: receipt.symbol ?? '—', template: receipt.template ?? '—' })}
        </p>
      )}
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('payment.result.amount')}</dt>
          <dd data-testid="receipt-amount">{formatNumber(receipt.amount)} đ</dd>
        </div>
        <div className="facts__row">
          <dt>{t('payment.result.method')}</dt>
          <dd>{t(receipt.method === 'cash' ? 'payment.method.cash' : 'payment.method.transfer')}</dd>
        </div>
        {payment.change !== null && payment.change > 0 ? (
          <div className="facts__row">
            <dt>{t('payment.result.change')}</dt>
            <dd data-testid="receipt-change">{formatNumber(payment.change)} đ</dd>
          </div>
        ) : null}
        <div className="facts__row">
          <dt>{t('payment.result.lookup')}</dt>
          <dd>
            <code>{receipt.lookupCode}</code>
          </dd>
        </div>
      </dl>
      {exempt !== null ? <p data-testid="receipt-exempt">{t('payment.result.exempt', { reason: exempt })}</p> : null}
      {printError ? (
        <p className="receipt-summary__print-failed" data-testid="receipt-print-failed" data-code={printError.code}>
          {t('payment.result.notPrinted', { reason: describeFailure(printError, translator), code: printError.code })}
        </p>
      ) : (
        <p className="muted" data-testid="receipt-printed">
          {t('payment.result.printed')}
        </p>
      )}
    </section>
  );
}
