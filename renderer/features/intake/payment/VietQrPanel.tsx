import type { FeeQuote } from '../../../../shared/contract/receipts.ts';
import { parseVietQr } from '../../../../shared/domain/payments/vietqr.ts';
import { describeFailure } from '../../home/describe-failure.ts';
import { useT } from '../../../i18n/LanguageProvider.tsx';
import { Field } from '../../../ui/Field.tsx';
import { REFERENCE_ID, type FeeStepController } from './use-fee-step.ts';

/**
 * The transfer: the quote's VietQR (amount and dossier code as purpose) drawn by the core as an image the payer
 * scans, what it carries in words for the clerk to read out, and the bank's reference when the clerk has it.
 */
export function VietQrPanel(
  props: Readonly<{ quote: FeeQuote; qr: FeeStepController['qr']; problem: string | undefined; reference: string; onReference: (value: string) => void }>,
) {
  const translator = useT();
  const { t, formatNumber } = translator;
  const { quote, qr } = props;
  const parsed = quote.vietqr === null ? null : parseVietQr(quote.vietqr);
  const carried = parsed?.ok ? parsed.qr : null;
  return (
    <div className="vietqr" data-testid="payment-transfer">
      {quote.vietqr === null ? (
        <p className="fee-step__problem" role="alert" data-testid="payment-no-bank">
          {quote.total === 0 ? t('payment.error.nothingToTransfer') : t('payment.error.noBankAccount')}
        </p>
      ) : qr.status === 'ready' ? (
        <figure className="vietqr__figure">
          <img className="vietqr__image" data-testid="payment-qr" data-payload={qr.payload} src={qr.src} width={240} height={240} alt={t('payment.transfer.qrAlt', { amount: formatNumber(quote.total), code: quote.dossierCode })} />
          <figcaption className="vietqr__caption">{t('payment.transfer.scan')}</figcaption>
        </figure>
      ) : qr.status === 'failed' ? (
        <p className="fee-step__problem" role="alert" data-code={qr.error.code}>
          {describeFailure(qr.error, translator)} ({t('common.errorCode')}: <code>{qr.error.code}</code>)
        </p>
      ) : (
        <p role="status">{t('payment.transfer.loading')}</p>
      )}
      {carried ? (
        <dl className="facts facts--compact">
          <div className="facts__row">
            <dt>{t('payment.result.amount')}</dt>
            <dd>{formatNumber(carried.amount ?? 0)} đ</dd>
          </div>
          <div className="facts__row">
            <dt>{t('payment.transfer.purpose')}</dt>
            <dd data-testid="payment-qr-purpose">{carried.purpose ?? '—'}</dd>
          </div>
        </dl>
      ) : null}
      {props.problem ? <p className="fee-step__problem">{props.problem}</p> : null}
      <Field id={REFERENCE_ID} label={t('payment.transfer.reference')}>
        {(control) => <input {...control} className="input" maxLength={64} autoComplete="off" value={props.reference} onChange={(event) => props.onReference(event.target.value)} />}
      </Field>
    </div>
  );
}
