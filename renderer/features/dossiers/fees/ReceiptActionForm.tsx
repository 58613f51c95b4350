import { useState } from 'react';
import { useT } from '../../../i18n/LanguageProvider.tsx';
import { Field } from '../../../ui/Field.tsx';
import { FormButtons } from '../../../ui/FormButtons.tsx';
import { REASON_MAX, reasonProblem } from './receipt-actions.ts';

/**
 * Cancel or replace one receipt: the reason (required, on the receipt and in the audit), and for a replacement
 * the payer's name when it was wrong. Enter confirms, Esc goes back; what was typed stays if the core refuses.
 */
export function ReceiptActionForm(
  props: Readonly<{ kind: 'cancel' | 'replace'; receiptLabel: string; pending: boolean; onConfirm: (reason: string, payerName: string) => void; onBack: () => void }>,
) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [payerName, setPayerName] = useState('');
  const [showProblem, setShowProblem] = useState(false);
  const problem = showProblem ? reasonProblem(reason) : null;
  const { kind } = props;
  return (
    <form
      className="action-form receipt-form"
      data-testid={`receipt-form-${kind}`}
      aria-labelledby="receipt-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (reasonProblem(reason)) {
          setShowProblem(true);
          document.getElementById('receipt-reason')?.focus();
          return;
        }
        props.onConfirm(reason, payerName);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onBack();
        }
      }}
    >
      <h3 id="receipt-form-title" className="action-form__title">
        {t(kind === 'cancel' ? 'fees.form.cancelTitle' : 'fees.form.replaceTitle', { receipt: props.receiptLabel })}
      </h3>
      <p className="muted">{t(kind === 'cancel' ? 'fees.form.cancelExplain' : 'fees.form.replaceExplain')}</p>
      <Field id="receipt-reason" label={t('fees.form.reason')} error={problem ? t(problem) : undefined}>
        {(control) => <input {...control} data-autofocus className="input" autoComplete="off" maxLength={REASON_MAX} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      {kind === 'replace' ? (
        <Field id="receipt-payer" label={t('fees.form.payerName')}>
          {(control) => <input {...control} className="input" autoComplete="off" maxLength={200} value={payerName} onChange={(event) => setPayerName(event.target.value)} />}
        </Field>
      ) : null}
      <FormButtons confirm={t('fees.form.confirm')} cancel={t('fees.form.back')} pending={props.pending} confirmTestId="receipt-form-confirm" onCancel={props.onBack} />
    </form>
  );
}
