/**
 * 办件状态机：every change to a case after acceptance, as a pure function.
 *
 *   已受理 ─开始办理→ 办理中 ─办结→ 已办结 ─归档→ 已归档
 *     │  ╲                │ ╲ ╲
 *     │   要求补正 ⇄ 待补正 (clock paused; 补正材料 resumes when every missing document is in)
 *     ├─转办→ 待签收 ─签收→ 办理中 (new handler)   ·  待签收 ─退回→ previous status
 *     ├─上报街道→ 已上报街道: 待报到 ─报到→ 已报到 ─处理反馈→ 已反馈 ─核实结项→ 已办结 (已解决:
 *     │            the result and how the resident was told asked there) or 办理中 (未解决)
 *     │            (待报到 ─退回→ 办理中)
 *     └─不予受理→ 不予受理 ─归档→ 已归档
 *   已办结 / 不予受理 ─重新办理→ 办理中 ; 已归档 ─重新办理 (admin only, with reason)→ 办理中
 *   已办结: 回访 / 回访未接通 (when a callback task exists), 评价 (once per case) → 整改 on
 *   不满意 / 非常不满意 (due 15 working days later; closes after 整改回访 + a passed 复核).
 *
 * Rules:
 * - One rule per action (`{ refuse, apply }`), grouped by sub-process: handling.ts (and the 补正
 *   pause), transfer.ts, escalation.ts, completion.ts (办结, 回访, 评价, 整改), archive.ts
 *   (归档, 重新办理, 不予受理); rules.ts assembles them so an action without a rule does not
 *   compile. This folder is the template for other rule tables (custody chain, agenda).
 * - `applyAction` never mutates its input; it returns the next state and one event (who, when,
 *   from, to, note) or a Chinese refusal reason. `allowedActions` lists the action types the UI
 *   may offer now; payload problems (empty reason, …) are reported by `applyAction`.
 * - To-do lists (待回访, 整改) are read from the state itself (caseIndex flags), not from
 *   separate task records.
 * - 首问责任人 (`firstContactId`) is never changed by any action; the handler changes only when
 *   the receiver of a 转办 signs for it (签收).
 * - Pause: entering 待补正 on day P and resuming on day R moves the deadline by the working days
 *   in (P, R]. A case accepted already 待补正 (intake.ts) has no deadline yet: on resume it gets
 *   R + timeLimitDays working days. The pause day of such a case is its acceptance day.
 * - 已归档 is read-only: only an admin may 重新办理, with a reason (logged in the event).
 * - 复核 of a rectification is done by a 站长/管理员; 签收 only by the staff member it was sent to.
 * - Reopening (重新办理) restarts the time limit from the reopening day.
 * Reasons and notes never contain personal data of residents.
 */
import { isValidLocalDate } from '../localDate';
import type { CaseEvent } from '../records';
import type { WorkingCalendar } from '../workingCalendar';
import { CASE_RULES } from './rules';
import { clean, READ_ONLY_REASON } from './state';
import {
  CASE_ACTION_TYPES,
  type Actor,
  type ActionRule,
  type ActionTime,
  type ApplyResult,
  type CaseAction,
  type CaseActionType,
  type CaseState,
  type Outcome,
} from './types';

export { CASE_ACTION_TYPES } from './types';
export type { Actor, ActionTime, ApplyResult, CaseAction, CaseActionType, CaseState, Closing } from './types';
export { caseStateFromRecord, openEscalation, READ_ONLY_REASON, recordWithState } from './state';
export { deadlineAfterPause } from './handling';
export { RECTIFICATION_WORKING_DAYS, UNHAPPY_RATINGS } from './completion';

/**
 * Why `type` is refused for this case and actor now, in Chinese; null when it is allowed.
 * Checks status, sub-state and actor only — not the action's payload. An archived case is
 * read-only for every action but an admin's 重新办理.
 */
export function refusalFor(s: CaseState, type: CaseActionType, actor: Actor): string | null {
  if (s.status === '已归档' && !(type === '重新办理' && actor.isAdmin)) return READ_ONLY_REASON;
  return CASE_RULES[type].refuse(s, actor);
}

/** The action types this actor may perform on the case now (what the UI offers). */
export function allowedActions(s: CaseState, actor: Actor): CaseActionType[] {
  return CASE_ACTION_TYPES.filter((t) => refusalFor(s, t, actor) === null);
}

/**
 * Applies one action to a case. Pure: the input state is not modified. Returns the next
 * state and the event to store (its `id` is assigned by the DB layer), or a
 * Chinese reason why the action is refused (wrong status, wrong actor, missing or invalid input).
 * `firstContactId` is carried over unchanged by every action.
 */
export function applyAction(
  s: CaseState,
  action: CaseAction,
  actor: Actor,
  at: ActionTime,
  calendar: WorkingCalendar,
): ApplyResult {
  if (!CASE_ACTION_TYPES.includes(action?.type)) return { ok: false, reason: '未知的操作' };
  if (!clean(actor?.staffId)) return { ok: false, reason: '请先登录' };
  if (!Number.isFinite(at?.now) || typeof at?.today !== 'string' || !isValidLocalDate(at.today)) {
    return { ok: false, reason: '操作时间无效' };
  }
  const refused = refusalFor(s, action.type, actor);
  if (refused) return { ok: false, reason: refused };
  // The rule of this very action type (the table is keyed by type).
  const rule = CASE_RULES[action.type] as ActionRule<CaseActionType>;
  const out: Outcome = rule.apply(s, action as never, { ...at, actor, calendar });
  if (typeof out === 'string') return { ok: false, reason: out };
  if ('refused' in out) return { ok: false, reason: out.refused, field: out.field };
  const next: CaseState = { ...out.next, firstContactId: s.firstContactId };
  const event: Omit<CaseEvent, 'id'> = {
    caseId: s.id,
    at: at.now,
    by: actor.staffId,
    action: action.type,
    from: s.status,
    to: next.status,
    ...(out.note ? { note: out.note } : {}),
    ...(action.type === '转办' ? { toStaffId: action.toStaffId.trim() } : {}),
  };
  return { ok: true, next, event };
}
