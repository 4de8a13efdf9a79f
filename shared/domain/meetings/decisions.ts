/**
 * A meeting's decision on an agenda entry, checked (each message at its field), and what it makes
 * of the problem: 社区处置 → an owner and a due day N working days after the meeting (the case's
 * deadline); 上报街道 → the case's escalation; 继续跟踪 → carried to the next meeting; 已解决.
 */
import type { Decision, DecisionType, ProblemStatus } from '../records';
import { DECISION_TYPES, ESCALATION_LEVELS } from '../records';
import type { WorkingCalendar } from '../workingCalendar';
import type { FieldRefusal } from './problems';
import { charCount } from '../textLength';

/** What the clerk enters; 社区处置's due day is computed from the working days. */
export type DecisionInput =
  { type: '社区处置'; ownerId: string; workingDays: number; note?: string } | Exclude<Decision, { type: '社区处置' }>;

export const STATUS_AFTER: Record<DecisionType, ProblemStatus> = {
  社区处置: '社区处置',
  上报街道: '已上报街道',
  继续跟踪: '继续跟踪',
  已解决: '已解决',
};

/** The decision as stored, or the first problem at its field. */
export function checkDecision(
  d: DecisionInput,
  meetingDay: string,
  calendar: WorkingCalendar,
): { ok: true; decision: Decision } | ({ ok: false } & FieldRefusal) {
  const no = (reason: string, field: string) => ({ ok: false as const, reason, field });
  if (!DECISION_TYPES.includes(d?.type)) return no('请选择会议决定', 'type');
  const note = 'note' in d ? (d.note?.trim() ?? '') : '';
  if (charCount(note) > 500) return no('说明不超过 500 字', 'note');
  switch (d.type) {
    case '社区处置': {
      if (!d.ownerId) return no('请选择责任人', 'ownerId');
      if (!Number.isInteger(d.workingDays) || d.workingDays < 1 || d.workingDays > 60)
        return no('办理时限应为 1–60 个工作日', 'workingDays');
      const dueDay = calendar.addWorkingDays(meetingDay, d.workingDays).date;
      return {
        ok: true,
        decision: { type: d.type, ownerId: d.ownerId, workingDays: d.workingDays, dueDay, ...(note ? { note } : {}) },
      };
    }
    case '上报街道': {
      if (!ESCALATION_LEVELS.includes(d.level)) return no('请选择上报类别', 'level');
      const office = d.office.trim();
      const request = d.request.trim();
      if (!office) return no('请填写上报的街道科室或部门', 'office');
      if (!request) return no('请填写请求街道解决的事项', 'request');
      if (charCount(office) > 60) return no('街道科室或部门不超过 60 个字', 'office');
      if (charCount(request) > 500) return no('请求解决的事项不超过 500 字', 'request');
      return { ok: true, decision: { type: d.type, level: d.level, office, request, ...(note ? { note } : {}) } };
    }
    default:
      if (charCount(note) < 2) return no(d.type === '已解决' ? '请写明如何解决的' : '请写明继续跟踪什么', 'note');
      return { ok: true, decision: { type: d.type, note } };
  }
}

/** How a decision reads in the minutes and on the problem's history (names given by the caller). */
export function decisionText(d: Decision, staffName: (id: string) => string): string {
  switch (d.type) {
    case '社区处置':
      return `社区处置：${staffName(d.ownerId)}负责，${d.dueDay} 前办结（${d.workingDays} 个工作日）${d.note ? `；${d.note}` : ''}`;
    case '上报街道':
      return `上报街道（${d.level}）：${d.office}；${d.request}`;
    default:
      return `${d.type}：${d.note}`;
  }
}
