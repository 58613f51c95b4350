import type { Session } from '../../../shared/contract/auth.ts';

/**
 * May this session do a supervisor's correction on the dossier screen (cancel or replace a receipt, re-open a
 * returned dossier)? Follows the core (shared/contract/access.ts): in setup mode (no accounts yet) it requires
 * nothing, so yes; otherwise a signed-in supervisor; never a locked session. Only what the screen shows: the
 * core decides again.
 */
export function isSupervisor(session: Session | null | undefined): boolean {
  if (!session) return false;
  if (session.mode === 'setup') return true;
  return session.mode === 'signed-in' && session.clerk?.roles.includes('supervisor') === true;
}
