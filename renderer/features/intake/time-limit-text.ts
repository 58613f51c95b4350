import type { TimeLimit } from '../../../shared/contract/time-limit.ts';
import type { Translator } from '../../i18n/LanguageProvider.tsx';

/** A procedure's time limit in words; null (not confirmed in the catalogue) says so. */
export function timeLimitText(limit: TimeLimit | null, t: Translator['t']): string {
  if (!limit) return t('intake.timeLimit.missing');
  switch (limit.unit) {
    case 'workingDays':
      return t('intake.timeLimit.workingDays', { n: limit.value });
    case 'workingHours':
      return t('intake.timeLimit.workingHours', { n: limit.value });
    case 'calendarDays':
      return t('intake.timeLimit.calendarDays', { n: limit.value });
    case 'sameDay':
      return limit.cutoff ? t('intake.timeLimit.sameDayCutoff', { cutoff: limit.cutoff }) : t('intake.timeLimit.sameDay');
  }
}
