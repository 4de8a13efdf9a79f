/**
 * 锁屏: the desk covers itself after the center's idle minutes (设置 → 社区信息, default 5), by the
 * 锁屏 button or by Ctrl+L. Locked, NOTHING of the shell is rendered — every section, its dialogs
 * (portalled to body, but React children all the same) and the receipt previews unmount — and
 * the browser's print view is emptied, so no resident's name, ID or phone remains in the DOM.
 * The kept 来访登记 draft stays in this window's sessionStorage, under its owner's staff id.
 *
 * Activity is a key press, a pointer press or a wheel turn — deliberate acts of someone at the
 * desk. Mouse movement does not count: a mouse nudged on the desk, or an optical mouse's jitter,
 * would otherwise keep a resident's record on screen for anyone walking by.
 *
 * The lock survives a reload (sessionStorage): F5 must not be a way past it. The same person's
 * PIN resumes the route they were on (and their kept draft); another active person's PIN
 * switches the desk to them, on the 工作台 (db/repositories/deskLock.ts logs lock, unlock, switch).
 * Either way the 保密承诺 is checked again (pledgeCheck.ts): a year may have run out meanwhile.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from '@mui/material';
import { useNavigate } from 'react-router';
import type { Staff } from '@shared/domain/records';
import { autoLockMinutes, isIdleLocked, type LockReason } from '@shared/domain/idleLock';
import { recordLock } from '../db/repositories/deskLock';
import { clearPrintFrames } from '../platform';
import { useDesk } from './desk';
import { useSession, useStaff } from './session';
import { LockScreen } from './LockScreen';
import { usePledgeCheck } from './pledgeCheck';

const LOCK_KEY = 'duty-desk.locked';
/** How often the idle time is compared with the setting. */
const CHECK_MS = 1000;
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

type Locked = { staffId: string; at: number };

function readLock(): Locked | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(LOCK_KEY) ?? 'null') as Locked | null;
    return v && typeof v.staffId === 'string' && typeof v.at === 'number' ? v : null;
  } catch {
    // Unreadable, but present: stay locked (the safe side).
    return sessionStorage.getItem(LOCK_KEY) === null ? null : { staffId: '', at: 0 };
  }
}

/** Whether this window's desk is locked now (the 保密承诺 is not checked while it is). */
export function isDeskLocked(): boolean {
  return readLock() !== null;
}

const LockContext = createContext<{ lock: (reason: LockReason) => void } | null>(null);

/** The 锁屏 button's action (behind sign-in only). */
export function useDeskLock(): { lock: (reason: LockReason) => void } {
  const v = useContext(LockContext);
  if (!v) throw new Error('useDeskLock outside DeskLock');
  return v;
}

export function DeskLock({ children }: { children: ReactNode }) {
  const desk = useDesk();
  const staff = useStaff();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const recheckPledge = usePledgeCheck();
  const [locked, setLocked] = useState<Locked | null>(() => {
    const kept = readLock();
    // A lock left by someone no longer signed in here (their session ended since): not this person's.
    if (kept && kept.staffId && kept.staffId !== staff.id) {
      sessionStorage.removeItem(LOCK_KEY);
      return null;
    }
    return kept;
  });
  const lastActivity = useRef(desk.clock.now());
  const minutes = autoLockMinutes(desk.community);

  const lock = useCallback(
    (reason: LockReason) => {
      const at = desk.clock.now();
      const state = { staffId: staff.id, at };
      sessionStorage.setItem(LOCK_KEY, JSON.stringify(state));
      clearPrintFrames();
      setLocked(state);
      // A failed write is reported by the shell (writeTx); the lock itself never waits for it.
      void recordLock(desk, reason).catch((e: unknown) => console.error('lock not logged', e));
    },
    [desk, staff.id],
  );

  useEffect(() => {
    if (locked) return;
    const active = () => {
      lastActivity.current = desk.clock.now();
    };
    const check = () => {
      if (isIdleLocked(lastActivity.current, desk.clock.now(), minutes)) lock('idle');
    };
    const onKey = (e: KeyboardEvent) => {
      if (!e.ctrlKey || e.altKey || e.metaKey || e.shiftKey || e.key.toLowerCase() !== 'l') return;
      // Even over a dialog: the dialog goes with the lock.
      e.preventDefault();
      lock('manual');
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, active, { capture: true, passive: true });
    window.addEventListener('keydown', onKey);
    // A PC woken from sleep, a window brought back: check at once rather than at the next tick.
    document.addEventListener('visibilitychange', check);
    const t = setInterval(check, CHECK_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, active, { capture: true });
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', check);
      clearInterval(t);
    };
  }, [locked, desk, minutes, lock]);

  const unlocked = useCallback(
    (next: Staff, switched: boolean) => {
      sessionStorage.removeItem(LOCK_KEY);
      lastActivity.current = desk.clock.now();
      if (switched) {
        // Like a sign-in: the next person starts on the 工作台, never on the previous person's page.
        void navigate('/dashboard', { replace: true });
        signedIn(next);
      }
      setLocked(null);
      // Before the desk continues: the yearly 保密承诺, if the year ran out while it stayed signed in.
      recheckPledge();
    },
    [desk, navigate, signedIn, recheckPledge],
  );

  const value = useMemo(() => ({ lock }), [lock]);
  if (locked) return <LockScreen lockedAt={locked.at} onUnlocked={unlocked} />;
  return <LockContext.Provider value={value}>{children}</LockContext.Provider>;
}

/** 锁屏 in the top bar (Ctrl+L does the same). */
export function LockButton() {
  const { lock } = useDeskLock();
  return (
    <Button color="inherit" variant="outlined" title="锁屏（Ctrl+L）" onClick={() => lock('manual')}>
      锁屏
    </Button>
  );
}
