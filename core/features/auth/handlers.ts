import type { Handlers } from '../../rpc/dispatch.ts';
import type { AuthService } from './service.ts';

export function authHandlers(auth: AuthService) {
  return {
    'auth.session': () => auth.session(),
    'auth.signIn': ({ username, password }) => auth.signIn(username, password),
    'auth.signOut': () => auth.signOut(),
    'auth.lock': () => auth.lock(),
    'auth.unlock': ({ password }) => auth.unlock(password),
    'auth.touch': () => auth.touch(),
  } satisfies Partial<Handlers>;
}
