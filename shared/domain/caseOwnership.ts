/**
 * Who may act on a case that is not theirs. The handler (经办人) and an admin act freely; the
 * receiver of a 转办 signs for it or sends it back, and its sender may recall it until it is
 * signed for (the machine's 退回 rule). Anyone may add a note, record documents handed in at the
 * counter (补正材料), the street office's 报到 / 反馈, a 回访 or a 评价 — the desk's shared work.
 * The handling steps themselves (办理、补正通知、转办、上报、办结 …) by someone else need a reason,
 * which goes into the case's timeline and the audit log.
 */
import type { CaseActionType } from './caseMachine';

export const HANDLER_ACTIONS: readonly CaseActionType[] = [
  '开始办理',
  '要求补正',
  '转办',
  '上报街道',
  '核实结项',
  '办结',
  '不予受理',
  '重新办理',
];

/** Whether `actor` acts on another's case here and must say why. */
export function actsOnBehalf(
  c: { handlerId: string },
  type: CaseActionType,
  actor: { staffId: string; isAdmin: boolean },
): boolean {
  return !actor.isAdmin && HANDLER_ACTIONS.includes(type) && c.handlerId !== actor.staffId;
}

/** The reason's check: a few words, at most 100 characters; null when fine. */
export function onBehalfReasonRefusal(reason: string | undefined): string | null {
  const r = reason?.trim() ?? '';
  if (r.length < 2) return '这件不是您经办的办件，请填写代为操作的原因（记入办件过程）';
  if (r.length > 100) return '代为操作的原因不超过 100 字';
  return null;
}
