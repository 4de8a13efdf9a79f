/**
 * The desk context, built once and provided to every screen:
 * - `DeskBaseProvider` (whole app): the database as a read-only view, the system clock and
 *   the id source — what setup, sign-in and the session check need;
 * - `DeskProvider` (behind sign-in): adds the signed-in actor, the community and its
 *   working-day calendar (live: an admin's holiday change reaches every screen).
 * Features take it with `useDesk()` and pass it to repository functions; they never import
 * the database. Live reads: `useLiveQuery(() => someRead(desk, …), [desk, …])`.
 * The desk is rebuilt when the local date changes (a desk PC left on overnight): every live
 * read that depends on "today" (queues, due counts, the register) re-runs then.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { createCalendar } from '@shared/domain/workingCalendar';
import type { CommunityProfile, Staff } from '@shared/domain/records';
import { getDb } from '../db/database';
import { createDeskBase, signedInDesk, type Desk, type DeskBase } from '../db/desk';
import { getCalendarSettings } from '../db/repositories/calendar';
import { randomId, systemClock } from './clock';

const BaseContext = createContext<DeskBase | null>(null);
const DeskContext = createContext<Desk | null>(null);

export function DeskBaseProvider({ children }: { children: ReactNode }) {
  const base = useMemo(() => createDeskBase(getDb(), systemClock, randomId), []);
  return <BaseContext.Provider value={base}>{children}</BaseContext.Provider>;
}

export function useDeskBase(): DeskBase {
  const base = useContext(BaseContext);
  if (!base) throw new Error('useDeskBase outside DeskBaseProvider');
  return base;
}

/** The local date, re-read every half minute (it changes at midnight). */
function useLocalDay(clock: DeskBase['clock']): string {
  const [day, setDay] = useState(() => clock.today());
  useEffect(() => {
    const t = setInterval(() => setDay(clock.today()), 30_000);
    return () => clearInterval(t);
  }, [clock]);
  return day;
}

/** Renders nothing until the calendar is loaded, so every screen has a complete desk. */
export function DeskProvider({
  staff,
  community,
  children,
}: {
  staff: Staff;
  community: CommunityProfile;
  children: ReactNode;
}) {
  const base = useDeskBase();
  const settings = useLiveQuery(() => getCalendarSettings(base), [base]);
  const day = useLocalDay(base.clock);
  const calendar = useMemo(() => (settings ? createCalendar(settings) : null), [settings]);
  // `day` is a dependency on purpose: a new day is a new desk (see above).
  const desk = useMemo(
    () => (calendar ? { ...signedInDesk(base, staff, community, calendar), day } : null),
    [base, staff, community, calendar, day],
  );
  if (!desk) return null;
  return <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
}

/** The desk of the signed-in staff member; only behind the sign-in gate. */
export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside DeskProvider');
  return desk;
}
