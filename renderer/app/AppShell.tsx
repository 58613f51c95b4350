import { useEffect, useRef } from 'react';
import type { CoreClientError } from '../core-client/core-client-error.ts';
import { DossiersScreen } from '../features/dossiers/DossiersScreen.tsx';
import { describeFailure } from '../features/home/describe-failure.ts';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { IntakeScreen } from '../features/intake/IntakeScreen.tsx';
import { ReportsScreen } from '../features/reports/ReportsScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { SessionBar } from '../features/auth/SessionBar.tsx';
import { SetupBanner } from '../features/auth/SetupBanner.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';
import { AppHeader } from './AppHeader.tsx';
import { NavBar, screenForShortcut } from './NavBar.tsx';
import { useRoute } from './use-route.ts';
import '../ui/forms.css';
import './shell.css';

/**
 * Header, navigation and the current screen. After a navigation (not on first load, so Tab still starts at
 * the top) focus goes to the screen's `[data-autofocus]` element, or else its heading, for screen readers
 * and for the next keystroke.
 */
export function AppShell(props: Readonly<{ languageError: CoreClientError | null }>) {
  const translator = useT();
  const { t } = translator;
  const { route, navigated, navigate } = useRoute();
  const mainRef = useRef<HTMLDivElement>(null);
  const intakeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = screenForShortcut(event);
      if (!target) return;
      event.preventDefault();
      navigate(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  useEffect(() => {
    const container = route.screen === 'intake' ? intakeRef.current : mainRef.current;
    if (!navigated || !container) return;
    // The first visible one: the intake keeps its hidden stages mounted.
    const visible = (element: HTMLElement) => element.getClientRects().length > 0;
    const target = [...container.querySelectorAll<HTMLElement>('[data-autofocus]')].find(visible) ?? container.querySelector<HTMLElement>('h1');
    if (!target) return;
    if (target.tagName === 'H1') target.tabIndex = -1;
    target.focus();
  }, [route, navigated]);

  return (
    <div className="app-shell">
      <AppHeader>
        <SessionBar />
      </AppHeader>
      <NavBar current={route.screen} onNavigate={navigate} />
      <SetupBanner />
      {props.languageError ? (
        <p className="notice notice--shell" role="status" data-testid="language-error">
          {t('language.saveFailed', { reason: describeFailure(props.languageError, translator) })}
        </p>
      ) : null}
      <div className="app-screen" ref={mainRef} hidden={route.screen === 'intake'}>
        {route.screen === 'home' ? <HomeScreen languageError={null} /> : null}
        {route.screen === 'dossiers' ? <DossiersScreen dossierId={route.dossierId} onNavigate={navigate} /> : null}
        {route.screen === 'reports' ? <ReportsScreen /> : null}
        {route.screen === 'settings' ? <SettingsScreen /> : null}
      </div>
      {/* Always mounted: a half-typed intake survives a visit to another screen. */}
      <div className="app-screen" ref={intakeRef} hidden={route.screen !== 'intake'}>
        <IntakeScreen active={route.screen === 'intake'} onOpenDossier={(id) => navigate({ screen: 'dossiers', dossierId: id })} />
      </div>
    </div>
  );
}
