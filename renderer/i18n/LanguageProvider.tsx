import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { describeError, type ErrorCode } from '../../shared/contract/errors.ts';
import { DEFAULT_LANGUAGE, LOCALE_FOR, translate, type Language, type MessageKey, type MessageParams } from './messages.ts';

export type Translator = Readonly<{
  language: Language;
  /** Asks to change the language; where it is stored (settings) is the provider owner's business. */
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** The clerk-facing explanation of a contract error code, in the current language. */
  describeError: (code: ErrorCode) => string;
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
}>;

export function createTranslator(language: Language, setLanguage: (language: Language) => void): Translator {
  const dateTime = new Intl.DateTimeFormat(LOCALE_FOR[language], { dateStyle: 'short', timeStyle: 'medium' });
  const number = new Intl.NumberFormat(LOCALE_FOR[language]);
  return {
    language,
    setLanguage,
    t: (key, params) => translate(language, key, params),
    describeError: (code) => describeError(code, language),
    formatDateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
    },
    formatNumber: (value) => number.format(value),
  };
}

const LanguageContext = createContext<Translator>(createTranslator(DEFAULT_LANGUAGE, () => undefined));

export function LanguageProvider(props: Readonly<{ language: Language; onChange: (language: Language) => void; children: ReactNode }>) {
  const { language, onChange, children } = props;
  const translator = useMemo(() => createTranslator(language, onChange), [language, onChange]);
  return <LanguageContext.Provider value={translator}>{children}</LanguageContext.Provider>;
}

/** The current language's messages; outside a provider, Vietnamese. */
export function useT(): Translator {
  return useContext(LanguageContext);
}
