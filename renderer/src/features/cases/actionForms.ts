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

const str = (v: Values[string] | undefined): string => (typeof v === 'string' ? v : '');
const list = (v: Values[string] | undefined): string[] => (Array.isArray(v) ? v : []);
/** undefined when nothing was chosen, so the machine reports the missing choice. */
const choice = <T extends string>(v: Values[string] | undefined): T => str(v) as T;
const yesNo = (v: Values[string] | undefined, yes: string): boolean =>
  str(v) === '' ? (undefined as unknown as boolean) : str(v) === yes;

/** One action's form: its fields, a line on what the action means, and how the values become the action. */
type ActionForm<T extends CaseActionType> = {
  hint?: string;
  /** Taken only from its own screen (联席会议), not offered on the case page. */
  elsewhere?: string;
  fields: readonly FieldSpec[];
  toAction(v: Values): Extract<CaseActionInput, { type: T }>;
};

/** One form per action type (an action without its form does not compile). */
const ACTION_FORMS = {
  开始办理: { fields: [], toAction: () => ({ type: '开始办理' }) },
  要求补正: {
    fields: [
      { name: 'missing', label: '需要补正的材料', kind: 'checkboxes', from: 'documents' },
      { name: 'missingOther', label: '其他需要补正的材料（多项用顿号分隔）', kind: 'text' },
    ],
    toAction(v) {
      const other = str(v.missingOther)
        .split(/[、，,;；\n]/)
        .map((x) => x.trim())
        .filter(Boolean);
      return { type: '要求补正', missing: [...new Set([...list(v.missing), ...other])] };
    },
  },
  补正材料: {
    fields: [{ name: 'received', label: '收到的材料', kind: 'checkboxes', from: 'missing' }],
    toAction: (v) => ({ type: '补正材料', received: list(v.received) }),
  },
  转办: {
    fields: [
      { name: 'toStaffId', label: '转给', kind: 'staff' },
      { name: 'reason', label: '转办原因（如：需网格员上门核实）', kind: 'text' },
    ],
    toAction: (v) => ({ type: '转办', toStaffId: str(v.toStaffId), reason: str(v.reason) }),
  },
  会议交办: {
    elsewhere: '联席会议',
    fields: [
      { name: 'ownerId', label: '责任人', kind: 'staff' },
      { name: 'dueDay', label: '办结日期', kind: 'text' },
    ],
    toAction: (v) => ({ type: '会议交办', ownerId: str(v.ownerId), dueDay: str(v.dueDay) }),
  },
  签收: { fields: [], toAction: () => ({ type: '签收' }) },
  退回: {
    hint: '退回：被转办的人不接手，或街道在报到前把上报退回社区；办件回到原来的状态。',
    fields: [{ name: 'reason', label: '退回理由', kind: 'multiline' }],
    toAction: (v) => ({ type: '退回', reason: str(v.reason) }),
  },
  上报街道: {
    fields: [
      { name: 'level', label: '上报类别', kind: 'radio', options: ESCALATION_LEVELS },
      { name: 'request', label: '请求事项', kind: 'multiline' },
      { name: 'office', label: '上报至（科室或部门）', kind: 'text' },
    ],
    toAction: (v) => ({ type: '上报街道', level: choice(v.level), request: str(v.request), office: str(v.office) }),
  },
  报到: {
    hint: '报到：街道或部门接手这件事（记录来报到的单位或人员和时间）；之后记录处理反馈，再由社区核实结项。',
    fields: [
      { name: 'who', label: '报到单位或人员', kind: 'text' },
      { name: 'at', label: '报到时间', kind: 'datetime' },
    ],
    toAction: (v) => ({ type: '报到', who: str(v.who), at: str(v.at) ? new Date(str(v.at)).getTime() : Number.NaN }),
  },
  处理反馈: {
    fields: [{ name: 'text', label: '处理反馈内容', kind: 'multiline' }],
    toAction: (v) => ({ type: '处理反馈', text: str(v.text) }),
  },
  核实结项: {
    hint: '核实结项：社区向居民核实街道或部门的处理结果；未解决的继续办理。',
    fields: [
      { name: 'solved', label: '核实结果', kind: 'radio', options: ['已解决', '未解决'] },
      { name: 'note', label: '核实说明', kind: 'multiline' },
      { name: 'departmentRating', label: '对部门处理的评价', kind: 'select', options: ['', ...RATINGS] },
    ],
    toAction(v) {
      const rating = str(v.departmentRating);
      return {
        type: '核实结项',
        solved: yesNo(v.solved, '已解决'),
        note: str(v.note),
        ...(rating ? { departmentRating: rating as Rating } : {}),
      };
    },
  },
  评价部门: {
    fields: [{ ...RATING_FIELD, label: '对部门处理的评价' }],
    toAction: (v) => ({ type: '评价部门', rating: choice(v.rating) }),
  },
  办结: {
    fields: [
      { name: 'result', label: '办理结果', kind: 'multiline' },
      { name: 'notifiedBy', label: '告知方式', kind: 'radio', options: NOTIFIED_BY },
      { name: 'needsCallback', label: '需要回访', kind: 'checkbox' },
    ],
    toAction: (v) => ({
      type: '办结',
      result: str(v.result),
      notifiedBy: choice(v.notifiedBy),
      needsCallback: v.needsCallback === true,
    }),
  },
  回访: {
    fields: [{ name: 'outcome', label: '回访结果', kind: 'multiline' }],
    toAction: (v) => ({ type: '回访', outcome: str(v.outcome) }),
  },
  回访未接通: { fields: [], toAction: () => ({ type: '回访未接通' }) },
  评价: {
    fields: [RATING_FIELD, { name: 'by', label: '评价人', kind: 'radio', options: ['本人', '代评'] }],
    toAction: (v) => ({ type: '评价', rating: choice(v.rating), by: choice(v.by) }),
  },
  整改回访: {
    fields: [{ name: 'outcome', label: '整改回访结果', kind: 'multiline' }],
    toAction: (v) => ({ type: '整改回访', outcome: str(v.outcome) }),
  },
  复核: {
    fields: [
      { name: 'passed', label: '复核结果', kind: 'radio', options: ['通过', '不通过'] },
      { name: 'note', label: '复核说明', kind: 'multiline' },
    ],
    toAction: (v) => ({ type: '复核', passed: yesNo(v.passed, '通过'), note: str(v.note) }),
  },
  归档: { fields: [], toAction: () => ({ type: '归档' }) },
  重新办理: {
    fields: [{ name: 'reason', label: '重新办理理由', kind: 'multiline' }],
    toAction: (v) => ({ type: '重新办理', reason: str(v.reason) }),
  },
  不予受理: {
    fields: [
      { name: 'reason', label: '不予受理理由', kind: 'multiline' },
      { name: 'redirectTo', label: '告知办理去处', kind: 'text' },
    ],
    toAction: (v) => ({ type: '不予受理', reason: str(v.reason), redirectTo: str(v.redirectTo) }),
  },
} satisfies { [T in CaseActionType]: ActionForm<T> };

/** Whether the case page offers the action (会议交办 is recorded on the meeting's agenda). */
export function offeredOnCasePage(type: CaseActionType): boolean {
  return !('elsewhere' in ACTION_FORMS[type]);
}

/** What the action means, for the clerk who has not met it before. */
export function hintOf(type: CaseActionType): string | undefined {
  const form = ACTION_FORMS[type];
  return 'hint' in form ? form.hint : undefined;
}

/** The fields the dialog shows for `type`. */
export function fieldsOf(type: CaseActionType): readonly FieldSpec[] {
  return ACTION_FORMS[type].fields;
}

/** The dialog's values as the machine's action. */
export function toAction(type: CaseActionType, v: Values): CaseActionInput {
  return ACTION_FORMS[type].toAction(v);
}
