import { useEffect } from 'react';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { HomeView } from './HomeView.tsx';
import { useDeviceStatus } from './use-device-status.ts';
import { useHomeData } from './use-home-data.ts';

export function HomeScreen(props: Readonly<{ languageError: CoreClientError | null }>) {
  const data = useHomeData();
  const { printer, scanners, checking, refresh } = useDeviceStatus();
  const { t } = useT();
  const title = `${t('home.title')} – ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  return <HomeView {...data} devices={{ printer, scanners, checking, onRefresh: refresh }} languageError={props.languageError} />;
}
