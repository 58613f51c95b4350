import { useEffect } from 'react';
import { useCoreQuery } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { CalendarSection } from './CalendarSection.tsx';
import { CounterSection } from './CounterSection.tsx';
import { EnrolSection } from './EnrolSection.tsx';
import { PrintersSection } from './PrintersSection.tsx';
import { ScannersSection } from './ScannersSection.tsx';
import { useCanConfigure } from './use-can-configure.ts';
import './settings.css';

/**
 * Cài đặt quầy: identity and enrolment, printers, scanners, working hours, language. A supervisor (or IT in
 * setup mode) edits; a plain clerk sees the same read-only with a note why. The core refuses the saves anyway.
 */
export function SettingsScreen() {
  const { t } = useT();
  const { canConfigure, setup } = useCanConfigure();
  const settings = useCoreQuery('settings.get');
  const counter = useCoreQuery('counter.get');
  const sync = useCoreQuery('sync.status');

  useEffect(() => {
    document.title = `${t('settings.title')} – ${t('app.name')}`;
  }, [t]);

  return (
    <main className="app-main app-main--wide settings-screen" data-testid="settings-screen" data-can-configure={canConfigure}>
      <div className="screen-head">
        <h1 className="page-title" id="settings-title">
          {t('settings.title')}
        </h1>
        <p className="screen-head__keys">
          <Kbd keys="Enter" /> {t('settings.keys.save')} · <Kbd keys="Esc" /> {t('settings.keys.cancel')}
        </p>
      </div>
      {!canConfigure ? (
        <p className="notice" role="note" data-testid="settings-read-only">
          <strong>{t('settings.readOnly.title')}.</strong> {t('settings.readOnly.body')}
        </p>
      ) : null}
      {setup ? (
        <p className="hint" data-testid="settings-setup-note">
          {t('settings.setup.body')}
        </p>
      ) : null}
      <div className="panel-grid">
        <CounterSection settings={settings} canConfigure={canConfigure} />
        <div className="settings-column">
          <EnrolSection counter={counter} sync={sync} settings={settings} canConfigure={canConfigure} />
          <Panel id="settings-language" title={t('settings.language.heading')} testId="settings-language">
            <p className="hint">{t('settings.language.hint')}</p>
            <div className="settings-language">
              <LanguageSwitch />
            </div>
          </Panel>
        </div>
      </div>
      <div className="settings-stack">
        <PrintersSection canConfigure={canConfigure} />
        <ScannersSection canConfigure={canConfigure} />
        <CalendarSection thisYear={new Date().getFullYear()} />
      </div>
    </main>
  );
}
