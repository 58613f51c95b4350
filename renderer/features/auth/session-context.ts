import { createContext, useContext } from 'react';
import type { Session } from '../../../shared/contract/auth.ts';

export type SessionActions = Readonly<{ session: Session; lock: () => void; signOut: () => void }>;

export const SessionContext = createContext<SessionActions | null>(null);

/** The session as the gate last read it; null above the gate (or while it loads). */
export function useSession(): SessionActions | null {
  return useContext(SessionContext);
}
