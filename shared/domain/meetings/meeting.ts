/**
 * A meeting's own life, as one rule table in the case machine's style: 改期 (a day from today,
 * the earlier day kept), 取消 (with the reason; its problems go to the next meeting), 召开
 * (attendance taken: someone present; when it was actually held — picked, not in the future,
 * after the last meeting held; the meeting's day becomes that day), 会前议定 (the decisions were
 * taken before the meeting). Decisions are recorded once it is held (or marked 会前已议定),
 * never while it is only being prepared, never on a cancelled one.
 */
import { isValidLocalDate } from '../localDate';
import { charCount } from '../textLength';
import type { Attendee, Meeting, MeetingStatus } from '../records';
import type { FieldRefusal } from './problems';

export const MEETING_ACTION_TYPES = ['改期', '取消', '召开', '会前议定'] as const;
export type MeetingActionType = (typeof MEETING_ACTION_TYPES)[number];

export type MeetingAction =
  | { type: '改期'; day: string }
  | { type: '取消'; reason: string }
  | { type: '召开'; attendees: Attendee[]; summary?: string; heldAt: number }
  | { type: '会前议定' };

export type MeetingState = Pick<
  Meeting,
  'day' | 'status' | 'movedFrom' | 'cancelReason' | 'attendees' | 'summary' | 'heldAt' | 'since' | 'decidedBefore'
>;
/** `dayOf`: the local day of a time (the desk clock's). */
type Ctx = { today: string; now: number; dayOf: (ms: number) => string };
type Outcome = { next: MeetingState } | FieldRefusal;
type MeetingRule<T extends MeetingActionType> = {
  refuse(s: MeetingState): string | null;
  apply(s: MeetingState, a: Extract<MeetingAction, { type: T }>, ctx: Ctx): Outcome;
};

const only = (s: MeetingState, allowed: readonly MeetingStatus[], what: string) =>
  allowed.includes(s.status) ? null : `${s.status}的会议不能${what}`;

export const MEETING_RULES = {
  改期: {
    refuse: (s) => only(s, ['筹备中'], '改期'),
    apply(s, a, { today }) {
      if (!isValidLocalDate(a.day)) return { reason: '请选择新的会议日期', field: 'day' };
      if (a.day < today) return { reason: '会议日期不能早于今天', field: 'day' };
      if (a.day === s.day) return { reason: '新日期与原日期相同', field: 'day' };
      return { next: { ...s, day: a.day, movedFrom: [...(s.movedFrom ?? []), s.day] } };
    },
  },
  取消: {
    refuse: (s) => only(s, ['筹备中'], '取消'),
    apply(s, a) {
      const reason = a.reason.trim();
      if (charCount(reason) < 2) return { reason: '请写明取消的原因', field: 'reason' };
      if (charCount(reason) > 200) return { reason: '取消原因不超过 200 字', field: 'reason' };
      return { next: { ...s, status: '已取消', cancelReason: reason } };
    },
  },
  召开: {
    refuse: (s) => only(s, ['筹备中'], '登记召开'),
    apply(s, a, { now, dayOf }) {
      if (!Number.isFinite(a.heldAt)) return { reason: '请填写会议实际召开的日期和时间', field: 'heldAt' };
      if (a.heldAt > now) return { reason: '召开时间不能晚于现在', field: 'heldAt' };
      const day = dayOf(a.heldAt);
      if (s.since && day <= s.since) return { reason: `召开日期应晚于上次会议（${s.since}）`, field: 'heldAt' };
      if (!a.attendees.some((x) => x.present)) return { reason: '请勾选出席的人员', field: 'attendees' };
      const summary = a.summary?.trim() ?? '';
      if (charCount(summary) > 2000) return { reason: '会议小结不超过 2000 字', field: 'summary' };
      // Held on another day than planned: the real day is the meeting's, the planned one kept.
      const moved = day === s.day ? {} : { movedFrom: [...(s.movedFrom ?? []), s.day] };
      return {
        next: {
          ...s,
          ...moved,
          day,
          status: '已召开',
          attendees: a.attendees,
          heldAt: a.heldAt,
          ...(summary ? { summary } : {}),
        },
      };
    },
  },
  会前议定: {
    refuse: (s) => only(s, ['筹备中'], '标记会前已议定') ?? (s.decidedBefore ? '已标记为会前已议定' : null),
    apply: (s) => ({ next: { ...s, decidedBefore: true } }),
  },
} satisfies { [T in MeetingActionType]: MeetingRule<T> };

export function applyMeetingAction(
  s: MeetingState,
  a: MeetingAction,
  ctx: Ctx,
): { ok: true; next: MeetingState } | ({ ok: false } & Partial<FieldRefusal> & { reason: string }) {
  if (!MEETING_ACTION_TYPES.includes(a?.type)) return { ok: false, reason: '未知的会议操作' };
  const rule = MEETING_RULES[a.type] as MeetingRule<MeetingActionType>;
  const refused = rule.refuse(s);
  if (refused) return { ok: false, reason: refused };
  const out = rule.apply(s, a as never, ctx);
  return 'reason' in out ? { ok: false, ...out } : { ok: true, next: out.next };
}

export const allowedMeetingActions = (s: MeetingState): MeetingActionType[] =>
  MEETING_ACTION_TYPES.filter((t) => MEETING_RULES[t].refuse(s) === null);

export const DECIDE_AFTER_HOLDING = '会议登记召开后才能记录决定（会前已议定的，请先标记“会前已议定”）';

/** Decisions are recorded once the meeting is held (or marked 会前已议定), never on a cancelled one. */
export const decisionRefusal = (s: Pick<Meeting, 'status' | 'decidedBefore'>): string | null =>
  s.status === '已取消'
    ? '已取消的会议不能记录决定'
    : s.status === '筹备中' && !s.decidedBefore
      ? DECIDE_AFTER_HOLDING
      : null;
