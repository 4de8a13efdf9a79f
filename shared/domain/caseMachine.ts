/**
 * 办件状态机：every change to a case after acceptance, as a pure function.
 *
 *   已受理 ─开始办理→ 办理中 ─办结→ 已办结 ─归档→ 已归档
 *     │  ╲                │ ╲ ╲
 *     │   要求补正 ⇄ 待补正 (clock paused; 补正材料 resumes when every missing document is in)
 *     ├─转办→ 待签收 ─签收→ 办理中 (new handler)   ·  待签收 ─退回→ previous status
 *     ├─上报街道→ 已上报街道: 待报到 ─报到→ 已报到 ─处理反馈→ 已反馈 ─核实结项→ 办理中
 *     │            (待报到 ─退回→ 办理中)
 *     └─不予受理→ 不予受理 ─归档→ 已归档
 *   已办结 / 不予受理 ─重新办理→ 办理中 ; 已归档 ─重新办理 (admin only, with reason)→ 办理中
 *   已办结: 回访 / 回访未接通 (when a callback task exists), 评价 (once per case) → 整改 on
 *   不满意 / 非常不满意 (due 15 working days later; closes after 整改回访 + a passed 复核).
 *
 * Rules:
 * - `applyAction` never mutates its input; it returns the next state and one event (who, when,
 *   from, to, note) or a Chinese refusal reason. `allowedActions` lists the action types the UI
 *   may offer now; payload problems (empty reason, …) are reported by `applyAction`.
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
import type {
  CaseEvent,
  CaseRecord,
  CaseStatus,
  Escalation,
  EscalationLevel,
  NotifiedBy,
  Rating,
  RatingBy,
} from './records';
import { ESCALATION_LEVELS, NOTIFIED_BY, RATINGS } from './records';
import type { WorkingCalendar } from './workingCalendar';
import { isValidArchiveNumber } from './caseNumbers';
import { isValidLocalDate } from './localDate';

/** Every action type, in the order the UI lists them. */
export const CASE_ACTION_TYPES = [
  '开始办理',
  '要求补正',
  '补正材料',
  '转办',
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

export type CaseAction =
  /** 已受理 → 办理中. */
  | { type: '开始办理' }
  /** Documents found missing or invalid: 已受理 / 办理中 → 待补正 (clock pauses). */
  | { type: '要求补正'; missing: string[] }
  /** Documents handed in while 待补正; resumes when none is missing any more. */
  | { type: '补正材料'; received: string[] }
  /** Hand-off to another staff member, who must sign for it. */
  | { type: '转办'; toStaffId: string }
  /** The receiver of a 转办 takes the case: → 办理中, handler = receiver. */
  | { type: '签收' }
  /** Refuse a pending 转办 (receiver or admin), or the street office sends back an escalation not yet taken. */
  | { type: '退回'; reason: string }
  /** 社区吹哨: to the street office or a department. */
  | { type: '上报街道'; level: EscalationLevel; request: string; office: string }
  /** 街道报到: who came or answered for the department, and when (epoch ms). */
  | { type: '报到'; who: string; at: number }
  | { type: '处理反馈'; text: string }
  /** The community verifies: solved or not (not solved needs a note); both return to 办理中. */
  | { type: '核实结项'; solved: boolean; note?: string; departmentRating?: Rating }
  /** The community's rating of the department's response, when not given at 核实结项. */
  | { type: '评价部门'; rating: Rating }
  | { type: '办结'; result: string; notifiedBy: NotifiedBy; needsCallback: boolean }
  | { type: '回访'; outcome: string }
  | { type: '回访未接通' }
  /** 好差评, once per case, by the resident or entered for them (代评). */
  | { type: '评价'; rating: Rating; by: RatingBy }
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

/** Work created by an action, for the to-do lists. */
export type CaseTask = { kind: '回访'; caseId: string } | { kind: '整改'; caseId: string; dueDay: string };

export type ApplyResult =
  { ok: true; next: CaseState; event: Omit<CaseEvent, 'id'>; tasks?: CaseTask[] } | { ok: false; reason: string };

/** Working days a 整改 task has, counted from the rating day. */
export const RECTIFICATION_WORKING_DAYS = 15;

export const READ_ONLY_REASON = '已归档的办件为只读，仅站长/管理员可填写理由后重新办理';

const OPEN_STAGES: readonly Escalation['stage'][] = ['待报到', '已报到', '已反馈'];

/** The escalation still waiting for 报到 / feedback / verification, if any (always the last one). */
export function openEscalation(s: Pick<CaseState, 'escalations'>): Escalation | undefined {
  const last = s.escalations?.[s.escalations.length - 1];
  return last && OPEN_STAGES.includes(last.stage) ? last : undefined;
}

/** Builds the machine's view of a stored case; `fallbackTimeLimitDays` when the record has none. */
export function caseStateFromRecord(record: CaseRecord, fallbackTimeLimitDays = 0): CaseState {
  const { timeLimitDays, ...rest } = record;
  const picked: CaseState = {
    id: rest.id,
    status: rest.status,
    mode: rest.mode,
    acceptedDay: rest.acceptedDay,
    documentsReceived: rest.documentsReceived,
    documentsMissing: rest.documentsMissing,
    firstContactId: rest.firstContactId,
    handlerId: rest.handlerId,
    timeLimitDays: timeLimitDays ?? fallbackTimeLimitDays,
  };
  const optional = [
    'deadline',
    'deadlineUncoveredYears',
    'refusalReason',
    'redirectTo',
    'result',
    'rating',
    'archiveNumber',
    'pause',
    'pausedWorkingDays',
    'transfer',
    'escalations',
    'notifiedBy',
    'completedDay',
    'callback',
    'ratingBy',
    'ratedAt',
    'rectification',
    'archivedDay',
    'reopenCount',
  ] as const satisfies readonly (keyof CaseState)[];
  const out: Record<string, unknown> = picked;
  for (const key of optional) if (rest[key] !== undefined) out[key] = rest[key];
  return picked;
}

const statusIs = (s: CaseState, allowed: readonly CaseStatus[], what: string): string | null =>
  allowed.includes(s.status)
    ? null
    : `当前状态为「${s.status}」，只有${allowed.map((a) => `「${a}」`).join('或')}的办件可以${what}`;

/**
 * Why `type` is refused for this case and actor now, in Chinese; null when it is allowed.
 * Checks status, sub-state and actor only — not the action's payload.
 */
export function refusalFor(s: CaseState, type: CaseActionType, actor: Actor): string | null {
  if (s.status === '已归档') {
    if (type !== '重新办理') return READ_ONLY_REASON;
    return actor.isAdmin ? null : READ_ONLY_REASON;
  }
  const esc = openEscalation(s);
  switch (type) {
    case '开始办理':
      return statusIs(s, ['已受理'], '开始办理');
    case '要求补正':
      return statusIs(s, ['已受理', '办理中'], '要求补正');
    case '补正材料':
      return statusIs(s, ['待补正'], '登记补正材料');
    case '转办':
      if (s.status === '待签收') return '该办件正在等待签收，不能再次转办';
      return statusIs(s, ['已受理', '办理中'], '转办');
    case '签收':
      if (s.status !== '待签收' || !s.transfer) return '该办件没有待签收的转办';
      return actor.staffId === s.transfer.toStaffId ? null : '只有被转办的工作人员本人可以签收';
    case '退回':
      if (s.status === '待签收' && s.transfer) {
        return actor.staffId === s.transfer.toStaffId || actor.isAdmin
          ? null
          : '只有被转办的工作人员或站长/管理员可以退回';
      }
      if (s.status === '已上报街道' && esc?.stage === '待报到') return null;
      return '只有待签收的转办或尚未报到的上报可以退回';
    case '上报街道':
      return statusIs(s, ['已受理', '办理中'], '上报街道');
    case '报到':
      if (s.status !== '已上报街道' || !esc) return '该办件没有上报街道的事项';
      return esc.stage === '待报到' ? null : '已记录报到，不能重复报到';
    case '处理反馈':
      if (s.status !== '已上报街道' || !esc) return '该办件没有上报街道的事项';
      return esc.stage === '待报到' ? '街道或部门尚未报到，不能记录处理反馈' : null;
    case '核实结项':
      if (s.status !== '已上报街道' || !esc) return '该办件没有上报街道的事项';
      return esc.stage === '已反馈' ? null : '尚无处理反馈，不能核实结项';
    case '评价部门': {
      const last = s.escalations?.[s.escalations.length - 1];
      if (!last || last.stage !== '已核实') return '没有已核实结项的上报事项可评价';
      return last.departmentRating === undefined ? null : '已评价过部门的处理，不能重复评价';
    }
    case '办结':
      return statusIs(s, ['办理中'], '办结');
    case '回访':
    case '回访未接通':
      if (s.status !== '已办结') return statusIs(s, ['已办结'], '回访');
      if (!s.callback) return '该办件不需要回访';
      return s.callback.status === '已回访' ? '已完成回访' : null;
    case '评价':
      if (s.rating !== undefined) return '每个办件只能评价一次，已有评价不能更改';
      return statusIs(s, ['已办结'], '评价');
    case '整改回访':
      if (!s.rectification) return '该办件没有整改任务';
      return s.rectification.status === '整改中' ? null : `整改任务当前为「${s.rectification.status}」，不需要回访`;
    case '复核':
      if (!s.rectification) return '该办件没有整改任务';
      if (s.rectification.status !== '待复核') return `整改任务当前为「${s.rectification.status}」，不能复核`;
      return actor.isAdmin ? null : '整改复核须由站长/管理员进行';
    case '归档': {
      const bad = statusIs(s, ['已办结', '不予受理'], '归档');
      if (bad) return bad;
      if (s.callback?.status === '待回访') return '回访尚未完成，不能归档';
      if (s.rectification && s.rectification.status !== '已完成') return '整改尚未完成，不能归档';
      return null;
    }
    case '重新办理':
      return statusIs(s, ['已办结', '不予受理', '已归档'], '重新办理');
    case '不予受理':
      return statusIs(s, ['已受理', '待补正', '办理中'], '不予受理');
  }
}

/** The action types this actor may perform on the case now (what the UI offers). */
export function allowedActions(s: CaseState, actor: Actor): CaseActionType[] {
  return CASE_ACTION_TYPES.filter((t) => refusalFor(s, t, actor) === null);
}

/**
 * The deadline after a pause from `pausedFrom` to `resumeDay`: the old deadline moved by the
 * working days in (pausedFrom, resumeDay]; without a deadline, `timeLimitDays` working days
 * after the resume day (none when the limit is 0).
 */
export function deadlineAfterPause(
  deadline: string | undefined,
  pausedFrom: string,
  resumeDay: string,
  timeLimitDays: number,
  calendar: WorkingCalendar,
): { deadline?: string; uncoveredYears: number[]; pausedWorkingDays: number } {
  const paused = Math.max(0, calendar.workingDaysBetween(pausedFrom, resumeDay));
  if (deadline !== undefined) {
    const r = calendar.addWorkingDays(deadline, paused);
    return { deadline: r.date, uncoveredYears: r.uncoveredYears, pausedWorkingDays: paused };
  }
  if (timeLimitDays > 0) {
    const r = calendar.addWorkingDays(resumeDay, timeLimitDays);
    return { deadline: r.date, uncoveredYears: r.uncoveredYears, pausedWorkingDays: paused };
  }
  return { uncoveredYears: [], pausedWorkingDays: paused };
}

const clean = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const mergeYears = (a: readonly number[] | undefined, b: readonly number[]): number[] =>
  [...new Set([...(a ?? []), ...b])].sort((x, y) => x - y);

type Outcome = { next: CaseState; note?: string; tasks?: CaseTask[] } | string;

function withoutKeys(s: CaseState, keys: readonly (keyof CaseState)[]): CaseState {
  const next: CaseState = { ...s };
  for (const k of keys) delete next[k];
  return next;
}

function newDeadline(s: CaseState, today: string, calendar: WorkingCalendar): Partial<CaseState> {
  if (s.timeLimitDays <= 0) return {};
  const r = calendar.addWorkingDays(today, s.timeLimitDays);
  return { deadline: r.date, deadlineUncoveredYears: mergeYears(s.deadlineUncoveredYears, r.uncoveredYears) };
}

/** Replaces the last escalation (the open or just-verified one). */
function withLastEscalation(s: CaseState, esc: Escalation): Escalation[] {
  const list = s.escalations ?? [];
  return [...list.slice(0, -1), esc];
}

function transition(s: CaseState, a: CaseAction, actor: Actor, at: ActionTime, calendar: WorkingCalendar): Outcome {
  const { now, today } = at;
  switch (a.type) {
    case '开始办理':
      return { next: { ...s, status: '办理中' } };

    case '要求补正': {
      const missing = [...new Set((Array.isArray(a.missing) ? a.missing : []).map(clean).filter(Boolean))];
      if (missing.length === 0) return '请列出需要补正的材料';
      const resumeTo = s.status === '办理中' ? '办理中' : '已受理';
      return {
        next: {
          ...s,
          status: '待补正',
          documentsMissing: [...new Set([...s.documentsMissing, ...missing])],
          documentsReceived: s.documentsReceived.filter((d) => !missing.includes(d)),
          pause: { from: today, resumeTo },
        },
        note: `需补正：${missing.join('、')}`,
      };
    }

    case '补正材料': {
      const received = [...new Set((Array.isArray(a.received) ? a.received : []).map(clean).filter(Boolean))];
      if (received.length === 0) return '请勾选收到的材料';
      const unknown = received.filter((d) => !s.documentsMissing.includes(d));
      if (unknown.length > 0) return `以下材料不在缺件清单中：${unknown.join('、')}`;
      const stillMissing = s.documentsMissing.filter((d) => !received.includes(d));
      const docs = {
        documentsMissing: stillMissing,
        documentsReceived: [...s.documentsReceived, ...received.filter((d) => !s.documentsReceived.includes(d))],
      };
      if (stillMissing.length > 0) {
        return { next: { ...s, ...docs }, note: `收到：${received.join('、')}；仍缺：${stillMissing.join('、')}` };
      }
      const from = s.pause?.from ?? s.acceptedDay;
      const resumeTo = s.pause?.resumeTo ?? '已受理';
      const r = deadlineAfterPause(s.deadline, from, today, s.timeLimitDays, calendar);
      const next = withoutKeys({ ...s, ...docs, status: resumeTo }, ['pause']);
      if (r.deadline !== undefined) {
        next.deadline = r.deadline;
        next.deadlineUncoveredYears = mergeYears(s.deadlineUncoveredYears, r.uncoveredYears);
      }
      next.pausedWorkingDays = (s.pausedWorkingDays ?? 0) + r.pausedWorkingDays;
      const moved =
        s.deadline !== undefined ? `，暂停 ${r.pausedWorkingDays} 个工作日，办结期限顺延至 ${r.deadline}` : '';
      const set = s.deadline === undefined && r.deadline !== undefined ? `，承诺办结日期 ${r.deadline}` : '';
      return { next, note: `材料已补齐，恢复计时${moved}${set}` };
    }

    case '转办': {
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
        note: '转办，待签收',
      };
    }

    case '签收': {
      const t = s.transfer;
      if (!t) return '该办件没有待签收的转办';
      return { next: withoutKeys({ ...s, status: '办理中', handlerId: t.toStaffId }, ['transfer']), note: '已签收' };
    }

    case '退回': {
      const reason = clean(a.reason);
      if (!reason) return '请填写退回理由';
      if (s.status === '待签收' && s.transfer) {
        return {
          next: withoutKeys({ ...s, status: s.transfer.returnTo }, ['transfer']),
          note: `转办被退回：${reason}`,
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
    }

    case '上报街道': {
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
    }

    case '报到': {
      const esc = openEscalation(s);
      if (!esc) return '该办件没有上报街道的事项';
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
    }

    case '处理反馈': {
      const esc = openEscalation(s);
      if (!esc) return '该办件没有上报街道的事项';
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
    }

    case '核实结项': {
      const esc = openEscalation(s);
      if (!esc) return '该办件没有上报街道的事项';
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
    }

    case '评价部门': {
      if (!RATINGS.includes(a.rating)) return '部门评价应为五级评价之一';
      const last = s.escalations?.[s.escalations.length - 1];
      if (!last) return '没有已核实结项的上报事项可评价';
      return {
        next: { ...s, escalations: withLastEscalation(s, { ...last, departmentRating: a.rating }) },
        note: `部门评价：${a.rating}`,
      };
    }

    case '办结': {
      const result = clean(a.result);
      if (!result) return '请填写办理结果';
      if (!NOTIFIED_BY.includes(a.notifiedBy)) return '请选择告知居民的方式（当面、电话或上门）';
      if (typeof a.needsCallback !== 'boolean') return '请选择是否需要回访';
      const base = withoutKeys({ ...s, status: '已办结', result, notifiedBy: a.notifiedBy, completedDay: today }, [
        'pause',
        'callback',
      ]);
      if (a.needsCallback) base.callback = { status: '待回访', createdDay: today, failedAttempts: 0 };
      return {
        next: base,
        note: `已办结，${a.notifiedBy}告知${a.needsCallback ? '，需回访' : ''}`,
        ...(a.needsCallback ? { tasks: [{ kind: '回访', caseId: s.id }] } : {}),
      };
    }

    case '回访': {
      const outcome = clean(a.outcome);
      if (!outcome) return '请填写回访结果';
      if (!s.callback) return '该办件不需要回访';
      return {
        next: { ...s, callback: { ...s.callback, status: '已回访', outcome, doneAt: now, doneBy: actor.staffId } },
        note: `回访：${outcome}`,
      };
    }

    case '回访未接通': {
      if (!s.callback) return '该办件不需要回访';
      const attempts = s.callback.failedAttempts + 1;
      return {
        next: {
          ...s,
          callback: {
            ...s.callback,
            status: '回访未接通',
            failedAttempts: attempts,
            doneAt: now,
            doneBy: actor.staffId,
          },
        },
        note: `回访未接通（第 ${attempts} 次）`,
      };
    }

    case '评价': {
      if (!RATINGS.includes(a.rating)) return '请选择评价等级（非常满意、满意、基本满意、不满意、非常不满意）';
      if (a.by !== '本人' && a.by !== '代评') return '请选择评价人（本人或代评）';
      const next: CaseState = { ...s, rating: a.rating, ratingBy: a.by, ratedAt: now };
      if (a.rating === '不满意' || a.rating === '非常不满意') {
        const due = calendar.addWorkingDays(today, RECTIFICATION_WORKING_DAYS).date;
        next.rectification = { status: '整改中', openedDay: today, dueDay: due };
        return {
          next,
          note: `评价：${a.rating}（${a.by}），需在 ${due} 前完成整改`,
          tasks: [{ kind: '整改', caseId: s.id, dueDay: due }],
        };
      }
      return { next, note: `评价：${a.rating}（${a.by}）` };
    }

    case '整改回访': {
      const outcome = clean(a.outcome);
      if (!outcome) return '请填写整改回访结果';
      if (!s.rectification) return '该办件没有整改任务';
      return {
        next: {
          ...s,
          rectification: { ...s.rectification, status: '待复核', callback: { outcome, at: now, by: actor.staffId } },
        },
        note: `整改回访：${outcome}`,
      };
    }

    case '复核': {
      const r = s.rectification;
      if (!r) return '该办件没有整改任务';
      if (typeof a.passed !== 'boolean') return '请选择复核是否通过';
      const note = clean(a.note);
      if (!a.passed && !note) return '复核不通过时，请说明理由';
      const review = { passed: a.passed, at: now, by: actor.staffId, ...(note ? { note } : {}) };
      if (a.passed) {
        return {
          next: { ...s, rectification: { ...r, status: '已完成', review, closedDay: today } },
          note: '整改复核通过，整改完成',
        };
      }
      const { callback: _dropped, ...rest } = r;
      return {
        next: { ...s, rectification: { ...rest, status: '整改中', review, failedReviews: (r.failedReviews ?? 0) + 1 } },
        note: `整改复核不通过：${note}`,
      };
    }

    case '归档': {
      const no = clean(a.archiveNumber);
      if (!isValidArchiveNumber(no)) return '归档号格式不正确，应类似 YLQ-GD-2026-00042';
      return { next: { ...s, status: '已归档', archiveNumber: no, archivedDay: today }, note: `归档号 ${no}` };
    }

    case '重新办理': {
      const reason = clean(a.reason);
      if (!reason) return '请填写重新办理的理由';
      const wasArchived = s.status === '已归档';
      const next = withoutKeys(s, [
        'result',
        'notifiedBy',
        'completedDay',
        'archiveNumber',
        'archivedDay',
        'refusalReason',
        'redirectTo',
        'pause',
        'transfer',
        'deadline',
      ]);
      Object.assign(next, { status: '办理中', reopenCount: (s.reopenCount ?? 0) + 1 }, newDeadline(s, today, calendar));
      const prefix = wasArchived ? `管理员撤销归档（原归档号 ${s.archiveNumber ?? '无'}），` : '';
      return { next, note: `${prefix}重新办理：${reason}` };
    }

    case '不予受理': {
      const reason = clean(a.reason);
      const redirectTo = clean(a.redirectTo);
      if (!reason) return '请填写不予受理的理由';
      if (!redirectTo) return '请告知居民应到何处办理';
      return {
        next: withoutKeys({ ...s, status: '不予受理', refusalReason: reason, redirectTo }, ['pause']),
        note: `不予受理：${reason}；告知路径：${redirectTo}`,
      };
    }
  }
}

/**
 * Applies one action to a case. Pure: the input state is not modified. Returns the next
 * state, the event to store (its `id` is assigned by the DB layer) and any new tasks, or a
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
  const out = transition(s, action, actor, at, calendar);
  if (typeof out === 'string') return { ok: false, reason: out };
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
  return { ok: true, next, event, ...(out.tasks ? { tasks: out.tasks } : {}) };
}
