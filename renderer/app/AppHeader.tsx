import type { ReactNode } from 'react';
import { useT } from '../i18n/LanguageProvider.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';

/** The app's name and tagline, then `children` (the session bar, when signed in), then the language switch. */
export function AppHeader(props: Readonly<{ children?: ReactNode }>) {
  const { t } = useT();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__name">{t('app.name')}</span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
      </div>
      {props.children}
      <LanguageSwitch />
    </header>
  );
}
