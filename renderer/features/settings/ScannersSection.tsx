import { useEffect, useState } from 'react';
import type { ScannerInfo, ScanningSettings } from '../../../shared/contract/scanning.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { asCoreClientError, useCoreQuery } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { NetworkScanners } from './NetworkScanners.tsx';
import { failureText, invalidPaths } from './settings-failure.ts';

type LimitField = 'retentionDays' | 'maxFileMb' | 'maxPages';
const LIMITS: Readonly<Record<LimitField, readonly [number, number]>> = { retentionDays: [0, 3650], maxFileMb: [1, 1024], maxPages: [1, 1000] };
const FIELDS = Object.keys(LIMITS) as LimitField[];

/** Page normalisation switches (docs/SCANNING.md "Upright"): level skewed pages, cut a small paper out of the glass. */
type PageSwitch = 'deskew' | 'autoCrop';
const SWITCHES: readonly PageSwitch[] = ['deskew', 'autoCrop'];

type Draft = Readonly<Record<LimitField, string> & Record<PageSwitch, boolean>>;
const draftOf = (settings: ScanningSettings): Draft => ({
  retentionDays: String(settings.retentionDays),
  maxFileMb: String(settings.maxFileMb),
  maxPages: String(settings.maxPages),
  deskew: settings.deskew,
  autoCrop: settings.autoCrop,
});

/** Scanners found (scanners.list), a capability test (scanners.test, nothing scanned), and the scanning limits. */
export function ScannersSection(props: Readonly<{ canConfigure: boolean }>) {
  const translator = useT();
  const { t } = translator;
  const core = useCore();
  const scanners = useCoreQuery('scanners.list');
  const settings = useCoreQuery('scanning.settings');
  const [tested, setTested] = useState<Readonly<{ scanner: ScannerInfo; ms: number }> | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<readonly LimitField[]>([]);
  const [failure, setFailure] = useState<CoreClientError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (settings.state.status === 'ready' && draft === null) setDraft(draftOf(settings.state.value));
  }, [settings.state, draft]);

  const offers = (scanner: ScannerInfo) => ({
    sources: scanner.sources.map((source) => t(`settings.scanners.source.${source}`)).join(', '),
    modes: scanner.modes.map((mode) => t(`settings.scanners.mode.${mode}`)).join(', '),
    resolutions: scanner.resolutions.join(', '),
  });

  const test = (scanner: ScannerInfo) => {
    setTesting(scanner.id);
    setTested(null);
    setFailure(null);
    void core
      .call('scanners.test', { scannerId: scanner.id })
      .then(
        (answer) => setTested({ scanner: answer.scanner, ms: answer.answeredInMs }),
        (error: unknown) => setFailure(asCoreClientError(error)),
      )
      .finally(() => setTesting(null));
  };

  const save = () => {
    if (!draft) return;
    const found = FIELDS.filter((field) => {
      const text = draft[field].trim();
      const [min, max] = LIMITS[field];
      return !/^\d+$/.test(text) || Number(text) < min || Number(text) > max;
    });
    setProblems(found);
    setFailure(null);
    setSaved(false);
    if (found.length > 0) {
      document.getElementById(`scanning-${found[0]}`)?.focus();
      return;
    }
    const patch = { retentionDays: Number(draft.retentionDays), maxFileMb: Number(draft.maxFileMb), maxPages: Number(draft.maxPages), deskew: draft.deskew, autoCrop: draft.autoCrop };
    void core.call('scanning.updateSettings', patch).then(
      (next) => {
        settings.replace(next);
        setDraft(draftOf(next));
        setSaved(true);
      },
      (error: unknown) => {
        const failed = asCoreClientError(error);
        setProblems(invalidPaths(failed).filter((path): path is LimitField => (FIELDS as string[]).includes(path)));
        setFailure(failed);
      },
    );
  };

  const list = scanners.state.status === 'ready' ? scanners.state.value : null;
  const stored = settings.state.status === 'ready' ? settings.state.value : null;

  return (
    <Panel id="settings-scanners" title={t('settings.scanners.heading')} testId="settings-scanners">
      {scanners.state.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {scanners.state.status === 'failed' ? <p className="panel__error">{t('settings.loadFailed', { reason: failureText(scanners.state.error, translator) })}</p> : null}
      {list && list.scanners.length === 0 ? <p className="muted">{t('settings.scanners.none')}</p> : null}
      {list && list.scanners.length > 0 ? (
        <table className="table settings-table" data-testid="scanners-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.scanners.name')}</th>
              <th scope="col">{t('settings.scanners.offers')}</th>
              <th scope="col">{t('settings.printers.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.scanners.map((scanner) => (
              <tr key={scanner.id}>
                <td>
                  {scanner.name}
                  <span className="settings-sub">{scanner.id}</span>
                </td>
                <td>
                  {offers(scanner).sources}
                  {scanner.duplex ? `, ${t('settings.scanners.duplex')}` : ''}
                  <span className="settings-sub">{offers(scanner).modes}</span>
                </td>
                <td>
                  <button type="button" className="button button--secondary" disabled={testing === scanner.id} aria-label={t('settings.scanners.test', { name: scanner.name })} onClick={() => test(scanner)}>
                    {t('settings.scanners.testShort')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list && list.problems.length > 0 ? (
        <ul className="settings-problems" aria-label={t('settings.scanners.problems')}>
          {list.problems.map((problem) => (
            <li key={problem.backend}>
              <strong>{problem.backend}</strong>: <span lang="en">{problem.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {tested ? (
        <p className="settings-ok" role="status" data-testid="scanner-test-result">
          {t('settings.scanners.testResult', { name: tested.scanner.name, ms: tested.ms, ...offers(tested.scanner) })}
        </p>
      ) : null}

      <h3 className="settings-subtitle">{t('settings.scanning.heading')}</h3>
      {draft ? (
        <form
          className="settings-form"
          aria-label={t('settings.scanning.heading')}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (props.canConfigure) save();
          }}
        >
          <fieldset className="settings-fieldset" disabled={!props.canConfigure}>
            <div className="settings-row">
              {FIELDS.map((field) => (
                <Field key={field} id={`scanning-${field}`} label={t(`settings.scanning.${field}`)} error={problems.includes(field) ? t(`settings.scanning.invalid.${field}`) : undefined}>
                  {(control) => (
                    <input
                      {...control}
                      className="input input--short"
                      inputMode="numeric"
                      value={draft[field]}
                      onChange={(event) => {
                        setDraft({ ...draft, [field]: event.target.value });
                        setSaved(false);
                      }}
                    />
                  )}
                </Field>
              ))}
            </div>
            {SWITCHES.map((name) => (
              <label key={name} className="settings-switch">
                <input
                  type="checkbox"
                  className="checkbox"
                  id={`scanning-${name}`}
                  checked={draft[name]}
                  aria-describedby={`scanning-${name}-hint`}
                  onChange={(event) => {
                    setDraft({ ...draft, [name]: event.target.checked });
                    setSaved(false);
                  }}
                />
                <span>
                  {t(`settings.scanning.${name}`)}
                  <span className="settings-sub" id={`scanning-${name}-hint`}>
                    {t(`settings.scanning.${name}Hint`)}
                  </span>
                </span>
              </label>
            ))}
            {props.canConfigure ? (
              <div className="actions">
                <button type="submit" className="button button--primary" data-testid="scanning-save">
                  {t('settings.save')} <Kbd keys="Enter" />
                </button>
              </div>
            ) : null}
          </fieldset>
        </form>
      ) : null}
      {stored ? (
        <NetworkScanners
          stored={stored.esclScanners}
          untrusted={list?.untrusted ?? []}
          canConfigure={props.canConfigure}
          onSaved={(next) => {
            settings.replace(next);
            scanners.reload();
          }}
        />
      ) : null}
      {stored ? (
        <dl className="facts facts--compact">
          <div className="facts__row">
            <dt>{t('settings.scanning.importFolders')}</dt>
            <dd>{stored.importFolders.length === 0 ? t('settings.scanning.noneListed') : stored.importFolders.join('; ')}</dd>
          </div>
        </dl>
      ) : null}
      {failure ? (
        <p className="panel__error" role="alert" data-testid="scanners-error">
          {t('settings.failed', { reason: failureText(failure, translator) })}
        </p>
      ) : null}
      {saved ? (
        <p className="settings-ok" role="status">
          {t('settings.saved')}
        </p>
      ) : null}
    </Panel>
  );
}
