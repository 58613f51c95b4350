import { useEffect } from 'react';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { ApplicantFields } from './ApplicantFields.tsx';
import { DeliveryFields } from './DeliveryFields.tsx';
import { IntakeResult } from './IntakeResult.tsx';
import { IntakeReview } from './IntakeReview.tsx';
import { intakeKeyHints } from './key-hints.ts';
import { PapersChecklist } from './PapersChecklist.tsx';
import { ProcedurePicker } from './ProcedurePicker.tsx';
import { useIdScanner } from './use-id-scanner.ts';
import { useIntake } from './use-intake.ts';
import './intake.css';

/**
 * Tiếp nhận hồ sơ: procedure → applicant (scan the ID card at any moment) → papers → delivery, then
 * Ctrl+Enter to review and Ctrl+Enter to receive. Stays mounted while the clerk visits other screens
 * (`active` false), so a half-typed dossier survives a look at the home screen.
 */
export function IntakeScreen(props: Readonly<{ active: boolean; onOpenDossier: (id: string) => void }>) {
  const { t } = useT();
  const intake = useIntake();
  const { stage, draft, errors, review, submit, backToForm } = intake;
  useIdScanner(props.active && stage !== 'done', intake.readCard);

  useEffect(() => {
    if (!props.active) return undefined;
    document.title = `${t('intake.title')} – ${t('app.name')}`;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && event.ctrlKey && !event.altKey) {
        event.preventDefault();
        if (stage === 'form') review();
        else if (stage === 'review') submit();
      } else if (event.key === 'Escape' && stage === 'review') {
        event.preventDefault();
        backToForm();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.active, stage, review, submit, backToForm, t]);

  const feePending = stage === 'done' && intake.fee === null;
  const error = (key: keyof typeof errors) => {
    const message = errors[key];
    return message ? t(message) : undefined;
  };

  return (
    <main className="app-main app-main--wide" data-testid="intake-screen" data-stage={stage}>
      <div className="screen-head">
        <h1 className="page-title">{t('intake.title')}</h1>
        <p className="screen-head__keys" data-testid="intake-keys">
          {intakeKeyHints(stage, feePending).map((hint, index) => (
            <span key={hint.keys}>
              {index > 0 ? ' · ' : null}
              <Kbd keys={hint.keys} /> {t(hint.label)}
            </span>
          ))}
        </p>
      </div>
      {stage === 'done' && intake.result ? <IntakeResult dossier={intake.result} fee={intake.fee} onFee={intake.finishFee} onNext={intake.startNext} onOpen={props.onOpenDossier} /> : null}
      {stage === 'review' ? <IntakeReview intake={intake} /> : null}
      <form
        className="intake-form"
        hidden={stage !== 'form'}
        aria-label={t('intake.title')}
        onSubmit={(event) => {
          event.preventDefault();
          review();
        }}
      >
        <div className="intake-form__column">
          <section className="form-section">
            <h2 className="form-section__title">{t('intake.procedure.heading')}</h2>
            <ProcedurePicker selected={draft.procedure} error={error('procedure')} onChoose={intake.chooseProcedure} />
          </section>
          <ApplicantFields applicant={draft.applicant} errors={errors} scan={intake.scan} onChange={intake.updateApplicant} />
        </div>
        <div className="intake-form__column">
          <PapersChecklist papers={draft.papers} state={intake.papers} hasProcedure={draft.procedure !== null} error={error('papers')} onToggle={intake.togglePaper} />
          <DeliveryFields draft={draft} errors={errors} onChange={intake.update} />
          <div className="actions">
            <button type="submit" className="button button--primary" aria-keyshortcuts="Control+Enter" data-testid="intake-review-button">
              {t('intake.form.review')} <Kbd keys="Ctrl+Enter" />
            </button>
          </div>
        </div>
      </form>
    </main>
  );
}
