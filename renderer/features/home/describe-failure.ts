import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { isUnreachable } from '../../core-client/failure.ts';
import type { Translator } from '../../i18n/LanguageProvider.tsx';

/** What a clerk reads when a call failed: the code's bilingual explanation, never the core's English text. */
export function describeFailure(error: CoreClientError, translator: Translator): string {
  return isUnreachable(error) ? translator.t('error.unreachable') : translator.describeError(error.code);
}
