import { useT } from '../../i18n/LanguageProvider.tsx';
import { Kbd } from '../../ui/Kbd.tsx';
import { useSession } from './session-context.ts';

/** The signed-in clerk's name in the header, with Lock (Alt+L) and Sign out; nothing in setup mode. */
export function SessionBar() {
  const { t } = useT();
  const actions = useSession();
  const clerk = actions?.session.mode === 'signed-in' ? actions.session.clerk : null;
  if (!actions || !clerk) return null;
  return (
    <section className="session-bar" aria-label={t('auth.bar.label')} data-testid="session-bar">
      <span className="session-bar__name" data-testid="session-clerk">
        {t('auth.bar.clerk', { name: clerk.displayName })}
        {clerk.roles.includes('supervisor') ? ` (${t('auth.bar.supervisor')})` : ''}
      </span>
      <button type="button" className="session-bar__button" aria-keyshortcuts="Alt+L" data-testid="session-lock" onClick={actions.lock}>
        {t('auth.bar.lock')} <Kbd keys="Alt+L" />
      </button>
      <button type="button" className="session-bar__button" data-testid="session-sign-out" onClick={actions.signOut}>
        {t('auth.bar.signOut')}
      </button>
    </section>
  );
}
