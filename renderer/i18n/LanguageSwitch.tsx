import { ToggleGroup, type ToggleOption } from '../ui/ToggleGroup.tsx';
import { useT } from './LanguageProvider.tsx';
import type { Language } from './messages.ts';

/** Each language is named in itself, so a clerk can find their own whatever is showing now. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useT();
  const options: readonly ToggleOption<Language>[] = [
    { value: 'vi', label: t('language.vi'), lang: 'vi' },
    { value: 'en', label: t('language.en'), lang: 'en' },
  ];
  return <ToggleGroup label={t('language.label')} options={options} value={language} onChange={setLanguage} testId="language-switch" />;
}
