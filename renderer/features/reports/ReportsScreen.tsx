import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/contract/methods.ts';
import type { ReportKind } from '../../../shared/contract/reports.ts';
import { vietnamDate } from '../../../shared/domain/time/vietnam-time.ts';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { asCoreClientError, type Loadable } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { ToggleGroup } from '../../ui/ToggleGroup.tsx';
import { displayToLocalDate, formatVietnamDateTime, localDateToDisplay } from '../../ui/format-time.ts';
import { shiftDayText } from './day-text.ts';
import { describeFailure } from '../home/describe-failure.ts';
import { ReceiptsTables } from './ReceiptsTables.tsx';
import { RegisterTables } from './RegisterTables.tsx';
import './reports.css';
import { FailureBanner } from '../../ui/FailureBanner.tsx';

type Data = Readonly<{ kind: 'register'; value: Output<'reports.register'> }> | Readonly<{ kind: 'receipts'; value: Output<'receipts.dailyReport'> }>;
type Action = 'print' | 'csv' | 'pdf';
type Outcome = Readonly<{ kind: 'saved'; format: string; path: string; bytes: number }> | Readonly<{ kind: 'printed'; printer: string; at: string }>;

/** Ctrl+P print, Ctrl+E export CSV (Excel), Ctrl+S export PDF ("save"): the report shown, for the date chosen. */
function actionForKey(event: KeyboardEvent): Action | null {
  if (!event.ctrlKey || event.altKey || event.shiftKey || event.metaKey) return null;
  const key = event.key.toLowerCase();
  return key === 'p' ? 'print' : key === 'e' ? 'csv' : key === 's' ? 'pdf' : null;
}

/** Báo cáo: the day's register extract (Sổ theo dõi hồ sơ) and the fee-receipt close, shown, printed, exported. */
export function ReportsScreen() {
  const core = useCore();
  const translator = useT();
  const { t } = translator;
  // What the clerk typed (DD/MM/YYYY) and the day it means, when it is one.
  const [typed, setTyped] = useState(() => localDateToDisplay(vietnamDate(new Date())));
  const date = displayToLocalDate(typed) ?? '';
  const [kind, setKind] = useState<ReportKind>('register');
  const [data, setData] = useState<Loadable<Data>>({ status: 'loading' });
  const [busy, setBusy] = useState<Action | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const valid = date !== '';

  useEffect(() => {
    document.title = `${t('reports.title')} – ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (!valid) return undefined;
    let live = true;
    setData({ status: 'loading' });
    const call: Promise<Data> =
      kind === 'register'
        ? core.call('reports.register', { date }).then((value) => ({ kind: 'register' as const, value }))
        : core.call('receipts.dailyReport', { date }).then((value) => ({ kind: 'receipts' as const, value }));
    call.then(
      (value) => live && setData({ status: 'ready', value }),
      (error: unknown) => live && setData({ status: 'failed', error: asCoreClientError(error) }),
    );
    return () => {
      live = false;
    };
  }, [core, date, kind, valid]);

  const run = useCallback(
    (action: Action) => {
      if (!valid || busy !== null) return;
      setBusy(action);
      setFailure(null);
      setOutcome(null);
      const done = (next: Outcome) => {
        setBusy(null);
        setOutcome(next);
      };
      const failed = (error: unknown) => {
        setBusy(null);
        setFailure(asCoreClientError(error));
      };
      if (action === 'print') {
        core.call('reports.print', { report: kind, date }).then((printed) => done({ kind: 'printed', printer: printed.printerName, at: printed.printedAt }), failed);
      } else {
        core.call('reports.export', { report: kind, date, format: action }).then((saved) => done({ kind: 'saved', format: action.toUpperCase(), path: saved.path, bytes: saved.bytes }), failed);
      }
    },
    [core, kind, date, valid, busy],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = actionForKey(event);
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  const button = (action: Action, label: string, keys: string) => (
    <button type="button" className={`button ${action === 'pdf' ? 'button--primary' : 'button--secondary'}`} data-testid={`report-${action}`} disabled={!valid || busy !== null} onClick={() => run(action)} aria-keyshortcuts={keys.replace('Ctrl', 'Control')}>
      {busy === action ? t('reports.action.working') : label} <Kbd keys={keys} />
    </button>
  );

  return (
    <main className="app-main app-main--wide reports-main" data-testid="reports-screen">
      <div className="screen-head">
        <h1 className="page-title" id="reports-title">{t('reports.title')}</h1>
        <p className="screen-head__keys">
          <Kbd keys="Ctrl+P" /> {t('reports.keys.print')} · <Kbd keys="Ctrl+E" /> {t('reports.keys.csv')} · <Kbd keys="Ctrl+S" /> {t('reports.keys.pdf')}
        </p>
      </div>
      <div className="report-controls">
        <Field id="report-date" label={t('reports.date.label')} hint={t('reports.date.hint')} error={valid ? undefined : t('reports.date.invalid')}>
          {(control) => (
            <input
              {...control}
              data-autofocus
              className="input input--date"
              inputMode="numeric"
              placeholder="dd/mm/yyyy"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
                event.preventDefault();
                setTyped(shiftDayText(typed, event.key === 'ArrowUp' ? 1 : -1));
              }}
            />
          )}
        </Field>
        <ToggleGroup
          label={t('reports.kind.label')}
          options={(['register', 'receipts'] as const).map((value) => ({ value, label: t(`reports.kind.${value}`) }))}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setOutcome(null);
            setFailure(null);
          }}
          testId="report-kind"
        />
        <div className="actions report-actions">
          {button('print', t('reports.action.print'), 'Ctrl+P')}
          {button('csv', t('reports.action.csv'), 'Ctrl+E')}
          {button('pdf', t('reports.action.pdf'), 'Ctrl+S')}
        </div>
      </div>
      <div aria-live="polite" data-testid="report-outcome">
        {outcome?.kind === 'saved' ? (
          <div className="outcome report-saved">
            <p>{t('reports.saved', { format: outcome.format, bytes: translator.formatNumber(outcome.bytes) })}</p>
            <p>
              <code className="report-path" data-testid="report-path">{outcome.path}</code>
            </p>
            <p className="muted">{t('reports.saved.hint')}</p>
          </div>
        ) : null}
        {outcome?.kind === 'printed' ? <p className="outcome">{t('reports.printed', { printer: outcome.printer, time: formatVietnamDateTime(outcome.at) })}</p> : null}
      </div>
      {failure ? (
        <FailureBanner failure={failure} testId="report-failure" title={t('reports.failed')} heading="h2" />
      ) : null}
      <div aria-live="polite" data-testid="report-content" data-status={valid ? data.status : 'invalid'}>
        {valid && data.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
        {valid && data.status === 'failed' ? (
          <p className="field__error" role="alert">
            {describeFailure(data.error, translator)} ({data.error.code})
          </p>
        ) : null}
        {valid && data.status === 'ready' && data.value.kind === 'register' ? <RegisterTables report={data.value.value} /> : null}
        {valid && data.status === 'ready' && data.value.kind === 'receipts' ? <ReceiptsTables report={data.value.value} /> : null}
      </div>
    </main>
  );
}
