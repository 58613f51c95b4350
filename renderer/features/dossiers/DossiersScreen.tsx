import { useCallback, useEffect } from 'react';
import type { Route } from '../../app/routes.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { DossierDetail } from './DossierDetail.tsx';
import { DossierFinder } from './DossierFinder.tsx';
import './dossiers.css';

/** Tra cứu hồ sơ: the finder, or one dossier when the route names it. */
export function DossiersScreen(props: Readonly<{ dossierId: string | null; onNavigate: (route: Route) => void }>) {
  const { t } = useT();
  const { onNavigate } = props;
  const back = useCallback(() => onNavigate({ screen: 'dossiers', dossierId: null }), [onNavigate]);
  useEffect(() => {
    document.title = `${t('dossiers.title')} – ${t('app.name')}`;
  }, [t]);
  return props.dossierId ? <DossierDetail key={props.dossierId} id={props.dossierId} onBack={back} /> : <DossierFinder />;
}
