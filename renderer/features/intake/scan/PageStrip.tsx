import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DocumentInfo, DocumentPage, PageRotation } from '../../../../shared/contract/scanning.ts';
import { useCore } from '../../../core-client/CoreProvider.tsx';
import type { CoreClientError } from '../../../core-client/core-client-error.ts';
import { useT } from '../../../i18n/LanguageProvider.tsx';
import { Kbd } from '../../../ui/Kbd.tsx';
import { failureText } from './failure-text.ts';

type Edit = 'rotate' | 'earlier' | 'later' | 'delete';

/** The new page list for one edit of the page at `at`, and where that page is afterwards. */
export function planEdit(count: number, at: number, edit: Edit): { pages: { index: number; rotate: PageRotation }[]; selected: number } | null {
  const pages: { index: number; rotate: PageRotation }[] = Array.from({ length: count }, (_, index) => ({ index, rotate: 0 }));
  if (edit === 'rotate') {
    pages[at] = { index: at, rotate: 90 };
    return { pages, selected: at };
  }
  if (edit === 'delete') return count > 1 ? { pages: pages.filter((page) => page.index !== at), selected: Math.min(at, count - 2) } : null;
  const to = edit === 'earlier' ? at - 1 : at + 1;
  if (to < 0 || to >= count) return null;
  [pages[at], pages[to]] = [pages[to]!, pages[at]!];
  return { pages, selected: to };
}

/**
 * The pages of a paper's document as small pictures, in order, and the edits a clerk needs before sending:
 * turn a page, move it earlier or later, delete it. Keyboard first: the strip is one tab stop (a listbox);
 * ← → pick a page, R turns it, Alt+← / Alt+→ move it, Delete removes it; the buttons below do the same.
 * Each edit makes a new document in the core (the old one stays until retention), so nothing is half saved.
 */
export function PageStrip(props: Readonly<{ dossierId: string; paperIndex: number; paperName: string; sha256: string; onChanged: (document: DocumentInfo) => void }>) {
  const core = useCore();
  const translator = useT();
  const { t } = translator;
  const [pages, setPages] = useState<readonly DocumentPage[] | null>(null);
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The document whose pages, once shown, get the focus back (the strip is re-drawn after every edit).
  const focusWhenLoaded = useRef<string | null>(null);
  const [loadedSha, setLoadedSha] = useState<string | null>(null);
  const options = useRef<(HTMLLIElement | null)[]>([]);

  useEffect(() => {
    let live = true;
    setPages(null);
    core.call('documents.pages', { sha256: props.sha256 }).then(
      (answer) => {
        if (!live) return;
        setPages(answer.pages);
        setLoadedSha(answer.sha256);
        setSelected((current) => Math.min(current, answer.pages.length - 1));
      },
      (error: unknown) => live && setStatus(failureText(error as CoreClientError, translator)),
    );
    return () => {
      live = false;
    };
    // The translator only formats a failure: a language switch needs no reload.
  }, [core, props.sha256]);

  useEffect(() => {
    if (pages && loadedSha !== null && focusWhenLoaded.current === loadedSha) {
      focusWhenLoaded.current = null;
      options.current[selected]?.focus();
    }
  }, [pages, loadedSha, selected]);

  async function apply(edit: Edit): Promise<void> {
    if (!pages || saving) return;
    const plan = planEdit(pages.length, selected, edit);
    if (!plan) {
      if (edit === 'delete') setStatus(t('scan.lastPage'));
      return;
    }
    setSaving(true);
    setStatus(t('scan.saving'));
    try {
      const document = await core.call('documents.editPages', { sha256: props.sha256, dossierId: props.dossierId, paperIndex: props.paperIndex, pages: plan.pages });
      focusWhenLoaded.current = document.sha256;
      setSelected(plan.selected);
      setStatus(t('scan.saved', { pages: document.pages }));
      props.onChanged(document);
    } catch (error) {
      setStatus(failureText(error as CoreClientError, translator));
    } finally {
      setSaving(false);
    }
  }

  function pick(index: number): void {
    setSelected(index);
    options.current[index]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    if (!pages) return;
    const { key, altKey, ctrlKey, metaKey } = event;
    if (ctrlKey || metaKey) return;
    const earlier = key === 'ArrowLeft' || key === 'ArrowUp';
    const later = key === 'ArrowRight' || key === 'ArrowDown';
    let handled = true;
    if (altKey && earlier) void apply('earlier');
    else if (altKey && later) void apply('later');
    else if (earlier) pick(Math.max(0, selected - 1));
    else if (later) pick(Math.min(pages.length - 1, selected + 1));
    else if (key === 'Home') pick(0);
    else if (key === 'End') pick(pages.length - 1);
    else if (!altKey && (key === 'r' || key === 'R')) void apply('rotate');
    else if (key === 'Delete') void apply('delete');
    else handled = false;
    if (handled) event.preventDefault();
  }

  const total = pages?.length ?? 0;
  const labelOf = (page: DocumentPage) =>
    [t('scan.page', { number: page.index + 1, total }), page.rotate ? t('scan.pageTurned', { degrees: page.rotate }) : null, page.blank ? t('scan.pageBlank') : null].filter(Boolean).join(', ');

  return (
    <div className="pages" data-testid={`pages-${props.paperIndex}`}>
      {pages === null ? <p className="muted">{t('scan.pagesLoading')}</p> : null}
      {pages && pages.length > 0 ? (
        <>
          <ul className="pages__strip" role="listbox" aria-orientation="horizontal" aria-label={t('scan.pages', { paper: props.paperName })} aria-busy={saving} onKeyDown={onKeyDown}>
            {pages.map((page, position) => (
              <li
                key={`${props.sha256}-${page.index}`}
                ref={(element) => {
                  options.current[position] = element;
                }}
                role="option"
                aria-selected={position === selected}
                tabIndex={position === selected ? 0 : -1}
                className={`pages__page${position === selected ? ' pages__page--selected' : ''}${page.blank ? ' pages__page--blank' : ''}`}
                data-testid="page-thumb"
                data-rotate={page.rotate}
                onClick={() => pick(position)}
              >
                {page.thumbnail ? <img src={page.thumbnail} alt="" className="pages__picture" /> : <span className="pages__nopicture">{t('scan.noPicture', { number: position + 1 })}</span>}
                <span className="pages__label">{labelOf(page)}</span>
                <span className="pages__number" aria-hidden="true">
                  {position + 1}
                  {page.rotate ? ` ↻${page.rotate}°` : ''}
                </span>
              </li>
            ))}
          </ul>
          <div className="pages__tools">
            <button type="button" className="button button--secondary" disabled={saving} onClick={() => void apply('rotate')}>
              {t('scan.rotate')} <Kbd keys="R" />
            </button>
            <button type="button" className="button button--secondary" disabled={saving || selected === 0} onClick={() => void apply('earlier')}>
              {t('scan.moveUp')} <Kbd keys="Alt+←" />
            </button>
            <button type="button" className="button button--secondary" disabled={saving || selected >= total - 1} onClick={() => void apply('later')}>
              {t('scan.moveDown')} <Kbd keys="Alt+→" />
            </button>
            <button type="button" className="button button--secondary" disabled={saving || total <= 1} onClick={() => void apply('delete')}>
              {t('scan.deletePage')} <Kbd keys="Delete" />
            </button>
            <span className="muted pages__hint">{t('scan.keysHint')}</span>
          </div>
        </>
      ) : null}
      <p className="muted pages__status" role="status" aria-live="polite" data-testid={`pages-status-${props.paperIndex}`}>
        {status ?? ''}
      </p>
    </div>
  );
}
