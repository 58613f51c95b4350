import { useT } from '../i18n/LanguageProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Kbd } from '../ui/Kbd.tsx';
import { routeHref, SCREENS, type Route, type ScreenName } from './routes.ts';

const LABEL: Readonly<Record<ScreenName, MessageKey>> = {
  home: 'nav.home',
  intake: 'nav.intake',
  dossiers: 'nav.dossiers',
  reports: 'nav.reports',
  settings: 'nav.settings',
};

function targetOf(screen: ScreenName): Route {
  return screen === 'dossiers' ? { screen, dossierId: null } : { screen };
}

/** The screens, each with its shortcut (Alt+1…5) written beside it so clerks learn them by sight. */
export function NavBar(props: Readonly<{ current: ScreenName; onNavigate: (route: Route) => void }>) {
  const { t } = useT();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul className="app-nav__list">
        {SCREENS.map((screen, index) => (
          <li key={screen}>
            <a
              className="app-nav__link"
              href={routeHref(targetOf(screen))}
              aria-current={screen === props.current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${index + 1}`}
              data-testid={`nav-${screen}`}
              onClick={(event) => {
                event.preventDefault();
                props.onNavigate(targetOf(screen));
              }}
            >
              <span>{t(LABEL[screen])}</span>
              <Kbd keys={`Alt+${index + 1}`} />
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Alt+1 … Alt+5 (by physical key, so any keyboard layout works) → the screen; null otherwise. */
export function screenForShortcut(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): Route | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  const screen = match ? SCREENS[Number(match[1]) - 1] : undefined;
  return screen ? targetOf(screen) : null;
}
