import { useEffect } from 'react';
import { LanguageProvider } from '../i18n/LanguageProvider.tsx';
import { AppShell } from './AppShell.tsx';
import { AuthGate } from '../features/auth/AuthGate.tsx';
import { useLanguageSetting } from './use-language-setting.ts';

export function App() {
  const { language, setLanguage, saveError } = useLanguageSetting();
  useEffect(() => {
    // Screen readers and the browser's hyphenation and fonts follow the document language.
    document.documentElement.lang = language;
  }, [language]);
  return (
    <LanguageProvider language={language} onChange={setLanguage}>
      <AuthGate>
        <AppShell languageError={saveError} />
      </AuthGate>
    </LanguageProvider>
  );
}
