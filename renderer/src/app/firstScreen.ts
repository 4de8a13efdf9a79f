/**
 * The first screen (sign-in, or the setup wizard) comes before anything behind sign-in: its
 * initial JavaScript has no router, MUI or screen code (scripts/check-initial-js.mjs), and
 * nothing else is fetched until it is usable (tests/e2e/firstScreen.spec.ts). Then, when the
 * browser is idle, the rest loads in the background (App.tsx: the screens, the sync runner).
 */
import { useEffect, useState } from 'react';

/** True once `ready` has been true and the browser then was idle (at the latest 1 s later); stays true. */
export function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    const t = requestIdleCallback(() => setIdle(true), { timeout: 1000 });
    return () => cancelIdleCallback(t);
  }, [ready, idle]);
  return idle;
}

/**
 * Each sign-in starts on the 工作台, never on the previous person's last page. The router lives
 * behind sign-in (SignedInDesk.tsx) and reads the address when it mounts, so the first screen sets
 * the address itself (a replace: no history entry, no reload).
 */
export function startAtDashboard(): void {
  window.location.replace('#/dashboard');
}
