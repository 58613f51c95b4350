import { useState } from 'react';
import type { Session } from '../../../shared/contract/auth.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { asCoreClientError } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatVietnamDateTime } from '../../ui/format-time.ts';
import { signInProblem } from './SignInScreen.tsx';

/**
 * After idle minutes (or Alt+L) the clerk's work stays in place behind this screen; their password unlocks it.
 * "Đăng nhập người khác" signs the clerk out so another can sign in (their unsaved work is then dropped).
 */
export function LockScreen(props: Readonly<{ session: Session; onChanged: (session: Session) => void }>) {
  const core = useCore();
  const translator = useT();
  const { t } = translator;
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const name = props.session.clerk?.displayName ?? '';

  return (
    <form
      className="auth-card"
      aria-labelledby="lock-title"
      data-testid="lock-screen"
      onSubmit={(event) => {
        event.preventDefault();
        if (busy || password === '') return;
        setBusy(true);
        setError(undefined);
        core.call('auth.unlock', { password }).then(
          (session) => props.onChanged(session),
          (failure: unknown) => {
            setBusy(false);
            setPassword('');
            setError(signInProblem(asCoreClientError(failure), translator));
          },
        );
      }}
    >
      <h1 id="lock-title" className="page-title">
        {t('auth.lock.title')}
      </h1>
      <p className="auth-card__who" data-testid="lock-clerk">
        {t('auth.lock.who', { name })}
      </p>
      {props.session.lockedAt ? <p className="auth-card__intro">{t('auth.lock.since', { time: formatVietnamDateTime(props.session.lockedAt) })}</p> : null}
      <Field id="lock-password" label={t('auth.lock.password', { name })} error={error}>
        {(control) => (
          // autoFocus: the clerk came back to type their password.
          <input {...control} className="input" type="password" autoFocus autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        )}
      </Field>
      <div className="auth-card__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="unlock-submit">
          {t('auth.lock.unlock')}
        </button>
        <button type="button" className="button button--secondary" data-testid="switch-user" onClick={() => void core.call('auth.signOut', {}).then(props.onChanged, () => undefined)}>
          {t('auth.lock.switchUser')}
        </button>
      </div>
    </form>
  );
}
