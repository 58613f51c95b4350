import type { RegisterReport, RegisterRow } from '../../../shared/contract/reports.ts';
import { addressAndPhone } from '../../../shared/domain/reports/report-document.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { formatVietnamDateTime, localDateToDisplay } from '../../ui/format-time.ts';
import { DossierStatusBadge } from '../dossiers/DossierStatus.tsx';

function RegisterTable(props: Readonly<{ rows: readonly RegisterRow[]; caption: string; testId: string }>) {
  const { t } = useT();
  return (
    // Focusable so a clerk can scroll a wide register with the arrow keys (and axe: scrollable-region-focusable).
    <div className="report-table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table className="table report-table" data-testid={props.testId}>
        <caption className="table__caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.col.number')}</th>
            <th scope="col">{t('reports.col.code')}</th>
            <th scope="col">{t('reports.col.procedure')}</th>
            <th scope="col" className="num">{t('reports.col.sets')}</th>
            <th scope="col">{t('reports.col.applicant')}</th>
            <th scope="col">{t('reports.col.contact')}</th>
            <th scope="col">{t('reports.col.agency')}</th>
            <th scope="col">{t('reports.col.received')}</th>
            <th scope="col">{t('reports.col.due')}</th>
            <th scope="col">{t('reports.col.finished')}</th>
            <th scope="col">{t('reports.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id} data-testid="register-row" data-code={row.code}>
              <td>{row.registerNumber}</td>
              <th scope="row" className="table__nowrap">{row.code}</th>
              <td>
                <span className="table__sub">{row.procedureCode}</span> {row.procedureName}
              </td>
              <td className="num">{row.sets}</td>
              <td>{row.applicantName}</td>
              <td>{addressAndPhone(row)}</td>
              <td className="table__nowrap">{row.agencyCode}</td>
              <td className="table__nowrap">{formatVietnamDateTime(row.receivedAt)}</td>
              <td className="table__nowrap">{formatVietnamDateTime(row.dueAt)}</td>
              <td className="table__nowrap">{row.finishedAt === null ? '' : formatVietnamDateTime(row.finishedAt)}</td>
              <td>
                <DossierStatusBadge status={row.status} overdue={false} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The register extract: received that day, then returned or refused that day (the same columns as the form). */
export function RegisterTables(props: Readonly<{ report: RegisterReport }>) {
  const { t } = useT();
  const { report } = props;
  const date = localDateToDisplay(report.date);
  return (
    <Panel id="report-register" title={t('reports.register.heading', { date })} testId="report-register">
      <p className="muted">{t('reports.register.form', { form: report.formNumber ?? '', book: report.registerBook === '' ? t('reports.register.bookUnset') : report.registerBook })}</p>
      {report.received.length === 0 ? (
        <p className="muted" data-testid="register-empty-received">{t('reports.register.emptyReceived', { date })}</p>
      ) : (
        <RegisterTable rows={report.received} caption={t('reports.register.received', { n: report.received.length })} testId="register-received" />
      )}
      {report.finished.length === 0 ? (
        <p className="muted" data-testid="register-empty-finished">{t('reports.register.emptyFinished', { date })}</p>
      ) : (
        <RegisterTable rows={report.finished} caption={t('reports.register.finished', { n: report.finished.length })} testId="register-finished" />
      )}
    </Panel>
  );
}
