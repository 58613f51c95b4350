import type { DossierSummary } from '../../../shared/contract/dossiers.ts';
import { routeHref } from '../../app/routes.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { formatVietnamDateTime } from '../../ui/format-time.ts';
import { DossierStatusBadge } from './DossierStatus.tsx';

/** Dossiers as a table; the code is a link (Tab, Enter) to the detail. */
export function DossierTable(props: Readonly<{ dossiers: readonly DossierSummary[]; caption: string }>) {
  const { t } = useT();
  return (
    <table className="table" data-testid="dossier-table">
      <caption className="table__caption">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dossiers.table.code')}</th>
          <th scope="col">{t('dossiers.table.applicant')}</th>
          <th scope="col">{t('dossiers.table.procedure')}</th>
          <th scope="col">{t('dossiers.table.status')}</th>
          <th scope="col">{t('dossiers.table.due')}</th>
        </tr>
      </thead>
      <tbody>
        {props.dossiers.map((dossier) => (
          <tr key={dossier.id} data-testid="dossier-row" data-code={dossier.code}>
            <td>
              <a href={routeHref({ screen: 'dossiers', dossierId: dossier.id })} className="table__link">
                {dossier.code}
              </a>
            </td>
            <td>{dossier.applicantName}</td>
            <td>
              <span className="table__sub">{dossier.procedureCode}</span> {dossier.procedureName}
            </td>
            <td>
              <DossierStatusBadge status={dossier.status} overdue={dossier.overdue} />
            </td>
            <td className="table__nowrap">{formatVietnamDateTime(dossier.dueAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
