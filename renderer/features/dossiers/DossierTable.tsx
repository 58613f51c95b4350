import { useImperativeHandle, useRef, useState, type FocusEvent, type KeyboardEvent, type Ref } from 'react';
import type { DossierSummary } from '../../../shared/contract/dossiers.ts';
import type { FeeStatus } from '../../../shared/contract/receipts.ts';
import { routeHref } from '../../app/routes.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { formatVietnamDateTime } from '../../ui/format-time.ts';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { DossierStatusBadge } from './DossierStatus.tsx';
import { gridMove, type GridCell } from './grid-keys.ts';

/** What the finder asks of the grid: ArrowDown in the search field puts the focus on the first dossier. */
export type DossierGridHandle = Readonly<{ focusFirst(): void }>;

const COLUMNS = 5;

/**
 * Dossiers as a data grid (WAI-ARIA APG "Data Grid"): one Tab stop, the arrows move between cells (ArrowUp on the
 * first row goes back to the search field), Enter on a row opens its dossier; the code stays a real link. A fee
 * still due (left for later at the intake) or a payment without a valid receipt is said next to the status, so it
 * is not forgotten.
 */
export function DossierTable(
  props: Readonly<{
    dossiers: readonly DossierSummary[];
    caption: string;
    fees?: ReadonlyMap<string, FeeStatus>;
    ref?: Ref<DossierGridHandle>;
    /** ArrowUp on the first row: back to where ArrowDown came from. */
    onExitTop?: () => void;
    /** The id of the text that says which keys the grid takes. */
    describedBy?: string;
  }>,
) {
  const { t } = useT();
  const table = useRef<HTMLTableElement>(null);
  const [active, setActive] = useState<GridCell>({ row: 0, col: 0 });
  const rows = props.dossiers.length;
  // The list can shrink under the remembered cell (a new search): the Tab stop stays inside it.
  const current: GridCell = { row: Math.min(active.row, Math.max(rows - 1, 0)), col: active.col };

  /** The element that takes the focus for a cell: the code's link in the first column, the cell itself elsewhere. */
  const target = (cell: GridCell): HTMLElement | null => {
    const element = table.current?.tBodies[0]?.rows[cell.row]?.cells[cell.col] ?? null;
    return cell.col === 0 ? (element?.querySelector('a') ?? null) : element;
  };
  const focusCell = (cell: GridCell) => {
    setActive(cell);
    target(cell)?.focus();
  };
  useImperativeHandle(props.ref, () => ({ focusFirst: () => focusCell({ row: 0, col: 0 }) }));

  const cellOf = (element: EventTarget): GridCell | null => {
    const cell = element instanceof Element ? element.closest('td') : null;
    const row = cell?.parentElement;
    if (!cell || !(row instanceof HTMLTableRowElement) || row.parentElement?.tagName !== 'TBODY') return null;
    return { row: row.sectionRowIndex, col: cell.cellIndex };
  };
  // A click or Tab into a cell makes it the grid's Tab stop, so the arrows continue from where the clerk is.
  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const cell = cellOf(event.target);
    if (cell && (cell.row !== current.row || cell.col !== current.col)) setActive(cell);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const cell = cellOf(event.target);
    if (!cell || event.altKey || event.shiftKey || event.metaKey) return;
    if (event.key === 'Enter' && cell.col !== 0) {
      // Enter on any cell of a row opens its dossier, as on the code's link.
      event.preventDefault();
      target({ row: cell.row, col: 0 })?.click();
      return;
    }
    const move = gridMove(event.key, event.ctrlKey, cell, rows, COLUMNS);
    if (move === null) return;
    event.preventDefault();
    if (move.kind === 'exit-top') props.onExitTop?.();
    else focusCell(move.cell);
  };
  const stop = (row: number, col: number) => (row === current.row && col === current.col ? 0 : -1);

  return (
    <table ref={table} className="table dossier-grid" role="grid" aria-readonly="true" aria-describedby={props.describedBy} data-testid="dossier-table">
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
      <tbody onFocus={onFocus} onKeyDown={onKeyDown}>
        {props.dossiers.map((dossier, row) => (
          <tr key={dossier.id} data-testid="dossier-row" data-code={dossier.code}>
            <td>
              <a href={routeHref({ screen: 'dossiers', dossierId: dossier.id })} className="table__link" tabIndex={stop(row, 0)}>
                {dossier.code}
              </a>
            </td>
            <td tabIndex={stop(row, 1)}>{dossier.applicantName}</td>
            <td tabIndex={stop(row, 2)}>
              <span className="table__sub">{dossier.procedureCode}</span> {dossier.procedureName}
            </td>
            <td tabIndex={stop(row, 3)}>
              <span className="status-line">
                <DossierStatusBadge status={dossier.status} overdue={dossier.overdue} />
                <FeeBadge status={props.fees?.get(dossier.id)} />
              </span>
            </td>
            <td className="table__nowrap" tabIndex={stop(row, 4)}>
              {formatVietnamDateTime(dossier.dueAt)}
            </td>
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
