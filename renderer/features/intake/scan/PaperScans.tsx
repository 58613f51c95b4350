import { useEffect, useState } from 'react';
import type { Dossier } from '../../../shared/contract/dossiers.ts';
import type { ErrorCode } from '../../../shared/contract/errors.ts';
import type { ScannerInfo, ScanProgress } from '../../../shared/contract/scanning.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { describeFailure } from '../home/describe-failure.ts';

type PaperState = Readonly<{ progress: ScanProgress | null; failure: string | null }>;

/**
 * One scan per required paper of a dossier just received: choose the scanner, scan (feeder when it has one,
 * grey 300 dpi), see the pages arrive and which look blank, stop, scan again. Minimal: no thumbnails, rotate,
 * reorder or file import here yet (docs/SCANNING.md).
 */
export function PaperScans(props: Readonly<{ dossier: Dossier }>) {
  const core = useCore();
  const translator = useT();
  const { t } = translator;
  const [scanners, setScanners] = useState<readonly ScannerInfo[] | null>(null);
  const [scannerId, setScannerId] = useState('');
  const [dossier, setDossier] = useState(props.dossier);
  const [papers, setPapers] = useState<Readonly<Record<number, PaperState>>>({});

  useEffect(() => {
    let live = true;
    core.call('scanners.list', {}).then(
      (answer) => {
        if (!live) return;
        setScanners(answer.scanners);
        setScannerId((current) => current || (answer.scanners[0]?.id ?? ''));
      },
      () => live && setScanners([]),
    );
    return () => {
      live = false;
    };
  }, [core]);

  useEffect(
    () =>
      core.on('scanning.progressed', (progress) => {
        setPapers((current) => {
          const entry = Object.entries(current).find(([, state]) => state.progress?.sessionId === progress.sessionId);
          return entry ? { ...current, [entry[0]]: { progress, failure: null } } : current;
        });
        if (progress.state === 'done') void core.call('dossiers.get', { id: props.dossier.id }).then(setDossier, () => undefined);
      }),
    [core, props.dossier.id],
  );

  async function scan(paperIndex: number): Promise<void> {
    const scanner = scanners?.find((candidate) => candidate.id === scannerId);
    if (!scanner) return;
    const source = scanner.sources.includes('feeder') ? 'feeder' : 'flatbed';
    try {
      const { sessionId } = await core.call('scanning.start', { scannerId, source, dpi: 300, mode: 'grey', dossierId: dossier.id, paperIndex });
      setPapers((current) => ({ ...current, [paperIndex]: { progress: { sessionId, state: 'scanning', pagesDone: 0 }, failure: null } }));
    } catch (error) {
      setPapers((current) => ({ ...current, [paperIndex]: { progress: null, failure: describeFailure(error as CoreClientError, translator) } }));
    }
  }

  function status(paperIndex: number): string {
    const state = papers[paperIndex];
    const progress = state?.progress;
    if (state?.failure) return state.failure;
    if (progress?.state === 'scanning') return t('scan.scanning', { pages: progress.pagesDone });
    if (progress?.state === 'assembling') return t('scan.assembling', { pages: progress.pagesDone });
    if (progress?.state === 'cancelled') return t('scan.cancelled');
    if (progress?.state === 'failed' && progress.error) return translator.describeError(progress.error.code as ErrorCode);
    if (progress?.state === 'done' && progress.document) {
      const { pages, blankPages } = progress.document;
      return `${t('scan.done', { pages })}${blankPages.length > 0 ? ` ${t('scan.blank', { count: blankPages.length, list: blankPages.join(', ') })}` : ''}`;
    }
    return dossier.papers[paperIndex]?.scanSha256 ? t('scan.linked') : t('scan.notYet');
  }

  const busy = (paperIndex: number) => ['scanning', 'assembling'].includes(papers[paperIndex]?.progress?.state ?? '');

  return (
    <section className="panel scans" aria-labelledby="scan-heading" data-testid="paper-scans">
      <h2 id="scan-heading" className="scans__title">
        {t('scan.heading')}
      </h2>
      {scanners === null ? <p className="muted">{t('scan.loading')}</p> : null}
      {scanners?.length === 0 ? <p className="muted">{t('scan.noScanner')}</p> : null}
      {scanners && scanners.length > 0 ? (
        <label className="field">
          <span className="field__label">{t('scan.scanner')}</span>
          <select className="input" value={scannerId} onChange={(event) => setScannerId(event.target.value)}>
            {scanners.map((scanner) => (
              <option key={scanner.id} value={scanner.id}>
                {scanner.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ul className="papers scans__list">
        {dossier.papers.map((paper, index) => (
          <li key={`${index}-${paper.name}`} className="scans__item" data-testid={`paper-scan-${index}`}>
            <span>{paper.name}</span>
            <span className="muted" role="status" aria-live="polite">
              {status(index)}
            </span>
            {busy(index) ? (
              <button type="button" className="button button--secondary" onClick={() => void core.call('scanning.cancel', { sessionId: papers[index]!.progress!.sessionId })}>
                {t('scan.cancel')}
              </button>
            ) : (
              <button type="button" className="button button--secondary" disabled={!scannerId} onClick={() => void scan(index)}>
                {paper.scanSha256 || papers[index]?.progress?.state === 'done' ? t('scan.rescan') : t('scan.start')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
