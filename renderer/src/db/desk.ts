/**
 * The desk context: everything a repository needs besides its input — the database (as a
 * read-only view), the clock, the id source, who is acting, and once signed in the community
 * and its working-day calendar. Built once by the app (app/desk.tsx) and by tests with a fixed
 * clock and ids; repositories take it as their first argument. "Who and when" has this one
 * shape: `desk.actor` and `desk.clock`.
 */
import type { CommunityProfile, Staff, StaffRole } from '@shared/domain/records';
import type { DeskIdentity } from '@shared/domain/deskNumber';
import type { WorkingCalendar } from '@shared/domain/workingCalendar';
import type { StreetProfile } from '@shared/domain/street/install';
import type { DutyDeskDB } from './database';
import type { ReadableDB } from './entities';

export type Clock = {
  /** Epoch milliseconds. */
  now(): number;
  /** The local calendar date 'YYYY-MM-DD' of `ms` (default: now), from one reading of the clock. */
  today(ms?: number): string;
};

/** The signed-in staff member as the desk knows them (rights are re-read inside writes). */
export type Actor = { id: string; role: StaffRole };

/** This installation as a desk of its center: its short number and its name (一号窗口, 后台, 站长室). */
export type { DeskIdentity };

/** Before sign-in: setup, the sign-in page and the session check. */
export type DeskBase = {
  readonly db: ReadableDB;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly actor: Actor | null;
  /** Which desk of the center this is (kept per machine); absent = desk 1. */
  readonly identity?: DeskIdentity;
};

/** The desk's number: the one way every writer reads it (numbers, events, the audit chain). */
export function deskNumberOf(desk: Pick<DeskBase, 'identity'>): number {
  return desk.identity?.no ?? 1;
}

/**
 * At the desk: a signed-in staff member of a set-up community — or of a street office (issue 27):
 * then `street` is its profile and `community` stands for the street in what every installation
 * shows (its name and code: the lock screen, backup names; no grids, no residents).
 */
export type Desk = DeskBase & {
  readonly actor: Actor;
  readonly community: CommunityProfile;
  readonly calendar: WorkingCalendar;
  readonly street?: StreetProfile;
};

export function createDeskBase(db: DutyDeskDB, clock: Clock, newId: () => string, identity?: DeskIdentity): DeskBase {
  return { db, clock, newId, actor: null, ...(identity ? { identity } : {}) };
}

export function actorOf(staff: Pick<Staff, 'id' | 'role'>): Actor {
  return { id: staff.id, role: staff.role };
}

export function signedInDesk(
  base: DeskBase,
  staff: Pick<Staff, 'id' | 'role'>,
  community: CommunityProfile,
  calendar: WorkingCalendar,
): Desk {
  return { ...base, actor: actorOf(staff), community, calendar };
}

/** The same desk acting as someone else (sign-in acts for the account, setup for its first admin). */
export function withActor<A extends Actor | null>(desk: DeskBase, actor: A): DeskBase & { readonly actor: A } {
  return { ...desk, actor };
}
