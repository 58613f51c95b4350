import { useSession } from '../auth/session-context.ts';

export type ConfigureAccess = Readonly<{ canConfigure: boolean; setup: boolean }>;

/**
 * Whether this screen offers its forms: in setup mode (no clerk accounts yet, IT at work) and to a signed-in
 * supervisor. Only what the screen shows: the core checks every save itself (shared/contract/access.ts).
 */
export function useCanConfigure(): ConfigureAccess {
  const session = useSession()?.session;
  if (!session) return { canConfigure: false, setup: false };
  if (session.mode === 'setup') return { canConfigure: true, setup: true };
  return { canConfigure: session.mode === 'signed-in' && session.clerk?.roles.includes('supervisor') === true, setup: false };
}
