import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Dossier } from '../../../../shared/contract/dossiers.ts';
import type { ErrorCode } from '../../../../shared/contract/errors.ts';
import type { z } from 'zod';
import type { DocumentInfo, ReusableDocumentSchema, ScannerInfo, ScanProgress } from '../../../../shared/contract/scanning.ts';
import { useCore } from '../../../core-client/CoreProvider.tsx';
import type { CoreClientError } from '../../../core-client/core-client-error.ts';
import { useT } from '../../../i18n/LanguageProvider.tsx';
import { formatVietnamDate } from '../../../ui/format-time.ts';
import { failureText } from './failure-text.ts';
import { PageStrip } from './PageStrip.tsx';
import { sendFiles } from './send-files.ts';

export type Reusable = z.infer<typeof ReusableDocumentSchema>;

/** What the paper's row says and whether a scan is running: `append` scans go to the end of the paper's pages. */
type Activity = Readonly<{ progress: ScanProgress | null; append: boolean; text: string | null }>;

/**
 * One required paper: scan it (or scan more pages onto it), import files (picker or drag and drop), reuse a
 * copy digitised earlier for the same citizen, then check and edit its pages. The page count is always shown.
 */
export function PaperScanItem(props: Readonly<{ dossier: Dossier; paperIndex: number; scanner: ScannerInfo | null; reusable: readonly Reusable[]; onDossierChanged: () => void }>) {
  const core = useCore();
  const translator = useT();
  const { t } = translator;
  const { dossier, paperIndex } = props;
  const paper = dossier.papers[paperIndex]!;
  const sha256 = paper.scanSha256 ?? null;
  const [activity, setActivity] = useState<Activity>({ progress: null, append: false, text: null });
  const [document, setDocument] = useState<DocumentInfo | null>(null);
  const [dragging, setDragging] = useState(false);
  const [reuseChoice, setReuseChoice] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const sessionRef = useRef<{ id: string; append: boolean } | null>(null);

  useEffect(() => {
    let live = true;
    if (sha256 === null) setDocument(null);
    else core.call('documents.get', { sha256 }).then((found) => live && setDocument(found), () => undefined);
    return () => {
      live = false;
    };
  }, [core, sha256]);

  const fail = (error: unknown) => setActivity({ progress: null, append: false, text: failureText(error as CoreClientError, translator) });

  // The event handler reads the latest document and callbacks through a ref: one subscription per core.
  const latest = useRef({ sha256, document, onDossierChanged: props.onDossierChanged, translator });
  latest.current = { sha256, document, onDossierChanged: props.onDossierChanged, translator };

  useEffect(
    () =>
      core.on('scanning.progressed', (progress) => {
        const session = sessionRef.current;
        if (!session || progress.sessionId !== session.id) return;
        setActivity({ progress, append: session.append, text: null });
        if (progress.state !== 'done' || !progress.document) return;
        sessionRef.current = null;
        const now = latest.current;
        if (!session.append) return now.onDossierChanged();
        // Pages scanned to append: a new document of the paper's pages then the new ones, linked in one step.
        const added = progress.document;
        if (now.sha256 === null || now.document === null) return;
        const pages = [...Array.from({ length: now.document.pages }, (_, index) => ({ index })), ...Array.from({ length: added.pages }, (_, index) => ({ from: added.sha256, index }))];
        core.call('documents.editPages', { sha256: now.sha256, dossierId: dossier.id, paperIndex, pages }).then(
          (edited) => {
            setActivity({ progress: null, append: false, text: now.translator.t('scan.saved', { pages: edited.pages }) });
            now.onDossierChanged();
          },
          (error: unknown) => setActivity({ progress: null, append: false, text: failureText(error as CoreClientError, now.translator) }),
        );
      }),
    [core, dossier.id, paperIndex],
  );

  async function scan(append: boolean): Promise<void> {
    const scanner = props.scanner;
    if (!scanner) return;
    const source = scanner.sources.includes('feeder') ? 'feeder' : 'flatbed';
    try {
      // A scan to append is not linked to the paper: its pages join the paper's document when it is done.
      const target = append ? {} : { dossierId: dossier.id, paperIndex };
      const { sessionId } = await core.call('scanning.start', { scannerId: scanner.id, source, dpi: 300, mode: 'grey', ...target });
      sessionRef.current = { id: sessionId, append };
      setActivity({ progress: { sessionId, state: 'scanning', pagesDone: 0 }, append, text: null });
    } catch (error) {
      fail(error);
    }
  }

  async function importFiles(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    setActivity({ progress: null, append: false, text: t('scan.importing') });
    try {
      const imported = await sendFiles(core, files, { dossierId: dossier.id, paperIndex }, ({ sentBytes, totalBytes }) =>
        setActivity({ progress: null, append: false, text: t('scan.uploading', { done: Math.round(sentBytes / 1024), total: Math.round(totalBytes / 1024) }) }),
      );
      setActivity({ progress: null, append: false, text: t('scan.imported', { pages: imported.pages }) });
      props.onDossierChanged();
    } catch (error) {
      fail(error);
    }
  }

  async function reuse(): Promise<void> {
    const chosen = props.reusable.find((item) => item.sha256 === reuseChoice);
    if (!chosen) return;
    try {
      await core.call('documents.attach', { dossierId: dossier.id, paperIndex, sha256: chosen.sha256 });
      setActivity({ progress: null, append: false, text: t('scan.reused', { date: formatVietnamDate(chosen.createdAt) }) });
      setReuseChoice('');
      props.onDossierChanged();
    } catch (error) {
      fail(error);
    }
  }

  function onDrop(event: DragEvent<HTMLLIElement>): void {
    event.preventDefault();
    setDragging(false);
    void importFiles([...event.dataTransfer.files]);
  }

  function statusText(): string {
    const { progress, text } = activity;
    if (text) return text;
    if (progress?.state === 'scanning') return t('scan.scanning', { pages: progress.pagesDone });
    if (progress?.state === 'assembling') return t('scan.assembling', { pages: progress.pagesDone });
    if (progress?.state === 'cancelled') return t('scan.cancelled');
    if (progress?.state === 'failed' && progress.error) return t('scan.failed', { message: translator.describeError(progress.error.code as ErrorCode), code: progress.error.code });
    if (document && sha256 === document.sha256) {
      const blank = document.blankPages;
      return `${t('scan.done', { pages: document.pages })}${blank.length > 0 ? ` ${t('scan.blank', { count: blank.length, list: blank.join(', ') })}` : ''}`;
    }
    return sha256 ? t('scan.linked') : t('scan.notYet');
  }

  const busy = ['scanning', 'assembling'].includes(activity.progress?.state ?? '');
  const choices = props.reusable.filter((item) => item.sha256 !== sha256);

  return (
    <li
      className={`scans__item${dragging ? ' scans__item--drop' : ''}`}
      data-testid={`paper-scan-${paperIndex}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="scans__head">
        <span className="scans__name">{paper.name}</span>
        {document && sha256 === document.sha256 ? (
          <span className="scans__count" data-testid={`page-count-${paperIndex}`}>
            {t('scan.pageCount', { pages: document.pages })}
          </span>
        ) : null}
        <span className="muted scans__status" role="status" aria-live="polite" data-testid={`scan-status-${paperIndex}`}>
          {statusText()}
        </span>
      </div>
      <div className="scans__actions">
        {busy ? (
          <button type="button" className="button button--secondary" onClick={() => void core.call('scanning.cancel', { sessionId: activity.progress!.sessionId })}>
            {t('scan.cancel')}
          </button>
        ) : (
          <>
            <button type="button" className="button button--secondary" disabled={!props.scanner} onClick={() => void scan(false)}>
              {sha256 ? t('scan.rescan') : t('scan.start')}
            </button>
            {sha256 && document ? (
              <button type="button" className="button button--secondary" disabled={!props.scanner} onClick={() => void scan(true)}>
                {t('scan.appendScan')}
              </button>
            ) : null}
            <button type="button" className="button button--secondary" onClick={() => fileInput.current?.click()}>
              {t('scan.chooseFiles')}
            </button>
            <input
              ref={fileInput}
              type="file"
              hidden
              multiple
              accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff"
              data-testid={`file-input-${paperIndex}`}
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                void importFiles(files);
              }}
            />
            <span className="muted scans__drop">{dragging ? t('scan.dropNow', { paper: paper.name }) : t('scan.dropHint')}</span>
          </>
        )}
      </div>
      {choices.length > 0 && !busy ? (
        <div className="scans__reuse">
          <label className="field scans__reuse-field">
            <span className="field__label">{t('scan.reuse')}</span>
            <select className="input" value={reuseChoice} onChange={(event) => setReuseChoice(event.target.value)} data-testid={`reuse-select-${paperIndex}`}>
              <option value="">—</option>
              {choices.map((item) => (
                <option key={`${item.sha256}-${item.dossierId}`} value={item.sha256}>
                  {t('scan.reuseOption', { date: formatVietnamDate(item.createdAt), paper: item.paperName, code: item.dossierCode, pages: item.pages })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--secondary" disabled={!reuseChoice} onClick={() => void reuse()}>
            {t('scan.reuseApply')}
          </button>
        </div>
      ) : null}
      {/* Mounted for as long as the paper has a document (edits change its SHA-256, not the strip): the selection and focus stay. */}
      {sha256 && !(document?.sha256 === sha256 && document.removedAt !== null) ? (
        <PageStrip dossierId={dossier.id} paperIndex={paperIndex} paperName={paper.name} sha256={sha256} onChanged={() => props.onDossierChanged()} />
      ) : null}
    </li>
  );
}
