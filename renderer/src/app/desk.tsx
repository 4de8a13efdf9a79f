/**
 * The desk context, built once and provided to every screen:
 * - `DeskBaseProvider` (whole app): the database as a read-only view, the system clock, the id
 *   source and this machine's desk identity — what setup, sign-in and the session check need;
 * - `DeskProvider` (behind sign-in, SignedInDesk.tsx): adds the signed-in actor, the community and its
 *   working-day calendar (live: an admin's holiday change reaches every screen).
 * Features take it with `useDesk()` and pass it to repository functions; they never import
 * the database. Live reads: `useLiveQuery(() => someRead(desk, …), [desk, …])`.
 * The desk is rebuilt when the local date changes (a desk PC left on overnight): every live
 * read that depends on "today" (queues, due counts, the register) re-runs then.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_DESK_IDENTITY, type DeskIdentity } from '@shared/domain/deskNumber';
import { getDb } from '../db/database';
import { createDeskBase, type Desk, type DeskBase } from '../db/desk';
import { Loading } from '../components/Loading';
import { randomId, systemClock } from './clock';

const BaseContext = createContext<DeskBase | null>(null);
const KeepIdentityContext = createContext<((identity: DeskIdentity) => Promise<void>) | null>(null);
/** Provided by SignedInDesk.tsx (loaded with the screens behind sign-in). */
export const DeskContext = createContext<Desk | null>(null);

/**
 * The desk before sign-in, with this machine's desk identity read from the machine settings
 * (never set: desk 1, 一号窗口). A new identity (setup, 设置) rebuilds it, so every number
 * issued afterwards carries the new desk.
 */
const loadPlatform = () => import('../platform').then((m) => m.platform);

export function DeskBaseProvider({ children }: { children: ReactNode }) {
  const [identity, setIdentity] = useState<DeskIdentity | null>(null);
  useEffect(() => {
    // The bridge (and its schemas) loads beside the first screen, not in the initial JavaScript.
    void loadPlatform()
      .then((platform) => platform.getSettings())
      .then((s) => setIdentity(s.deskIdentity ?? DEFAULT_DESK_IDENTITY))
      .catch(() => setIdentity(DEFAULT_DESK_IDENTITY));
  }, []);
  const keep = useCallback(async (next: DeskIdentity) => {
    const saved = await (await loadPlatform()).setSettings({ deskIdentity: next });
    setIdentity(saved.deskIdentity ?? DEFAULT_DESK_IDENTITY);
  }, []);
  const base = useMemo(() => identity && createDeskBase(getDb(), systemClock, randomId, identity), [identity]);
  if (!base) return <Loading fullScreen />;
  return (
    <KeepIdentityContext.Provider value={keep}>
      <BaseContext.Provider value={base}>{children}</BaseContext.Provider>
    </KeepIdentityContext.Provider>
  );
}

/** Writes a checked desk identity to the machine settings and puts it in force (setup, 设置). */
export function useKeepDeskIdentity(): (identity: DeskIdentity) => Promise<void> {
  const keep = useContext(KeepIdentityContext);
  if (!keep) throw new Error('useKeepDeskIdentity outside DeskBaseProvider');
  return keep;
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
