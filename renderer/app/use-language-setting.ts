import { useCallback, useEffect, useState } from 'react';
import { useCore } from '../core-client/CoreProvider.tsx';
import type { CoreClientError } from '../core-client/core-client-error.ts';
import { asCoreClientError, useCoreQuery } from '../core-client/use-core-query.ts';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/messages.ts';

export type LanguageSetting = Readonly<{
  language: Language;
  setLanguage: (language: Language) => void;
  saveError: CoreClientError | null;
}>;

/**
 * The UI language is a setting in the core, so it survives restarts and is shared with every window:
 * read at start, followed through `settings.changed`, saved with `settings.setLanguage` (open to every clerk,
 * unlike `settings.update`). A choice shows at once;
 * if saving fails it is undone and `saveError` says why. Until settings load (or if they cannot), Vietnamese.
 */
export function useLanguageSetting(): LanguageSetting {
  const core = useCore();
  const settings = useCoreQuery('settings.get');
  const replaceSettings = settings.replace;
  const [pending, setPending] = useState<Language | null>(null);
  const [saveError, setSaveError] = useState<CoreClientError | null>(null);

  useEffect(() => core.on('settings.changed', replaceSettings), [core, replaceSettings]);

  const setLanguage = useCallback(
    (next: Language) => {
      setPending(next);
      setSaveError(null);
      void core.call('settings.setLanguage', { language: next }).then(
        (saved) => {
          replaceSettings(saved);
          setPending(null);
        },
        (error: unknown) => {
          setPending(null);
          setSaveError(asCoreClientError(error));
        },
      );
    },
    [core, replaceSettings],
  );

  const saved = settings.state.status === 'ready' ? settings.state.value.language : DEFAULT_LANGUAGE;
  return { language: pending ?? saved, setLanguage, saveError };
}
