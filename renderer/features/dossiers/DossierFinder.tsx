import { useEffect, useRef, useState } from 'react';
import type { DossierSummary } from '../../../shared/contract/dossiers.ts';
import type { FeeStatus } from '../../../shared/contract/receipts.ts';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import type { Input } from '../../../shared/contract/methods.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { asCoreClientError, type Loadable } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { ToggleGroup } from '../../ui/ToggleGroup.tsx';
import { describeFailure } from '../home/describe-failure.ts';
import { DossierTable, type DossierGridHandle } from './DossierTable.tsx';

/** The lists offered here ('all' is for reports, not for the counter). */
type ListFilter = Exclude<NonNullable<Input<'dossiers.list'>['filter']>, 'all'>;
const FILTERS: readonly ListFilter[] = ['today', 'overdue', 'dueSoon', 'open'];
type Source = Readonly<{ kind: 'list'; filter: ListFilter }> | Readonly<{ kind: 'search'; query: string }>;

// Where the clerk was, so coming back from a dossier shows the same list.
let lastSource: Source = { kind: 'list', filter: 'today' };
let lastQuery = '';

/** Search (ID number, code, PIN, name without diacritics) and the working lists: today, overdue, due soon, open. */
export function DossierFinder() {
  const core = useCore();
  const translator = useT();
  const { t } = translator;
  const [query, setQuery] = useState(lastQuery);
  const [source, setSource] = useState<Source>(lastSource);
  const [result, setResult] = useState<Loadable<readonly DossierSummary[]>>({ status: 'loading' });
  // The fee state of the dossiers shown ("chưa thu phí"), read after the list; the list does not wait for it.
  const [fees, setFees] = useState<Readonly<{ map: ReadonlyMap<string, FeeStatus>; error: CoreClientError | null }>>({ map: new Map(), error: null });
  const search = useRef<HTMLInputElement>(null);
  const grid = useRef<DossierGridHandle>(null);
  const hasRows = result.status === 'ready' && result.value.length > 0;

  useEffect(() => {
    lastSource = source;
    let live = true;
    setResult({ status: 'loading' });
    const call = source.kind === 'list' ? core.call('dossiers.list', { filter: source.filter }) : core.call('dossiers.search', { query: source.query });
    call.then(
      (found) => {
        if (!live) return;
        setResult({ status: 'ready', value: found.dossiers });
        setFees({ map: new Map(), error: null });
        if (found.dossiers.length === 0) return;
        core.call('fees.status', { dossierIds: found.dossiers.map((dossier) => dossier.id) }).then(
          (statuses) => live && setFees({ map: new Map(statuses.dossiers.map((status) => [status.dossierId, status])), error: null }),
          (error: unknown) => live && setFees({ map: new Map(), error: asCoreClientError(error) }),
        );
      },
      (error: unknown) => live && setResult({ status: 'failed', error: asCoreClientError(error) }),
    );
    return () => {
      live = false;
    };
  }, [core, source]);

  const caption = source.kind === 'search' ? t('dossiers.search.resultsFor', { query: source.query }) : t(`dossiers.filter.${source.filter}`);
  return (
    <main className="app-main app-main--wide" data-testid="dossier-finder">
      <h1 className="page-title">{t('dossiers.title')}</h1>
      <div className="finder-bar">
        <form
          role="search"
          className="finder-bar__search"
          onSubmit={(event) => {
            event.preventDefault();
            if (query.trim() !== '') setSource({ kind: 'search', query: query.trim() });
          }}
        >
          <label className="field__label" htmlFor="dossier-search">
            {t('dossiers.search.label')}
          </label>
          <div className="finder-bar__row">
            <input
              ref={search}
              id="dossier-search"
              data-autofocus
              className="input"
              type="search"
              autoComplete="off"
              placeholder={t('dossiers.search.placeholder')}
              value={query}
              aria-describedby="dossier-grid-keys"
              onChange={(event) => {
                lastQuery = event.target.value;
                setQuery(event.target.value);
              }}
              onKeyDown={(event) => {
                // ArrowDown: to the first dossier of the list shown, without walking the button and the filters.
                if (event.key !== 'ArrowDown' || !hasRows || event.altKey || event.ctrlKey || event.shiftKey || event.metaKey) return;
                event.preventDefault();
                grid.current?.focusFirst();
              }}
            />
            <button type="submit" className="button button--primary">
              {t('dossiers.search.button')}
            </button>
          </div>
          <p id="dossier-grid-keys" className="finder-bar__keys" data-testid="dossier-grid-keys">
            <Kbd keys="↓" /> {t('dossiers.grid.toList')} · <Kbd keys="↑ ↓ ← →" /> {t('dossiers.grid.move')} · <Kbd keys="Enter" /> {t('dossiers.grid.open')}
          </p>
        </form>
        <ToggleGroup
          label={t('dossiers.filter.label')}
          options={FILTERS.map((filter) => ({ value: filter, label: t(`dossiers.filter.${filter}`) }))}
          value={source.kind === 'list' ? source.filter : ('' as ListFilter)}
          onChange={(filter) => setSource({ kind: 'list', filter })}
          testId="dossier-filters"
        />
      </div>
      <div aria-live="polite" data-testid="dossier-results" data-status={result.status}>
        {result.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
        {result.status === 'failed' ? (
          <p className="field__error" role="alert">
            {describeFailure(result.error, translator)} ({result.error.code})
          </p>
        ) : null}
        {result.status === 'ready' && result.value.length === 0 ? <p className="muted">{t('dossiers.empty', { list: caption })}</p> : null}
        {fees.error ? (
          <p className="field__error" role="alert" data-testid="dossier-fees-failure" data-code={fees.error.code}>
            {t('fees.list.failed', { reason: describeFailure(fees.error, translator), code: fees.error.code })}
          </p>
        ) : null}
        {result.status === 'ready' && result.value.length > 0 ? (
          <DossierTable
            ref={grid}
            dossiers={result.value}
            fees={fees.map}
            caption={t('dossiers.table.caption', { list: caption, n: result.value.length })}
            describedBy="dossier-grid-keys"
            onExitTop={() => search.current?.focus()}
          />
        ) : null}
      </div>
    </main>
  );
}
