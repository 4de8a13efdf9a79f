/**
 * What the clerk fills in for each case action, as data: the dialog renders these fields and
 * `toAction` turns the values into the machine's action. Payload rules (required text, …) are
 * the machine's; its Chinese reason is shown in the dialog.
 */
import type { CaseActionType } from '@shared/domain/caseMachine';
import { UNHAPPY_RATINGS } from '@shared/domain/caseMachine';
import { ESCALATION_LEVELS, NOTIFIED_BY, RATINGS, type NotifiedBy, type Rating } from '@shared/domain/records';
import type { CaseActionInput } from '../../db/repositories/cases';

export type Values = Record<string, string | boolean | string[]>;

/** `shownIf`: the field is asked only when the values so far call for it (e.g. 不满意 → 原因). */
type Common = { name: string; label: string; shownIf?: (v: Values) => boolean };

export type FieldSpec = Common &
  (
    | { kind: 'text' | 'multiline' }
    /** A time no later than now and no earlier than the case's `notBefore` (its start for this action). */
    | { kind: 'datetime'; notBefore: 'escalationRaised' }
    | { kind: 'radio' | 'select'; options: readonly string[] }
    | { kind: 'checkbox' }
    | { kind: 'checkboxes'; from: 'missing' | 'documents' }
    | { kind: 'staff' }
  );

const RATING_FIELD = { name: 'rating', label: '评价等级', kind: 'radio', options: RATINGS } as const;

/** What 办结 asks, and 核实结项 when 已解决 (`shownIf`). */
const closingFields = (shownIf?: (v: Values) => boolean): FieldSpec[] => [
  { name: 'result', label: '办理结果', kind: 'multiline', shownIf },
  { name: 'notifiedBy', label: '告知方式', kind: 'radio', options: NOTIFIED_BY, shownIf },
  { name: 'needsCallback', label: '需要回访', kind: 'checkbox', shownIf },
];

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
    hint: '报到：街道或部门接手这件事（记录报到的单位、来人和时间）；之后记录处理反馈，再由社区核实结项。',
    fields: [
      { name: 'unit', label: '报到单位（街道科室或部门）', kind: 'text' },
      { name: 'person', label: '报到人员（姓名，可不填）', kind: 'text' },
      { name: 'at', label: '报到时间', kind: 'datetime', notBefore: 'escalationRaised' },
    ],
    toAction: (v) => ({
      type: '报到',
      unit: str(v.unit),
      person: str(v.person),
      at: str(v.at) ? new Date(str(v.at)).getTime() : Number.NaN,
    }),
  },
  处理反馈: {
    fields: [{ name: 'text', label: '处理反馈内容', kind: 'multiline' }],
    toAction: (v) => ({ type: '处理反馈', text: str(v.text) }),
  },
  核实结项: {
    hint: '核实结项：社区向居民核实街道或部门的处理结果；已解决的同时办结（填写办理结果和告知方式），未解决的继续办理。',
    fields: [
      { name: 'solved', label: '核实结果', kind: 'radio', options: ['已解决', '未解决'] },
      { name: 'note', label: '核实说明', kind: 'multiline' },
      ...closingFields((v) => v.solved === '已解决'),
      { name: 'departmentRating', label: '对部门处理的评价', kind: 'select', options: ['', ...RATINGS] },
    ],
    toAction(v) {
      const rating = str(v.departmentRating);
      const solved = yesNo(v.solved, '已解决');
      return {
        type: '核实结项',
        solved,
        note: str(v.note),
        ...(solved
          ? {
              result: str(v.result),
              notifiedBy: choice<NotifiedBy>(v.notifiedBy),
              needsCallback: v.needsCallback === true,
            }
          : {}),
        ...(rating ? { departmentRating: rating as Rating } : {}),
      };
    },
  },
  评价部门: {
    fields: [{ ...RATING_FIELD, label: '对部门处理的评价' }],
    toAction: (v) => ({ type: '评价部门', rating: choice(v.rating) }),
  },
  办结: {
    fields: closingFields(),
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
    fields: [
      RATING_FIELD,
      { name: 'by', label: '评价人', kind: 'radio', options: ['本人', '代评'] },
      {
        name: 'reason',
        label: '不满意的原因（必填，整改依据）',
        kind: 'multiline',
        shownIf: (v) => UNHAPPY_RATINGS.includes(str(v.rating) as Rating),
      },
    ],
    toAction: (v) => ({
      type: '评价',
      rating: choice(v.rating),
      by: choice(v.by),
      ...(UNHAPPY_RATINGS.includes(str(v.rating) as Rating) ? { reason: str(v.reason) } : {}),
    }),
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

/** The fields the dialog shows for `type` with these values (a `shownIf` field only when called for). */
export function fieldsOf(type: CaseActionType, v: Values = {}): readonly FieldSpec[] {
  return ACTION_FORMS[type].fields.filter((f: FieldSpec) => !f.shownIf || f.shownIf(v));
}

/** The dialog's values as the machine's action. */
export function toAction(type: CaseActionType, v: Values): CaseActionInput {
  return ACTION_FORMS[type].toAction(v);
}
