import type { viAuth } from './auth.vi.ts';

/** English messages of sign-in, the lock screen and the session bar (same keys as auth.vi.ts). */
export const enAuth: Readonly<Record<keyof typeof viAuth, string>> = {
  'auth.signIn.title': 'Sign in',
  'auth.signIn.intro': 'Clerks sign in with the account the centre issued. Signing in works offline too.',
  'auth.signIn.username': 'Username',
  'auth.signIn.password': 'Password',
  'auth.signIn.submit': 'Sign in',
  'auth.signIn.busy': 'Checking…',
  'auth.signIn.remaining': '{count} attempts left before the account is locked for a while.',
  'auth.lock.title': 'Session locked',
  'auth.lock.who': 'Signed in: {name}',
  'auth.lock.since': 'Locked at {time}',
  'auth.lock.password': "{name}'s password",
  'auth.lock.unlock': 'Unlock',
  'auth.lock.switchUser': 'Sign in as someone else',
  'auth.bar.label': 'Session',
  'auth.bar.clerk': 'Clerk: {name}',
  'auth.bar.supervisor': 'supervisor',
  'auth.bar.lock': 'Lock',
  'auth.bar.signOut': 'Sign out',
  'auth.setup.title': 'Setup mode',
  'auth.setup.body': 'This counter has no clerk accounts yet, so nobody needs to sign in. Once it is enrolled with the central server and has received the accounts, receiving dossiers and printing will require signing in.',
};
