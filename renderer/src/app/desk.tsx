/**
 * The desk context, built once and provided to every screen:
 * - `DeskBaseProvider` (whole app): the database as a read-only view, the system clock and
 *   the id source — what setup, sign-in and the session check need;
 * - `DeskProvider` (behind sign-in, SignedInDesk.tsx): adds the signed-in actor, the community and its
 *   working-day calendar (live: an admin's holiday change reaches every screen).
 * Features take it with `useDesk()` and pass it to repository functions; they never import
 * the database. Live reads: `useLiveQuery(() => someRead(desk, …), [desk, …])`.
 * The desk is rebuilt when the local date changes (a desk PC left on overnight): every live
 * read that depends on "today" (queues, due counts, the register) re-runs then.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { getDb } from '../db/database';
import { createDeskBase, type Desk, type DeskBase } from '../db/desk';
import { randomId, systemClock } from './clock';

const BaseContext = createContext<DeskBase | null>(null);
/** Provided by SignedInDesk.tsx (loaded with the screens behind sign-in). */
export const DeskContext = createContext<Desk | null>(null);

export function DeskBaseProvider({ children }: { children: ReactNode }) {
  const base = useMemo(() => createDeskBase(getDb(), systemClock, randomId), []);
  return <BaseContext.Provider value={base}>{children}</BaseContext.Provider>;
}

export function useDeskBase(): DeskBase {
  const base = useContext(BaseContext);
  if (!base) throw new Error('useDeskBase outside DeskBaseProvider');
  return base;
}

/** The desk of the signed-in staff member; only behind the sign-in gate. */
export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskProvider');
  return desk;
}
