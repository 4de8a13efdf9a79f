/**
 * The desk behind sign-in: the signed-in actor, the community and its working-day calendar
 * (live: an admin's holiday change reaches every screen), rebuilt when the local date changes.
 * In its own module so the sign-in screen does not load the calendar; then the 保密承诺 when it is
 * due (features/signin/PledgeGate.tsx), then an unread 交接班 note of a duty person
 * (features/duty/handoverGate.tsx), then the shell. The router is here too, not in the first
 * screen: the sign-in screen needs none (it sets the address it starts at: firstScreen.ts).
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLiveQuery } from './liveQuerier';
import { HashRouter } from 'react-router';
import { createCalendar } from '@shared/domain/workingCalendar';
import type { CommunityProfile, Staff } from '@shared/domain/records';
import { signedInDesk, type DeskBase } from '../db/desk';
import { getCalendarSettings } from '../db/repositories/calendar';
import { AppShell } from './AppShell';
import { STREET_SECTIONS } from './sections';
import type { StreetProfile } from '@shared/domain/street/install';
import { DeskContext, useDesk, useDeskBase } from './desk';
import { automaticBackup } from './backup';
import { warmReports } from './reportWarmUp';
import { runBackgroundChecks } from './backgroundChecks';
import { PledgeGate } from '../features/signin/PledgeGate';
import { DeskLock } from './deskLock';
import { HandoverGate } from '../features/duty/handoverGate';

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
function DeskProvider({
  staff,
  community,
  street,
  children,
}: {
  staff: Staff;
  community: CommunityProfile;
  street: StreetProfile | undefined;
  children: ReactNode;
}) {
  const base = useDeskBase();
  const settings = useLiveQuery(() => getCalendarSettings(base), [base]);
  const day = useLocalDay(base.clock);
  const calendar = useMemo(() => (settings ? createCalendar(settings) : null), [settings]);
  // `day` is a dependency on purpose: a new day is a new desk (see above).
  const desk = useMemo(
    () => (calendar ? { ...signedInDesk(base, staff, community, calendar), day, ...(street ? { street } : {}) } : null),
    [base, staff, community, calendar, day, street],
  );
  if (!desk) return null;
  return <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
}

/**
 * The signed-in app: the desk, its automatic backups and the shell behind the 锁屏 (deskLock.tsx).
 * A street office (`street`, issue 27) has its own sections and none of a community's gates
 * (交接班) or kept counts.
 */
export function SignedInDesk({
  staff,
  community,
  street,
}: {
  staff: Staff;
  community: CommunityProfile;
  street?: StreetProfile | undefined;
}) {
  return (
    // Navigation renders at once, not as a transition: after F2 / F3 the focus must be in the
    // search before the clerk's next keystroke arrives (a deferred render lost it).
    <HashRouter useTransitions={false}>
      <DeskProvider staff={staff} community={community} street={street}>
        <AutomaticBackups />
        {!street && <BackgroundChecks />}
        {/* The 站长 is who reads a year's report: their sign-in warms the closed periods' summaries. */}
        {!street && staff.role === '站长/管理员' && <ReportWarmUp />}
        <PledgeGate>
          <DeskLock>
            {street ? (
              <AppShell sections={STREET_SECTIONS} home={STREET_SECTIONS[0]!.path} />
            ) : (
              <HandoverGate>
                <AppShell />
              </HandoverGate>
            )}
          </DeskLock>
        </PledgeGate>
      </DeskProvider>
    </HashRouter>
  );
}

/** Every 10 minutes: a backup if the last good one is 2 hours old and data changed; one at quit. */
function AutomaticBackups() {
  const desk = useDesk();
  useEffect(() => {
    const t = setInterval(() => void automaticBackup(desk, 'timer'), 10 * 60 * 1000);
    // Electron's main process calls this when the window closes (with a time limit).
    window.dutyDeskQuitBackup = () => automaticBackup(desk, 'quit');
    return () => {
      clearInterval(t);
      delete window.dutyDeskQuitBackup;
    };
  }, [desk]);
  return null;
}

/** How long after sign-in the kept counts are checked: the first screens come first. */
const TALLY_CHECK_AFTER_MS = 5_000;

/** Once per sign-in, in the background, at the desk's first quiet moments: backgroundChecks.ts. */
function BackgroundChecks() {
  const desk = useDesk();
  useOnceAfter(TALLY_CHECK_AFTER_MS, (signal) => runBackgroundChecks(desk, { signal }));
  return null;
}

/**
 * Runs `work` once, `ms` after the desk is signed in (not again when the desk object changes);
 * its signal aborts when the component goes (signed out, the desk object changed).
 */
function useOnceAfter(ms: number, work: (signal: AbortSignal) => Promise<unknown>) {
  const desk = useDesk();
  const done = useRef(false);
  const latest = useRef(work);
  latest.current = work;
  useEffect(() => {
    if (done.current) return;
    const gone = new AbortController();
    const t = setTimeout(() => {
      done.current = true;
      void latest.current(gone.signal);
    }, ms);
    return () => {
      clearTimeout(t);
      gone.abort();
    };
  }, [desk, ms]);
}

/** How long after sign-in the closed periods' summaries are warmed: the first screens and the kept counts' check come first. */
const WARM_REPORTS_AFTER_MS = 30_000;

/** Once per sign-in of a 站长/管理员, in the desk's worker: last week, month and year kept (reportWarmUp.ts). */
function ReportWarmUp() {
  const desk = useDesk();
  useOnceAfter(WARM_REPORTS_AFTER_MS, (signal) => warmReports(desk, undefined, { signal }));
  return null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- declaration merging needs an interface
  interface Window {
    dutyDeskQuitBackup?: () => Promise<void>;
  }
}
