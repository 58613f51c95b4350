import { useCallback, useEffect, useState } from 'react';
import type { Dossier } from '../../../../shared/contract/dossiers.ts';
import type { ScannerInfo } from '../../../../shared/contract/scanning.ts';
import { useCore } from '../../../core-client/CoreProvider.tsx';
import { useT } from '../../../i18n/LanguageProvider.tsx';
import { PaperScanItem, type Reusable } from './PaperScanItem.tsx';
import './scan.css';

/**
 * Số hóa after a dossier is received: choose the scanner, then per required paper scan, import files or
 * reuse a copy digitised earlier for the same citizen (by ID number), and check and edit its pages.
 */
export function PaperScans(props: Readonly<{ dossier: Dossier }>) {
  const core = useCore();
  const { t } = useT();
  const [scanners, setScanners] = useState<readonly ScannerInfo[] | null>(null);
  const [scannerId, setScannerId] = useState('');
  const [dossier, setDossier] = useState(props.dossier);
  const [reusable, setReusable] = useState<readonly Reusable[]>([]);

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

  const idNumber = dossier.applicant.idNumber ?? null;
  useEffect(() => {
    let live = true;
    if (idNumber === null) return;
    core.call('documents.findReusable', { idNumber }).then(
      // Papers of other dossiers only: this dossier's own papers are already where they belong.
      // A document linked to several papers is offered once.
      (found) => live && setReusable(found.documents.filter((item, at, all) => item.dossierId !== dossier.id && all.findIndex((other) => other.sha256 === item.sha256) === at)),
      () => live && setReusable([]),
    );
    return () => {
      live = false;
    };
  }, [core, idNumber, dossier.id]);

  const refresh = useCallback(() => {
    void core.call('dossiers.get', { id: props.dossier.id }).then(setDossier, () => undefined);
  }, [core, props.dossier.id]);

  const scanner = scanners?.find((candidate) => candidate.id === scannerId) ?? null;

  return (
    <section className="panel scans" aria-labelledby="scan-heading" data-testid="paper-scans">
      <h2 id="scan-heading" className="scans__title">
        {t('scan.heading')}
      </h2>
      {scanners === null ? <p className="muted">{t('scan.loading')}</p> : null}
      {scanners?.length === 0 ? <p className="muted">{t('scan.noScanner')}</p> : null}
      {scanners && scanners.length > 0 ? (
        <label className="field scans__scanner">
          <span className="field__label">{t('scan.scanner')}</span>
          <select className="input" value={scannerId} onChange={(event) => setScannerId(event.target.value)}>
            {scanners.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ul className="papers scans__list">
        {dossier.papers.map((paper, index) => {
          const sameName = reusable.filter((item) => item.paperName === paper.name);
          const others = reusable.filter((item) => item.paperName !== paper.name);
          return <PaperScanItem key={`${index}-${paper.name}`} dossier={dossier} paperIndex={index} scanner={scanner} reusable={[...sameName, ...others]} onDossierChanged={refresh} />;
        })}
      </ul>
    </section>
  );
}
