import type { ReactNode } from 'react';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { timeLimitText } from './time-limit-text.ts';
import { CONFIRM_ID, type IntakeController } from './use-intake.ts';
import { FailureBanner } from '../../ui/FailureBanner.tsx';

function Row(props: Readonly<{ label: string; testId?: string; children: ReactNode }>) {
  return (
    <div className="facts__row">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.children}</dd>
    </div>
  );
}

/** Everything that will be recorded, once more, before the dossier is received. */
export function IntakeReview(props: Readonly<{ intake: IntakeController }>) {
  const translator = useT();
  const { t } = translator;
  const { draft, failure, submitting } = props.intake;
  const { applicant } = draft;
  const received = draft.papers.filter((paper) => paper.received);
  const gender = applicant.gender === '' ? '—' : t(`intake.applicant.${applicant.gender}`);
  return (
    <section className="panel review" aria-labelledby="intake-review-heading" data-testid="intake-review">
      <h2 id="intake-review-heading" className="panel__title">
        {t('intake.review.heading')}
      </h2>
      {failure ? (
        <FailureBanner failure={failure} testId="intake-failure" title={t('intake.review.failed')}>
          <p>{t('intake.review.keptDraft')}</p>
        </FailureBanner>
      ) : null}
      <dl className="facts">
        <Row label={t('intake.review.procedure')} testId="review-procedure">
          {draft.procedure?.code} — {draft.procedure?.name}
          <span className="facts__sub">{timeLimitText(draft.procedure?.timeLimit ?? null, t)}</span>
        </Row>
        <Row label={t('intake.applicant.fullName')} testId="review-name">
          {applicant.fullName}
        </Row>
        <Row label={t('intake.applicant.idNumber')}>{applicant.idNumber || '—'}</Row>
        <Row label={t('intake.review.birthAndGender')}>
          {applicant.birthDate || '—'} · {gender}
        </Row>
        <Row label={t('intake.applicant.address')}>{applicant.address || '—'}</Row>
        <Row label={t('intake.applicant.phone')}>{applicant.phone || '—'}</Row>
        <Row label={t('intake.papers.heading')} testId="review-papers">
          {t('intake.papers.count', { received: received.length, total: draft.papers.length })}
          {received.length > 0 ? (
            <ul className="review__papers">
              {received.map((paper) => (
                <li key={paper.id}>{paper.name}</li>
              ))}
            </ul>
          ) : null}
        </Row>
        <Row label={t('intake.delivery.sets')}>{draft.sets}</Row>
        <Row label={t('intake.delivery.method')}>
          {t(`intake.delivery.${draft.delivery}`)}
          {draft.delivery === 'post' ? ` — ${draft.postAddress}` : ''}
        </Row>
        {draft.notes.trim() ? <Row label={t('intake.delivery.notes')}>{draft.notes}</Row> : null}
      </dl>
      <div className="actions">
        <button id={CONFIRM_ID} data-autofocus type="button" className="button button--primary" disabled={submitting} aria-keyshortcuts="Control+Enter" onClick={props.intake.submit}>
          {submitting ? t('intake.review.receiving') : t('intake.review.receive')} <Kbd keys="Ctrl+Enter" />
        </button>
        <button type="button" className="button button--secondary" aria-keyshortcuts="Escape" onClick={props.intake.backToForm}>
          {t('intake.review.edit')} <Kbd keys="Esc" />
        </button>
      </div>
    </section>
  );
}
