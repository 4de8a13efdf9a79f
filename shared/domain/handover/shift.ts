/**
 * When a duty person's shift ends, and whether their sign-out asks for a hand-over note. Clock
 * free: the caller gives the day's kind (the working calendar), the opening hours and the minute
 * of the day.
 */
import type { DayKind } from '../workingCalendar';
import type { OpeningHours } from '../records';

/**
 * Minutes before the shift's end from which a sign-out asks for the note. Half an hour: the evening
 * person tidies up and signs out in the last half hour (a resident at the counter at 17:55 keeps
 * them past the end, so they may sign out a little before it too); earlier, a sign-out is a break
 * (lunch, a home visit, a colleague at the shared PC) and asks nothing.
 */
export const HANDOVER_WINDOW_MINUTES = 30;

/** 'HH:MM' → minutes since midnight. */
export function toMinutes(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * The opening span of a day: ordinary workdays and 调休 workdays keep the weekday hours; weekends
 * and holidays (open by rota only) the weekend hours.
 */
export function shiftSpan(kind: DayKind, hours: OpeningHours): { start: string; end: string } {
  return kind === 'workday' || kind === 'makeupWorkday' ? hours.weekday : hours.weekend;
}

export type SignOutSituation = {
  /** On the 值班岗 in today's rota. */
  onDuty: boolean;
  /** Minutes since local midnight, now. */
  minutesNow: number;
  /** Today's shift end, 'HH:MM'. */
  shiftEnd: string;
  /** This person already wrote a hand-over note today. */
  wroteToday: boolean;
};

/** A sign-out asks for the note: a duty person, from half an hour before the shift's end, once a day. */
export function signOutAsks(s: SignOutSituation): boolean {
  return s.onDuty && !s.wroteToday && s.minutesNow >= toMinutes(s.shiftEnd) - HANDOVER_WINDOW_MINUTES;
}
