import type { Language } from '../../shared/contract/errors.ts';
import { en } from './en.ts';
import { vi, type Catalogue, type MessageKey } from './vi.ts';

export type { Language, MessageKey };

export const DEFAULT_LANGUAGE: Language = 'vi';

const CATALOGUES: Readonly<Record<Language, Catalogue>> = { vi, en };

export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a typo shows in review, not as blank text. */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return formatMessage(CATALOGUES[language][key], params);
}

/** BCP 47 tags for dates and numbers; en-GB gives day-month order, as Vietnamese readers expect. */
export const LOCALE_FOR: Readonly<Record<Language, string>> = { vi: 'vi-VN', en: 'en-GB' };
