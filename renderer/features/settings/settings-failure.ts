import type { CoreClientError } from '../../core-client/core-client-error.ts';
import type { Translator } from '../../i18n/LanguageProvider.tsx';
import { describeFailure } from '../home/describe-failure.ts';

/** The clerk's explanation of a refused call, with the stable code IT can look up (`forbidden-role`, …). */
export function failureText(error: CoreClientError, translator: Translator): string {
  return `${describeFailure(error, translator)} (${error.code})`;
}

/** The fields an `invalid-input` answer names (`counter.slot` → `slot` with `prefix` 'counter.'). */
export function invalidPaths(error: CoreClientError, prefix = ''): string[] {
  if (error.code !== 'invalid-input') return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .map((issue: unknown) => (typeof issue === 'object' && issue !== null && typeof (issue as { path?: unknown }).path === 'string' ? (issue as { path: string }).path : ''))
    .filter((path) => path.startsWith(prefix))
    .map((path) => path.slice(prefix.length).split('.')[0] ?? '');
}
