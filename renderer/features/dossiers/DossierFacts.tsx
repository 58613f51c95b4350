import type { ReactNode } from 'react';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { formatVietnamDateTime, localDateToDisplay } from '../../ui/format-time.ts';
import { Panel } from '../../ui/Panel.tsx';
import type { Lateness } from './use-dossier.ts';

function Row(props: Readonly<{ label: string; testId?: string; children: ReactNode }>) {
  return (
    <div className="facts__row">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.children}</dd>
    </div>
  );
}

/** The dossier as recorded: who, what, when it is due (and how late), the look-up PIN, the papers. */
export function DossierFacts(props: Readonly<{ dossier: Dossier; lateness: Lateness | null }>) {
  const { t } = useT();
  const { dossier, lateness } = props;
  const { applicant } = dossier;
  return (
    <Panel id="dossier-facts" title={t('dossiers.detail.facts')} testId="dossier-facts">
      <dl className="facts">
        <Row label={t('dossiers.detail.procedure')}>
          {dossier.procedure.code} — {dossier.procedure.name}
        </Row>
        <Row label={t('intake.applicant.fullName')} testId="dossier-applicant">
          {applicant.fullName}
        </Row>
        <Row label={t('intake.applicant.idNumber')}>{applicant.idNumber ?? '—'}</Row>
        <Row label={t('intake.applicant.birthDate')}>{applicant.birthDate ? localDateToDisplay(applicant.birthDate) : '—'}</Row>
        <Row label={t('intake.applicant.address')}>{applicant.address ?? '—'}</Row>
        <Row label={t('intake.applicant.phone')}>{applicant.phone ?? '—'}</Row>
        <Row label={t('dossiers.detail.receivedAt')}>{formatVietnamDateTime(dossier.receivedAt)}</Row>
        <Row label={t('dossiers.detail.dueAt')} testId="dossier-due">
          {formatVietnamDateTime(dossier.dueAt)}
          {lateness?.overdue ? (
            <span className="late" data-testid="dossier-lateness">
              {t('dossiers.detail.late', { days: lateness.workingDaysLate, hours: Math.floor(lateness.workingMinutesLate / 60) })}
            </span>
          ) : null}
          {dossier.pausedAt ? <span className="facts__sub">{t('dossiers.detail.paused', { at: formatVietnamDateTime(dossier.pausedAt) })}</span> : null}
        </Row>
        <Row label={t('intake.result.pin')} testId="dossier-pin">
          {dossier.lookupPin}
        </Row>
        <Row label={t('intake.papers.heading')}>
          {dossier.papers.length === 0 ? '—' : null}
          <ul className="review__papers">
            {dossier.papers.map((paper, index) => (
              <li key={index}>
                {paper.name} ({t(`intake.paper.form.${paper.form}`)}, {t('intake.paper.copies', { n: paper.count })})
              </li>
            ))}
          </ul>
        </Row>
        <Row label={t('intake.delivery.method')}>
          {t(`intake.delivery.${dossier.resultDelivery.method}`)}
          {dossier.resultDelivery.method === 'post' ? ` — ${dossier.resultDelivery.address}` : ''}
        </Row>
        {dossier.notes ? <Row label={t('intake.delivery.notes')}>{dossier.notes}</Row> : null}
        {dossier.returnedAt ? <Row label={t('dossiers.detail.returnedAt')}>{formatVietnamDateTime(dossier.returnedAt)}</Row> : null}
      </dl>
    </Panel>
  );
}
