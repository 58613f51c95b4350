import { useEffect } from 'react';
import type { Session } from '../../../shared/contract/auth.ts';
import { useCore } from '../../core-client/CoreProvider.tsx';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * The core locks the session after idle minutes, but only the page sees the keyboard and the mouse: it reports
 * activity (auth.touch), throttled to a quarter of the idle time (at most every 15 s), so the lock can come at
 * most that much early and the core is not called on every key.
 */
export function useIdleReporter(session: Session | null): void {
  const core = useCore();
  const active = session?.mode === 'signed-in';
  const idleMinutes = session?.idleLockMinutes ?? 10;
  useEffect(() => {
    if (!active) return undefined;
    const throttleMs = Math.min(15_000, (idleMinutes * 60_000) / 4);
    let last = Date.now();
    const onActivity = () => {
      const now = Date.now();
      if (now - last < throttleMs) return;
      last = now;
      // A failed report only means the lock may come a little early.
      core.call('auth.touch', {}).catch(() => undefined);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [core, active, idleMinutes]);
}
