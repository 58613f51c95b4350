import { useT } from '../../i18n/LanguageProvider.tsx';
import { useSession } from './session-context.ts';

/** Setup mode (no clerk accounts yet) is stated, not hidden: nobody is asked to sign in, and the clerk knows why. */
export function SetupBanner() {
  const { t } = useT();
  const actions = useSession();
  if (actions?.session.mode !== 'setup') return null;
  return (
    <section className="notice notice--shell setup-banner" aria-labelledby="setup-banner-title" data-testid="setup-banner">
      <strong id="setup-banner-title">{t('auth.setup.title')}.</strong> {t('auth.setup.body')}
    </section>
  );
}
