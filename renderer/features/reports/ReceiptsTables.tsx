import type { DailyReport } from '../../../shared/contract/receipts.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Metric } from '../../ui/Metric.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { localDateToDisplay } from '../../ui/format-time.ts';

/** The day's close of fee receipts (receipts.dailyReport): totals, per series, per method, cancelled apart. */
export function ReceiptsTables(props: Readonly<{ report: DailyReport }>) {
  const { t, formatNumber } = useT();
  const { report } = props;
  const date = localDateToDisplay(report.date);
  const money = (amount: number) => formatNumber(amount);
  const empty = report.series.length === 0 && report.provisional.count === 0;
  return (
    <Panel id="report-receipts" title={t('reports.receipts.heading', { date })} testId="report-receipts">
      <div className="metrics">
        <Metric label={t('reports.receipts.count')} value={report.total.count} display={formatNumber(report.total.count)} testId="receipts-count" />
        <Metric label={t('reports.receipts.total')} value={report.total.total} display={money(report.total.total)} testId="receipts-total" />
        <Metric label={t('reports.receipts.cancelledCount')} value={report.cancelled.length} display={formatNumber(report.cancelled.length)} testId="receipts-cancelled" />
      </div>
      {empty ? (
        <p className="muted" data-testid="receipts-empty">{t('reports.receipts.empty', { date })}</p>
      ) : (
        <>
          <table className="table report-table" data-testid="receipts-series">
            <caption className="table__caption">{t('reports.receipts.series')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.col.template')}</th>
                <th scope="col">{t('reports.col.symbol')}</th>
                <th scope="col" className="num">{t('reports.col.first')}</th>
                <th scope="col" className="num">{t('reports.col.last')}</th>
                <th scope="col" className="num">{t('reports.col.count')}</th>
                <th scope="col" className="num">{t('reports.col.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {report.series.map((s) => (
                <tr key={`${s.template}|${s.symbol}`}>
                  <td>{s.template}</td>
                  <th scope="row">{s.symbol}</th>
                  <td className="num">{s.first}</td>
                  <td className="num">{s.last}</td>
                  <td className="num">{formatNumber(s.count)}</td>
                  <td className="num">{money(s.total)}</td>
                </tr>
              ))}
              {report.provisional.count > 0 ? (
                <tr>
                  <th scope="row" colSpan={4}>{t('reports.receipts.provisional')}</th>
                  <td className="num">{formatNumber(report.provisional.count)}</td>
                  <td className="num">{money(report.provisional.total)}</td>
                </tr>
              ) : null}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>{t('reports.receipts.sum')}</th>
                <td className="num">{formatNumber(report.total.count)}</td>
                <td className="num">{money(report.total.total)}</td>
              </tr>
            </tfoot>
          </table>
          <table className="table report-table" data-testid="receipts-methods">
            <caption className="table__caption">{t('reports.receipts.methods')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.col.method')}</th>
                <th scope="col" className="num">{t('reports.col.count')}</th>
                <th scope="col" className="num">{t('reports.col.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {report.methods.map((m) => (
                <tr key={m.method}>
                  <th scope="row">{t(`reports.method.${m.method}`)}</th>
                  <td className="num">{formatNumber(m.count)}</td>
                  <td className="num">{money(m.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {report.cancelled.length === 0 ? (
        <p className="muted">{t('reports.receipts.noCancelled')}</p>
      ) : (
        <table className="table report-table" data-testid="receipts-cancelled-table">
          <caption className="table__caption">{t('reports.receipts.cancelled')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.col.symbol')}</th>
              <th scope="col" className="num">{t('reports.col.receiptNumber')}</th>
              <th scope="col" className="num">{t('reports.col.amount')}</th>
              <th scope="col">{t('reports.col.receiptStatus')}</th>
              <th scope="col">{t('reports.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.cancelled.map((c) => (
              <tr key={c.id}>
                <td>{c.symbol ?? ''}</td>
                <th scope="row" className="num">{c.number ?? ''}</th>
                <td className="num">{money(c.amount)}</td>
                <td>{t(`reports.receiptStatus.${c.status}`)}</td>
                <td>{c.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
