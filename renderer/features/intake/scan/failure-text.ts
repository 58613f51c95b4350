import type { CoreClientError } from '../../../core-client/core-client-error.ts';
import type { Translator } from '../../../i18n/LanguageProvider.tsx';
import { describeFailure } from '../../home/describe-failure.ts';

/** The clerk-facing text of a failed call with its code, which IT asks for on the phone. */
export function failureText(error: CoreClientError, translator: Translator): string {
  return translator.t('scan.failed', { message: describeFailure(error, translator), code: error.code });
}
