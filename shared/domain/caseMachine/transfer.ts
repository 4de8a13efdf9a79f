/**
 * Hand-off between staff (转办 → 待签收 → 签收 by the receiver only, or 退回 — by the receiver, or
 * by the sender recalling it before it is signed for). 退回 also sends
 * back an escalation the street office has not taken yet (待报到): both are "not accepted by
 * the other side", and the clerk sees one 退回 button.
 */
import { clean, openEscalation, statusIs, withLastEscalation, withoutKeys } from './state';
import type { CaseRuleTable } from './types';

export const transferRules = {
  转办: {
    refuse(s) {
      if (s.status === '待签收') return '该办件正在等待签收，不能再次转办';
      return statusIs(s, ['已受理', '办理中'], '转办');
    },
    apply(s, a, { actor, now, today }) {
      const to = clean(a.toStaffId);
      if (!to) return '请选择接收的工作人员';
      if (to === s.handlerId) return '不能转办给当前经办人';
      const returnTo = s.status === '办理中' ? '办理中' : '已受理';
      return {
        next: {
          ...s,
          status: '待签收',
          transfer: { fromStaffId: actor.staffId, toStaffId: to, at: now, day: today, returnTo },
        },
        note: clean(a.reason) ? `转办，待签收：${clean(a.reason)}` : '转办，待签收',
      };
    },
  },

  签收: {
    refuse(s, actor) {
      if (s.status !== '待签收' || !s.transfer) return '该办件没有待签收的转办';
      return actor.staffId === s.transfer.toStaffId ? null : '只有被转办的工作人员本人可以签收';
    },
    apply(s) {
      const t = s.transfer;
      if (!t) return '该办件没有待签收的转办';
      return { next: withoutKeys({ ...s, status: '办理中', handlerId: t.toStaffId }, ['transfer']), note: '已签收' };
    },
  },

  退回: {
    refuse(s, actor) {
      if (s.status === '待签收' && s.transfer) {
        // The receiver sends it back, its sender recalls it (until it is signed for), or an admin.
        return actor.staffId === s.transfer.toStaffId || actor.staffId === s.transfer.fromStaffId || actor.isAdmin
          ? null
          : '只有被转办的工作人员、转办人或站长/管理员可以退回';
      }
      if (s.status === '已上报街道' && openEscalation(s)?.stage === '待报到') return null;
      return '只有待签收的转办或尚未报到的上报可以退回';
    },
    apply(s, a, { actor }) {
      const reason = clean(a.reason);
      if (!reason) return '请填写退回理由';
      if (s.status === '待签收' && s.transfer) {
        const recalled = actor.staffId === s.transfer.fromStaffId && actor.staffId !== s.transfer.toStaffId;
        return {
          next: withoutKeys({ ...s, status: s.transfer.returnTo }, ['transfer']),
          note: recalled ? `转办已撤回：${reason}` : `转办被退回：${reason}`,
        };
      }
      const esc = openEscalation(s);
      if (!esc) return '只有待签收的转办或尚未报到的上报可以退回';
      return {
        next: {
          ...s,
          status: '办理中',
          escalations: withLastEscalation(s, { ...esc, stage: '已退回', returnReason: reason }),
        },
        note: `上报被街道退回：${reason}`,
      };
    },
  },
} satisfies Pick<CaseRuleTable, '转办' | '签收' | '退回'>;
