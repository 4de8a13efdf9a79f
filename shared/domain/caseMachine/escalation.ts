/**
 * 社区吹哨、街道报到: 上报街道 → 报到 (the unit and the person, two fields) → 处理反馈 → 核实结项
 * (已解决 closes the case in the same step, as 办结 would; 未解决 goes back to 办理中) → 评价部门.
 * Only the last escalation is ever open.
 */
import { ESCALATION_LEVELS, RATINGS, type Escalation, type EscalationCheckIn } from '../records';
import { closeCase } from './completion';
import { atField, clean, openEscalation, statusIs, withLastEscalation } from './state';
import type { CaseRuleTable, CaseState } from './types';

/** The longest 报到单位 and 报到人员 kept. */
const UNIT_MAX = 40;
const PERSON_MAX = 20;

const NO_ESCALATION = '该办件没有上报街道的事项';

/**
 * A time given for a step of the street (报到, a 反馈 — here, or typed on the street's desk): not
 * in the future, not before the escalation (`raisedAt`, epoch ms).
 */
export function stepTimeRefusal(at: number, raisedAt: number, now: number, what: string): string | null {
  if (!Number.isFinite(at)) return `请填写${what}`;
  if (at > now) return `${what}不能晚于当前时间`;
  // Times are typed to the minute: the minute of the escalation itself is not before it.
  if (at < raisedAt - (raisedAt % 60_000)) return `${what}不能早于上报时间`;
  return null;
}

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
      const unit = clean(a.unit);
      const person = clean(a.person);
      if (!unit) return atField('请填写报到的单位（街道科室或部门）', 'unit');
      if (unit.length > UNIT_MAX) return atField(`报到单位不超过 ${UNIT_MAX} 字`, 'unit');
      if (person.length > PERSON_MAX) return atField(`报到人员不超过 ${PERSON_MAX} 字`, 'person');
      const when = stepTimeRefusal(a.at, esc.raisedAt, now, '报到时间');
      if (when) return atField(when, 'at');
      const checkIn: EscalationCheckIn = { unit, ...(person ? { person } : {}), at: a.at, recordedBy: actor.staffId };
      return {
        next: { ...s, escalations: withLastEscalation(s, { ...esc, stage: '已报到', checkIn }) },
        // The unit only: the timeline's notes name no person.
        note: `已报到：${unit}`,
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
      const when = a.at === undefined ? null : stepTimeRefusal(a.at, esc.raisedAt, now, '反馈时间');
      if (when) return atField(when, 'at');
      return {
        next: {
          ...s,
          escalations: withLastEscalation(s, {
            ...esc,
            stage: '已反馈',
            feedback: [...esc.feedback, { text, at: a.at ?? now, recordedBy: actor.staffId }],
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
    apply(s, a, { actor, now, today }) {
      const esc = openEscalation(s);
      if (!esc) return NO_ESCALATION;
      if (typeof a.solved !== 'boolean') return atField('请选择是否已解决', 'solved');
      const note = clean(a.note);
      if (!a.solved && !note) return atField('核实未解决时，请说明情况', 'note');
      if (a.departmentRating !== undefined && !RATINGS.includes(a.departmentRating))
        return atField('部门评价应为五级评价之一', 'departmentRating');
      const verified: Escalation = {
        ...esc,
        stage: '已核实',
        verification: { solved: a.solved, at: now, by: actor.staffId, ...(note ? { note } : {}) },
        ...(a.departmentRating !== undefined ? { departmentRating: a.departmentRating, departmentRatedAt: now } : {}),
      };
      if (!a.solved)
        return {
          next: { ...s, status: '办理中', escalations: withLastEscalation(s, verified) },
          note: `核实结项：未解决，退回办理。${note}`,
        };
      // Solved: the case closes here, in this one action (no second 办结 that could be left undone).
      const closing = { result: a.result ?? '', notifiedBy: a.notifiedBy!, needsCallback: a.needsCallback! };
      const closed = closeCase({ ...s, escalations: withLastEscalation(s, verified) }, closing, today);
      if (typeof closed === 'string' || 'refused' in closed) return closed;
      return { next: closed.next, note: `核实结项：已解决，${closed.note ?? '已办结'}` };
    },
  },

  评价部门: {
    refuse(s) {
      const last = s.escalations?.[s.escalations.length - 1];
      if (!last || last.stage !== '已核实') return '没有已核实结项的上报事项可评价';
      return last.departmentRating === undefined ? null : '已评价过部门的处理，不能重复评价';
    },
    apply(s, a, { now }) {
      if (!RATINGS.includes(a.rating)) return '部门评价应为五级评价之一';
      const last = s.escalations?.[s.escalations.length - 1];
      if (!last) return '没有已核实结项的上报事项可评价';
      return {
        next: {
          ...s,
          escalations: withLastEscalation(s, { ...last, departmentRating: a.rating, departmentRatedAt: now }),
        },
        note: `部门评价：${a.rating}`,
      };
    },
  },
} satisfies Pick<CaseRuleTable, '上报街道' | '报到' | '处理反馈' | '核实结项' | '评价部门'>;
