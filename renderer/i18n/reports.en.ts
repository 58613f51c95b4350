import type { viReports } from './reports.vi.ts';

/** English for `reports.vi.ts`: the same keys, checked by the type. */
export const enReports: Readonly<Record<keyof typeof viReports, string>> = {
  'reports.title': 'Reports',
};
