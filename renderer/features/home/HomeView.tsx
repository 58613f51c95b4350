import type { CounterIdentity } from '../../../shared/contract/settings.ts';
import type { SyncStatus } from '../../../shared/contract/sync.ts';
import type { SystemInfo } from '../../../shared/contract/system.ts';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import type { Loadable } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Banner } from '../../ui/Banner.tsx';
import { CounterPanel } from './CounterPanel.tsx';
import { describeFailure } from './describe-failure.ts';
import { DevicesPanel, type DevicesPanelProps } from './DevicesPanel.tsx';
import { HomeFooter } from './HomeFooter.tsx';
import { StorageBanner } from './StorageBanner.tsx';
import { SyncPanel } from './SyncPanel.tsx';

export type HomeViewProps = Readonly<{
  info: Loadable<SystemInfo>;
  counter: Loadable<CounterIdentity>;
  sync: Loadable<SyncStatus>;
  /** The slip printer and scanners, polled apart from the rest (a slow device never holds the screen up). */
  devices: DevicesPanelProps;
  /** Set when the last language change could not be saved. */
  languageError: CoreClientError | null;
}>;

/** The counter's home screen, from data alone (no calls), so it renders the same in tests. */
export function HomeView(props: HomeViewProps) {
  const translator = useT();
  const { t } = translator;
  const { info, counter, sync, devices, languageError } = props;
  const storage = info.status === 'ready' ? info.value.storage : null;

  return (
    // The header, navigation and language switch belong to the app shell (renderer/app/AppShell.tsx).
    <div className="app-screen__body" data-testid="home-screen">
      <main className="app-main">
        <h1 className="page-title">{t('home.title')}</h1>
        {languageError ? (
          <p className="notice" role="status" data-testid="language-error">
            {t('language.saveFailed', { reason: describeFailure(languageError, translator) })}
          </p>
        ) : null}
        {storage?.state === 'unavailable' ? <StorageBanner code={storage.code} /> : null}
        {info.status === 'failed' ? (
          <Banner title={t('error.unreachable')} testId="core-banner">
            <p>{describeFailure(info.error, translator)}</p>
          </Banner>
        ) : null}
        <div className="panel-grid">
          <CounterPanel counter={counter} />
          <SyncPanel sync={sync} storageUnavailable={storage?.state === 'unavailable'} />
          <DevicesPanel {...devices} />
        </div>
      </main>

      <HomeFooter info={info} />
    </div>
  );
}
