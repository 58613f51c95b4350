import { useT } from '../../i18n/LanguageProvider.tsx';

export function ReportsScreen() {
  const { t } = useT();
  return (
    <section className="screen" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
    </section>
  );
}
