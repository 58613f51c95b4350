import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { AppHeader } from '../../app/AppHeader.tsx';
import { useCore } from '../../core-client/CoreProvider.tsx';
import { useCoreQuery } from '../../core-client/use-core-query.ts';
import { useT } from '../../i18n/LanguageProvider.tsx';
import { LockScreen } from './LockScreen.tsx';
import { SessionContext, type SessionActions } from './session-context.ts';
import { SignInScreen } from './SignInScreen.tsx';
import { useIdleReporter } from './use-idle-reporter.ts';
import './auth.css';

/** The header of the sign-in and lock screens: the app's name and the language switch, nothing else. */
function AuthFrame(props: Readonly<{ children: ReactNode }>) {
  return (
    <div className="app-shell">
      <AppHeader />
      <main className="app-main auth-main">{props.children}</main>
    </div>
  );
}

/**
 * Decides what the clerk sees from the core's session (auth.session, then `auth.changed`): the app in setup
 * mode (with a banner, see SetupBanner) and when signed in; the sign-in screen when accounts exist and nobody
 * is signed in; the lock screen over the app, which stays mounted (hidden and inert) so a half-typed intake
 * survives the lock. The core enforces the same rules on every dossier change; this only shows them.
 */
export function AuthGate(props: Readonly<{ children: ReactNode }>) {
  const core = useCore();
  const { t } = useT();
  const query = useCoreQuery('auth.session');
  const { replace } = query;
  useEffect(() => core.on('auth.changed', replace), [core, replace]);
  const session = query.state.status === 'ready' ? query.state.value : null;
  useIdleReporter(session);

  const lock = useCallback(() => void core.call('auth.lock', {}).then(replace, () => undefined), [core, replace]);
  const signOut = useCallback(() => void core.call('auth.signOut', {}).then(replace, () => undefined), [core, replace]);
  const actions = useMemo<SessionActions | null>(() => (session ? { session, lock, signOut } : null), [session, lock, signOut]);

  const signedIn = session?.mode === 'signed-in';
  useEffect(() => {
    if (!signedIn) return undefined;
    // Alt+L locks at once (by physical key, any layout), for a clerk who steps away.
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.code !== 'KeyL') return;
      event.preventDefault();
      lock();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [signedIn, lock]);

  // A failed read (the background service is unreachable) shows the app, which explains that itself.
  if (query.state.status === 'loading') return <p className="app-main">{t('app.loading')}</p>;
  if (session?.mode === 'signed-out') {
    return (
      <AuthFrame>
        <SignInScreen onSignedIn={replace} />
      </AuthFrame>
    );
  }
  return (
    <SessionContext.Provider value={actions}>
      {session?.mode === 'locked' ? (
        <AuthFrame>
          <LockScreen session={session} onChanged={replace} />
        </AuthFrame>
      ) : null}
      <div className="auth-app" hidden={session?.mode === 'locked'} inert={session?.mode === 'locked'}>
        {props.children}
      </div>
    </SessionContext.Provider>
  );
}
