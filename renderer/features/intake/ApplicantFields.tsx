import { useT } from '../../i18n/LanguageProvider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { Field } from '../../ui/Field.tsx';
import { describeFailure } from '../home/describe-failure.ts';
import { fieldId, type ApplicantDraft, type FieldErrors, type FieldKey } from './intake-draft.ts';
import type { ScanState } from './use-intake.ts';

type TextKey = 'idNumber' | 'oldIdNumber' | 'fullName' | 'birthDate' | 'address' | 'phone' | 'email';

const TEXT_FIELDS: readonly (readonly [TextKey, MessageKey, Readonly<{ inputMode?: 'numeric' | 'tel' | 'email'; hint?: MessageKey; wide?: boolean }>])[] = [
  ['idNumber', 'intake.applicant.idNumber', { inputMode: 'numeric' }],
  ['fullName', 'intake.applicant.fullName', { wide: true }],
  ['birthDate', 'intake.applicant.birthDate', { hint: 'intake.applicant.birthDateHint' }],
  ['oldIdNumber', 'intake.applicant.oldIdNumber', { inputMode: 'numeric' }],
  ['address', 'intake.applicant.address', { wide: true }],
  ['phone', 'intake.applicant.phone', { inputMode: 'tel' }],
  ['email', 'intake.applicant.email', { inputMode: 'email' }],
];

/** What the scanner reported: reading, read (with warnings to check against the card), or why it failed. */
function ScanNotice(props: Readonly<{ scan: ScanState }>) {
  const translator = useT();
  const { t, language } = translator;
  const { scan } = props;
  return (
    <div className="scan-notice" aria-live="polite" data-testid="intake-scan-notice" data-status={scan.status}>
      {scan.status === 'idle' ? <p className="muted">{t('intake.scan.idle')}</p> : null}
      {scan.status === 'reading' ? <p>{t('intake.scan.reading')}</p> : null}
      {scan.status === 'read' ? (
        <>
          <p className="scan-notice__ok">{t('intake.scan.read')}</p>
          {scan.warnings.length > 0 ? (
            <ul className="scan-notice__warnings" data-testid="intake-scan-warnings">
              {scan.warnings.map((warning) => (
                <li key={warning.code}>{warning[language]}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {scan.status === 'failed' ? (
        <div className="scan-notice__failed" role="alert">
          <p>{describeFailure(scan.error, translator)}</p>
          {scan.problem ? <p>{scan.problem[language]}</p> : null}
          <p className="banner__code">
            {t('common.errorCode')}: <code>{scan.error.code}</code>
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** The applicant: filled by a scanned ID card (anywhere on the screen) or typed. */
export function ApplicantFields(
  props: Readonly<{ applicant: ApplicantDraft; errors: FieldErrors; scan: ScanState; onChange: (patch: Partial<ApplicantDraft>) => void }>,
) {
  const { t } = useT();
  const { applicant, errors, onChange } = props;
  const errorText = (key: FieldKey) => {
    const message = errors[key];
    return message ? t(message) : undefined;
  };
  return (
    <fieldset className="form-section" data-testid="intake-applicant">
      <legend className="form-section__title">{t('intake.applicant.heading')}</legend>
      <ScanNotice scan={props.scan} />
      <div className="form-grid">
        {TEXT_FIELDS.slice(0, 3).map(([key, label, options]) => (
          <Field key={key} id={fieldId(`applicant.${key}`)} label={t(label)} hint={options.hint ? t(options.hint) : undefined} error={errorText(`applicant.${key}`)} className={options.wide ? 'field--wide' : undefined}>
            {(control) => <input {...control} className="input" inputMode={options.inputMode} autoComplete="off" value={applicant[key]} onChange={(event) => onChange({ [key]: event.target.value })} />}
          </Field>
        ))}
        <Field id={fieldId('applicant.gender')} label={t('intake.applicant.gender')} error={errorText('applicant.gender')}>
          {(control) => (
            <select {...control} className="input" value={applicant.gender} onChange={(event) => onChange({ gender: event.target.value as ApplicantDraft['gender'] })}>
              <option value="">{t('intake.applicant.genderUnset')}</option>
              <option value="male">{t('intake.applicant.male')}</option>
              <option value="female">{t('intake.applicant.female')}</option>
            </select>
          )}
        </Field>
        {TEXT_FIELDS.slice(3).map(([key, label, options]) => (
          <Field key={key} id={fieldId(`applicant.${key}`)} label={t(label)} error={errorText(`applicant.${key}`)} className={options.wide ? 'field--wide' : undefined}>
            {(control) => <input {...control} className="input" inputMode={options.inputMode} autoComplete="off" value={applicant[key]} onChange={(event) => onChange({ [key]: event.target.value })} />}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
