/**
 * The vocabulary of the case machine: the actions, the part of a case it reads and writes, who
 * acts and when, and the shape of one action's rule (`ActionRule`). Every action has exactly
 * one rule (`rules.ts` assembles them with `satisfies CaseRuleTable`, so an action without its
 * rule does not compile).
 */
import type { CaseEvent, CaseRecord, EscalationLevel, NotifiedBy, Rating, RatingBy } from '../records';
import type { WorkingCalendar } from '../workingCalendar';

/** Every action type, in the order the UI lists them. */
export const CASE_ACTION_TYPES = [
  '开始办理',
  '要求补正',
  '补正材料',
  '转办',
  '会议交办',
  '签收',
  '退回',
  '上报街道',
  '报到',
  '处理反馈',
  '核实结项',
  '评价部门',
  '办结',
  '回访',
  '回访未接通',
  '评价',
  '整改回访',
  '复核',
  '归档',
  '重新办理',
  '不予受理',
] as const;

export type CaseActionType = (typeof CASE_ACTION_TYPES)[number];

/** What closing a case records (办结, or 核实结项 with 已解决). */
export type Closing = { result: string; notifiedBy: NotifiedBy; needsCallback: boolean };

export type CaseAction =
  /** 已受理 → 办理中. */
  | { type: '开始办理' }
  /** Documents found missing or invalid: 已受理 / 办理中 → 待补正 (clock pauses). */
  | { type: '要求补正'; missing: string[] }
  /** Documents handed in while 待补正; resumes when none is missing any more. */
  | { type: '补正材料'; received: string[] }
  /** Hand-off to another staff member, who must sign for it. */
  | { type: '转办'; toStaffId: string; reason?: string }
  /** 联席会议 社区处置: the meeting names the owner and the due day (the case's deadline from now on). */
  | { type: '会议交办'; ownerId: string; dueDay: string }
  /** The receiver of a 转办 takes the case: → 办理中, handler = receiver. */
  | { type: '签收' }
  /** Refuse a pending 转办 (receiver or admin), or the street office sends back an escalation not yet taken. */
  | { type: '退回'; reason: string }
  /** 社区吹哨: to the street office or a department. */
  | { type: '上报街道'; level: EscalationLevel; request: string; office: string }
  /**
   * 街道报到: the unit that took the matter, the person who came or answered for it (optional),
   * and when (epoch ms). Events before issue 25 carry `who` (one text) instead: they fold by
   * their recorded decision.
   */
  | { type: '报到'; unit: string; person?: string; at: number }
  /**
   * `at`: when the street gave it (epoch ms), for a feedback imported from its 反馈包; absent when
   * the clerk types it (then: now).
   */
  | { type: '处理反馈'; text: string; at?: number }
  /**
   * The community verifies: solved closes the case in the same step (result, how the resident
   * was told and the 回访 choice are then required, as 办结 asks); not solved needs a note and
   * returns the case to 办理中.
   */
  | ({ type: '核实结项'; solved: boolean; note?: string; departmentRating?: Rating } & Partial<Closing>)
  /** The community's rating of the department's response, when not given at 核实结项. */
  | { type: '评价部门'; rating: Rating }
  | ({ type: '办结' } & Closing)
  | { type: '回访'; outcome: string }
  | { type: '回访未接通' }
  /** 好差评, once per case, by the resident or entered for them (代评); 不满意 / 非常不满意 need the reason. */
  | { type: '评价'; rating: Rating; by: RatingBy; reason?: string }
  /** Callback to the resident about the rectification. */
  | { type: '整改回访'; outcome: string }
  /** Review of the rectification (admin); not passed needs a note and sends it back to 整改中. */
  | { type: '复核'; passed: boolean; note?: string }
  | { type: '归档'; archiveNumber: string }
  | { type: '重新办理'; reason: string }
  | { type: '不予受理'; reason: string; redirectTo: string };

/** The fields of a case the machine reads and writes (a subset of CaseRecord). */
export type CaseState = Pick<
  CaseRecord,
  | 'id'
  | 'status'
  | 'mode'
  | 'acceptedDay'
  | 'deadline'
  | 'deadlineUncoveredYears'
  | 'documentsReceived'
  | 'documentsMissing'
  | 'firstContactId'
  | 'handlerId'
  | 'refusalReason'
  | 'redirectTo'
  | 'refusedDay'
  | 'result'
  | 'rating'
  | 'archiveNumber'
  | 'pause'
  | 'pausedWorkingDays'
  | 'transfer'
  | 'escalations'
  | 'notifiedBy'
  | 'completedDay'
  | 'callback'
  | 'ratingBy'
  | 'ratedAt'
  | 'rectification'
  | 'archivedDay'
  | 'reopenCount'
> & {
  /** Catalog time limit in working days (0 = none). */
  timeLimitDays: number;
};

export type Actor = { staffId: string; isAdmin: boolean };

/** When the action happens: epoch ms and the local day 'YYYY-MM-DD' of that instant. */
export type ActionTime = { now: number; today: string };

export type ApplyResult =
  { ok: true; next: CaseState; event: Omit<CaseEvent, 'id'> } | { ok: false; reason: string; field?: string };

/** What an action's rule is given besides the case and the action. */
export type RuleContext = ActionTime & { actor: Actor; calendar: WorkingCalendar };

/** A payload refusal that belongs to one field of the action's form (shown there). */
export type FieldRefusal = { refused: string; field: string };

/** An allowed action's result: the next state and the note for the timeline; or the refusal. */
export type Outcome = { next: CaseState; note?: string } | string | FieldRefusal;

/**
 * One action's rule:
 * - `refuse`: why the action is not possible for this case and actor now (status, sub-state,
 *   actor — not the payload), or null; what `allowedActions` offers;
 * - `apply`: the change, after `refuse` allowed it; checks the payload (Chinese reason).
 */
export type ActionRule<T extends CaseActionType> = {
  refuse(s: CaseState, actor: Actor): string | null;
  apply(s: CaseState, action: Extract<CaseAction, { type: T }>, ctx: RuleContext): Outcome;
};

/** One rule for every action type. */
export type CaseRuleTable = { [T in CaseActionType]: ActionRule<T> };
