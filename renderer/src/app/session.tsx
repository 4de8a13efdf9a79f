/**
 * Who is signed in. The shared desk PC keeps the session for this tab only (sessionStorage):
 * a reload keeps the clerk signed in, closing the window signs them out. The staff record is
 * re-read from the database on start, so a deactivated account is not kept signed in.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Staff } from '@shared/domain/records';
import { actorOf, withActor } from '../db/desk';
import { getStaff, recordSignOut } from '../db/repositories/staff';
import { clearKeptDrafts } from './keptDrafts';
import { useDeskBase } from './desk';

const KEY = 'duty-desk.session';

type SessionValue = {
  staff: Staff | null;
  ready: boolean;
  signedIn: (staff: Staff) => void;
  signOut: () => Promise<void>;
  /**
   * Ends the session without writing anything in the name of its account: the data it belongs to
   * was replaced (a restore) or no longer holds it. The sign-in screen then shows `notice`.
   */
  endSession: (notice: string) => void;
  /** Why the last session ended without a sign-out (shown on the sign-in screen until the next sign-in). */
  notice: string | null;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const base = useDeskBase();
  const [staff, setStaff] = useState<Staff | null>(null);
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const id = sessionStorage.getItem(KEY);
    if (!id) {
      setReady(true);
      return;
    }
    void getStaff(base, id)
      .then((s) => setStaff(s && s.active ? s : null))
      .finally(() => setReady(true));
  }, [base]);

  const signedIn = useCallback((s: Staff) => {
    sessionStorage.setItem(KEY, s.id);
    setNotice(null);
    setStaff(s);
  }, []);

  const endSession = useCallback((why: string) => {
    sessionStorage.removeItem(KEY);
    clearKeptDrafts();
    setNotice(why);
    setStaff(null);
  }, []);

  const signOut = useCallback(async () => {
    if (staff) {
      const desk = withActor(base, actorOf(staff));
      // A backup at every sign-out (Electron, once a backup key exists; it never blocks sign-out).
      const { automaticBackup } = await import('./backup');
      await automaticBackup(desk, 'signout');
      await recordSignOut(desk);
    }
    sessionStorage.removeItem(KEY);
    // A half-filled registration does not outlive the person who typed it.
    clearKeptDrafts();
    setStaff(null);
  }, [base, staff]);

  const value = useMemo(
    () => ({ staff, ready, signedIn, signOut, endSession, notice }),
    [staff, ready, signedIn, signOut, endSession, notice],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in staff member; only for components rendered behind the sign-in gate. */
export function useStaff(): Staff {
  const { staff } = useSession();
  if (!staff) throw new Error('useStaff without a signed-in staff member');
  return staff;
}
