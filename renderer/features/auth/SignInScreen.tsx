import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { asCoreClientError } from '../../core-client/use-core-query.ts';
import type { CoreClientError } from '../../core-client/core-client-error.ts';
import { useT, type Translator } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { describeFailure } from '../home/describe-failure.ts';

/** The bilingual reason, plus how many tries are left when the core says so (before the short lockout). */
export function signInProblem(error: CoreClientError, translator: Translator): string {
  const reason = describeFailure(error, translator);
  const remaining = (error.details as { remainingAttempts?: unknown } | undefined)?.remainingAttempts;
  return typeof remaining === 'number' ? `${reason} ${translator.t('auth.signIn.remaining', { count: remaining })}` : reason;
}

/**
 * Shown instead of the app when the counter holds clerk accounts and nobody is signed in. Verified by the core
 * against the hashes pulled from the central server, so it works offline. The password is cleared after a
 * failure; the username stays.
 */
export function SignInScreen(props: Readonly<{ onSignedIn: (session: Session) => void }>) {
  const core = useCore();
  const translator = useT();
  const { t } = translator;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  return (
    <form
      className="auth-card"
      aria-labelledby="sign-in-title"
      data-testid="sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy || username.trim() === '' || password === '') return;
        setBusy(true);
        setError(undefined);
        core.call('auth.signIn', { username: username.trim(), password }).then(
          (session) => props.onSignedIn(session),
          (failure: unknown) => {
            setBusy(false);
            setPassword('');
            setError(signInProblem(asCoreClientError(failure), translator));
            document.getElementById('sign-in-password')?.focus();
          },
        );
      }}
    >
      <h1 id="sign-in-title" className="page-title">
        {t('auth.signIn.title')}
      </h1>
      <p className="auth-card__intro">{t('auth.signIn.intro')}</p>
      <Field id="sign-in-username" label={t('auth.signIn.username')}>
        {(control) => (
          // autoFocus: signing in is the only task on this screen; clerks start typing at once.
          <input {...control} className="input" autoFocus autoComplete="username" value={username} onChange={(event) => setUsername(event.target.value)} />
        )}
      </Field>
      <Field id="sign-in-password" label={t('auth.signIn.password')} error={error}>
        {(control) => <input {...control} className="input" type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
      </Field>
      <button type="submit" className="button button--primary" disabled={busy} data-testid="sign-in-submit">
        {busy ? t('auth.signIn.busy') : t('auth.signIn.submit')}
      </button>
    </form>
  );
}
