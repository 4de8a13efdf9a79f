/**
 * 社区吹哨、街道报到: 上报街道 → 报到 → 处理反馈 → 核实结项 (solved or not, back to 办理中) →
 * 评价部门. Only the last escalation is ever open.
 */
import { ESCALATION_LEVELS, RATINGS, type Escalation } from '../records';
import { clean, openEscalation, statusIs, withLastEscalation } from './state';
import type { CaseRuleTable, CaseState } from './types';

const NO_ESCALATION = '该办件没有上报街道的事项';

/** The open escalation of a case that is 已上报街道, or the refusal. */
function escalated(s: CaseState): Escalation | string {
  const esc = openEscalation(s);
  return s.status === '已上报街道' && esc ? esc : NO_ESCALATION;
}

export const escalationRules = {
  上报街道: {
    refuse: (s) => statusIs(s, ['已受理', '办理中'], '上报街道'),
    apply(s, a, { actor, now, today }) {
      if (!ESCALATION_LEVELS.includes(a.level)) return '请选择上报类别（日常、重大或紧急）';
      const request = clean(a.request);
      const office = clean(a.office);
      if (!request) return '请填写上报请求的事项';
      if (!office) return '请填写上报的街道科室或部门';
      const esc: Escalation = {
        level: a.level,
        request,
        office,
        raisedAt: now,
        raisedDay: today,
        raisedBy: actor.staffId,
        stage: '待报到',
        feedback: [],
      };
      return {
        next: { ...s, status: '已上报街道', escalations: [...(s.escalations ?? []), esc] },
        note: `${a.level}类，上报至${office}`,
      };
    },
  },

  报到: {
    refuse(s) {
      const esc = escalated(s);
      if (typeof esc === 'string') return esc;
      return esc.stage === '待报到' ? null : '已记录报到，不能重复报到';
    },
    apply(s, a, { actor, now }) {
      const esc = openEscalation(s);
      if (!esc) return NO_ESCALATION;
      const who = clean(a.who);
      if (!who) return '请填写报到的单位或人员';
      if (!Number.isFinite(a.at)) return '请填写报到时间';
      if (a.at > now) return '报到时间不能晚于当前时间';
      if (a.at < esc.raisedAt) return '报到时间不能早于上报时间';
      return {
        next: {
          ...s,
          escalations: withLastEscalation(s, {
            ...esc,
            stage: '已报到',
            checkIn: { who, at: a.at, recordedBy: actor.staffId },
          }),
        },
        note: `已报到：${who}`,
      };
    },
  },

  处理反馈: {
    refuse(s) {
      const esc = escalated(s);
      if (typeof esc === 'string') return esc;
      return esc.stage === '待报到' ? '街道或部门尚未报到，不能记录处理反馈' : null;
    },
    apply(s, a, { actor, now }) {
      const esc = openEscalation(s);
      if (!esc) return NO_ESCALATION;
      const text = clean(a.text);
      if (!text) return '请填写处理反馈内容';
      return {
        next: {
          ...s,
          escalations: withLastEscalation(s, {
            ...esc,
            stage: '已反馈',
            feedback: [...esc.feedback, { text, at: now, recordedBy: actor.staffId }],
          }),
        },
        note: '已记录处理反馈',
      };
    },
  },

  核实结项: {
    refuse(s) {
      const esc = escalated(s);
      if (typeof esc === 'string') return esc;
      return esc.stage === '已反馈' ? null : '尚无处理反馈，不能核实结项';
    },
    apply(s, a, { actor, now }) {
      const esc = openEscalation(s);
      if (!esc) return NO_ESCALATION;
      if (typeof a.solved !== 'boolean') return '请选择是否已解决';
      const note = clean(a.note);
      if (!a.solved && !note) return '核实未解决时，请说明情况';
      if (a.departmentRating !== undefined && !RATINGS.includes(a.departmentRating)) return '部门评价应为五级评价之一';
      const verified: Escalation = {
        ...esc,
        stage: '已核实',
        verification: { solved: a.solved, at: now, by: actor.staffId, ...(note ? { note } : {}) },
        ...(a.departmentRating !== undefined ? { departmentRating: a.departmentRating } : {}),
      };
      return {
        next: { ...s, status: '办理中', escalations: withLastEscalation(s, verified) },
        note: a.solved ? '核实结项：已解决' : `核实结项：未解决，退回办理。${note}`,
      };
    },
  },

  评价部门: {
    refuse(s) {
      const last = s.escalations?.[s.escalations.length - 1];
      if (!last || last.stage !== '已核实') return '没有已核实结项的上报事项可评价';
      return last.departmentRating === undefined ? null : '已评价过部门的处理，不能重复评价';
    },
    apply(s, a) {
      if (!RATINGS.includes(a.rating)) return '部门评价应为五级评价之一';
      const last = s.escalations?.[s.escalations.length - 1];
      if (!last) return '没有已核实结项的上报事项可评价';
      return {
        next: { ...s, escalations: withLastEscalation(s, { ...last, departmentRating: a.rating }) },
        note: `部门评价：${a.rating}`,
      };
    },
  },
} satisfies Pick<CaseRuleTable, '上报街道' | '报到' | '处理反馈' | '核实结项' | '评价部门'>;
