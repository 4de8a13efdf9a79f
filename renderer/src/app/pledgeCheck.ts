/**
 * The 保密承诺's re-check behind sign-in: PledgeGate (features/signin) decides at sign-in, and
 * again whenever the desk is unlocked (the same person resuming, or another taking over) — a desk
 * left signed in for days must ask for the yearly pledge once the year has run out. The check is
 * never made while the desk is locked (the pledge would stand in front of the lock screen, for
 * anyone passing by to accept in the name of the person on duty) nor in the middle of someone's
 * work: the idle lock brings every open desk to an unlock within minutes.
 */
import { createContext, useContext } from 'react';

/** Re-reads the pledge rule at the desk clock's now (DeskLock calls it on unlock). */
export const PledgeCheckContext = createContext<() => void>(() => {});

export function usePledgeCheck(): () => void {
  return useContext(PledgeCheckContext);
}
