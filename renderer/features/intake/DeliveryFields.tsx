import { useT } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldId, type FieldErrors, type IntakeDraft } from './intake-draft.ts';

/** Số bộ hồ sơ, how the result goes back (counter or post, with the address), and the clerk's notes. */
export function DeliveryFields(props: Readonly<{ draft: IntakeDraft; errors: FieldErrors; onChange: (patch: Partial<IntakeDraft>) => void }>) {
  const { t } = useT();
  const { draft, errors, onChange } = props;
  const error = (key: keyof FieldErrors) => {
    const message = errors[key];
    return message ? t(message) : undefined;
  };
  return (
    <fieldset className="form-section" data-testid="intake-delivery">
      <legend className="form-section__title">{t('intake.delivery.heading')}</legend>
      <div className="form-grid">
        <Field id={fieldId('sets')} label={t('intake.delivery.sets')} error={error('sets')}>
          {(control) => <input {...control} className="input input--short" inputMode="numeric" value={draft.sets} onChange={(event) => onChange({ sets: event.target.value })} />}
        </Field>
        <div className="field" role="radiogroup" aria-labelledby="intake-delivery-label">
          <span className="field__label" id="intake-delivery-label">
            {t('intake.delivery.method')}
          </span>
          <div className="radios">
            {(['counter', 'post'] as const).map((method) => (
              <label key={method} className="radio">
                <input type="radio" name="intake-delivery" value={method} checked={draft.delivery === method} onChange={() => onChange({ delivery: method, postAddress: draft.postAddress || draft.applicant.address })} />
                {t(`intake.delivery.${method}`)}
              </label>
            ))}
          </div>
        </div>
        {draft.delivery === 'post' ? (
          <Field id={fieldId('postAddress')} label={t('intake.delivery.postAddress')} error={error('postAddress')} className="field--wide">
            {(control) => <input {...control} className="input" value={draft.postAddress} onChange={(event) => onChange({ postAddress: event.target.value })} />}
          </Field>
        ) : null}
        <Field id={fieldId('notes')} label={t('intake.delivery.notes')} error={error('notes')} className="field--wide">
          {(control) => <textarea {...control} className="input textarea" rows={2} value={draft.notes} onChange={(event) => onChange({ notes: event.target.value })} />}
        </Field>
      </div>
    </fieldset>
  );
}
