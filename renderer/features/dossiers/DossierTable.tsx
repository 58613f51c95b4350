import type { DossierSummary } from '../../../shared/contract/dossiers.ts';
import type { FeeStatus } from '../../../shared/contract/receipts.ts';
import { routeHref } from '../../app/routes.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { formatVietnamDateTime } from '../../ui/format-time.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { DossierStatusBadge } from './DossierStatus.tsx';

/**
 * Dossiers as a table; the code is a link (Tab, Enter) to the detail. A fee still due (left for later at the intake)
 * or a payment without a valid receipt is said next to the status, so it is not forgotten.
 */
export function DossierTable(props: Readonly<{ dossiers: readonly DossierSummary[]; caption: string; fees?: ReadonlyMap<string, FeeStatus> }>) {
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
              <span className="status-line">
                <DossierStatusBadge status={dossier.status} overdue={dossier.overdue} />
                <FeeBadge status={props.fees?.get(dossier.id)} />
              </span>
            </td>
            <td className="table__nowrap">{formatVietnamDateTime(dossier.dueAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FeeBadge(props: Readonly<{ status: FeeStatus | undefined }>) {
  const { t } = useT();
  const state = props.status?.state;
  if (state === 'due') return <StatusBadge tone="warn" label={t('fees.list.due')} state={state} testId="dossier-row-fee" />;
  if (state === 'unreceipted') return <StatusBadge tone="danger" label={t('fees.list.unreceipted')} state={state} testId="dossier-row-fee" />;
  return null;
}
