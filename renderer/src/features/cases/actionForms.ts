/**
 * What the clerk fills in for each case action, as data: the dialog renders these fields and
 * `toAction` turns the values into the machine's action. Payload rules (required text, …) are
 * the machine's; its Chinese reason is shown in the dialog.
 */
import type { CaseActionType } from '@shared/domain/caseMachine';
import { ESCALATION_LEVELS, NOTIFIED_BY, RATINGS, type Rating } from '@shared/domain/records';
import type { CaseActionInput } from '../../db/repositories/cases';

export type FieldSpec =
  | { name: string; label: string; kind: 'text' | 'multiline' | 'datetime' }
  | { name: string; label: string; kind: 'radio' | 'select'; options: readonly string[] }
  | { name: string; label: string; kind: 'checkbox' }
  | { name: string; label: string; kind: 'checkboxes'; from: 'missing' | 'documents' }
  | { name: string; label: string; kind: 'staff' };

export type Values = Record<string, string | boolean | string[]>;

const RATING_FIELD = { name: 'rating', label: '评价等级', kind: 'radio', options: RATINGS } as const;

export const ACTION_FIELDS: Record<CaseActionType, readonly FieldSpec[]> = {
  开始办理: [],
  要求补正: [
    { name: 'missing', label: '需要补正的材料', kind: 'checkboxes', from: 'documents' },
    { name: 'missingOther', label: '其他需要补正的材料（多项用顿号分隔）', kind: 'text' },
  ],
  补正材料: [{ name: 'received', label: '收到的材料', kind: 'checkboxes', from: 'missing' }],
  转办: [{ name: 'toStaffId', label: '转给', kind: 'staff' }],
  签收: [],
  退回: [{ name: 'reason', label: '退回理由', kind: 'multiline' }],
  上报街道: [
    { name: 'level', label: '上报类别', kind: 'radio', options: ESCALATION_LEVELS },
    { name: 'request', label: '请求事项', kind: 'multiline' },
    { name: 'office', label: '上报至（科室或部门）', kind: 'text' },
  ],
  报到: [
    { name: 'who', label: '报到单位或人员', kind: 'text' },
    { name: 'at', label: '报到时间', kind: 'datetime' },
  ],
  处理反馈: [{ name: 'text', label: '处理反馈内容', kind: 'multiline' }],
  核实结项: [
    { name: 'solved', label: '核实结果', kind: 'radio', options: ['已解决', '未解决'] },
    { name: 'note', label: '核实说明', kind: 'multiline' },
    { name: 'departmentRating', label: '对部门处理的评价', kind: 'select', options: ['', ...RATINGS] },
  ],
  评价部门: [{ ...RATING_FIELD, label: '对部门处理的评价' }],
  办结: [
    { name: 'result', label: '办理结果', kind: 'multiline' },
    { name: 'notifiedBy', label: '告知方式', kind: 'radio', options: NOTIFIED_BY },
    { name: 'needsCallback', label: '需要回访', kind: 'checkbox' },
  ],
  回访: [{ name: 'outcome', label: '回访结果', kind: 'multiline' }],
  回访未接通: [],
  评价: [RATING_FIELD, { name: 'by', label: '评价人', kind: 'radio', options: ['本人', '代评'] }],
  整改回访: [{ name: 'outcome', label: '整改回访结果', kind: 'multiline' }],
  复核: [
    { name: 'passed', label: '复核结果', kind: 'radio', options: ['通过', '不通过'] },
    { name: 'note', label: '复核说明', kind: 'multiline' },
  ],
  归档: [],
  重新办理: [{ name: 'reason', label: '重新办理理由', kind: 'multiline' }],
  不予受理: [
    { name: 'reason', label: '不予受理理由', kind: 'multiline' },
    { name: 'redirectTo', label: '告知办理去处', kind: 'text' },
  ],
};

const str = (v: Values[string] | undefined): string => (typeof v === 'string' ? v : '');
const list = (v: Values[string] | undefined): string[] => (Array.isArray(v) ? v : []);
/** undefined when nothing was chosen, so the machine reports the missing choice. */
const choice = <T extends string>(v: Values[string] | undefined): T => str(v) as T;
const yesNo = (v: Values[string] | undefined, yes: string): boolean =>
  str(v) === '' ? (undefined as unknown as boolean) : str(v) === yes;

export function toAction(type: CaseActionType, v: Values): CaseActionInput {
  switch (type) {
    case '要求补正': {
      const other = str(v.missingOther)
        .split(/[、，,;；\n]/)
        .map((x) => x.trim())
        .filter(Boolean);
      return { type, missing: [...new Set([...list(v.missing), ...other])] };
    }
    case '补正材料':
      return { type, received: list(v.received) };
    case '转办':
      return { type, toStaffId: str(v.toStaffId) };
    case '退回':
    case '重新办理':
      return { type, reason: str(v.reason) };
    case '上报街道':
      return { type, level: choice(v.level), request: str(v.request), office: str(v.office) };
    case '报到':
      return { type, who: str(v.who), at: str(v.at) ? new Date(str(v.at)).getTime() : Number.NaN };
    case '处理反馈':
      return { type, text: str(v.text) };
    case '核实结项': {
      const rating = str(v.departmentRating);
      return {
        type,
        solved: yesNo(v.solved, '已解决'),
        note: str(v.note),
        ...(rating ? { departmentRating: rating as Rating } : {}),
      };
    }
    case '评价部门':
      return { type, rating: choice(v.rating) };
    case '办结':
      return { type, result: str(v.result), notifiedBy: choice(v.notifiedBy), needsCallback: v.needsCallback === true };
    case '回访':
    case '整改回访':
      return { type, outcome: str(v.outcome) };
    case '评价':
      return { type, rating: choice(v.rating), by: choice(v.by) };
    case '复核':
      return { type, passed: yesNo(v.passed, '通过'), note: str(v.note) };
    case '不予受理':
      return { type, reason: str(v.reason), redirectTo: str(v.redirectTo) };
    case '开始办理':
    case '签收':
    case '回访未接通':
    case '归档':
      return { type };
  }
}
