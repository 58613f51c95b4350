import type { viSettings } from './settings.vi.ts';

/** English for `settings.vi.ts`: the same keys, checked by the type. */
export const enSettings: Readonly<Record<keyof typeof viSettings, string>> = {
  'settings.title': 'Counter settings',
};
