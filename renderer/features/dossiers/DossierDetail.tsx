import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { DossierActions } from './DossierActions.tsx';
import { DossierFacts } from './DossierFacts.tsx';
import { DossierStatusBadge } from './DossierStatus.tsx';
import { DossierTimeline } from './DossierTimeline.tsx';
import { DossierFees } from './fees/DossierFees.tsx';
import { DossierPrints } from './prints/DossierPrints.tsx';
import { useDossier } from './use-dossier.ts';
import { FailureBanner } from '../../ui/FailureBanner.tsx';

/** One dossier: its fees and receipts, the forms to print and its print jobs, facts, the actions its status allows, its timeline. Esc (outside a form) goes back to the list. */
export function DossierDetail(props: Readonly<{ id: string; onBack: () => void }>) {
  const translator = useT();
  const { t } = translator;
  const { state, perform, reload } = useDossier(props.id);
  // While the fee step is open, Esc is its "thu sau", not "back to the list".
  const [collecting, setCollecting] = useState(false);
  const { onBack } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = state.status === 'ready';

  // The heading exists only once the dossier is read; focus it then if focus was lost (its link is gone).
  useEffect(() => {
    if (ready && (document.activeElement === null || document.activeElement === document.body)) heading.current?.focus();
  }, [ready]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inForm = event.target instanceof HTMLElement && event.target.closest('form') !== null;
      if (event.key === 'Escape' && !inForm && !collecting) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack, collecting]);

  return (
    <main className="app-main app-main--wide" data-testid="dossier-detail">
      <p className="back-link">
        <a href="#/dossiers" data-testid="dossier-back">
          ← {t('dossiers.detail.back')}
        </a>{' '}
        <Kbd keys="Esc" />
      </p>
      {state.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {state.status === 'failed' ? (
        <FailureBanner failure={state.error} testId="dossier-load-failure" />
      ) : null}
      {state.status === 'ready' ? (
        <>
          <div className="screen-head">
            <h1 className="page-title" data-testid="dossier-code" ref={heading} tabIndex={-1}>
              {t('dossiers.detail.title', { code: state.value.dossier.code })}
            </h1>
            <DossierStatusBadge status={state.value.dossier.status} overdue={state.value.dossier.overdue} testId="dossier-status" />
          </div>
          <DossierFees dossier={state.value.dossier} timeline={state.value.timeline} collecting={collecting} onCollecting={setCollecting} onChanged={reload} />
          <DossierPrints dossier={state.value.dossier} actions={state.value.timeline.map((entry) => entry.action)} lateness={state.value.lateness} />
          <div className="detail-grid">
            <DossierFacts dossier={state.value.dossier} lateness={state.value.lateness} />
            <div className="detail-grid__side">
              <DossierActions dossier={state.value.dossier} perform={perform} />
              <DossierTimeline entries={state.value.timeline} />
            </div>
          </div>
        </>
      ) : null}
    </main>
  );
}
