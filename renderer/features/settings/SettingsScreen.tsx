import { useT } from '../../i18n/LanguageProvider.tsx';

export function SettingsScreen() {
  const { t } = useT();
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
    </section>
  );
}
