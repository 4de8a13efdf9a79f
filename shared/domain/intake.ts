/**
 * What happens to a matter accepted at the counter (受理): its status, its promised date and
 * the paper the resident takes home — decided from the catalog entry, the chosen 办理方式 and
 * the documents the clerk ticked. Pure: the calendar and the day are passed in.
 *
 * Rules (brief §5, §6; seed 000 限时办结制):
 * - Any REQUIRED document missing → the case waits for it (待补正) and a 一次性告知单 lists every
 *   missing document at once. The promised date is set when the documents are complete.
 *   Except 帮代办: the resident cannot come, staff collect the documents at home, so the case
 *   is accepted with its promised date and the missing documents are the ones to collect.
 * - 即办 with everything → 已办结 on the spot, 办结回执.
 * - 承诺件 / 帮代办 → 已受理, promised date = N working days after today (catalog limit).
 * - 预约 → 已受理 with the appointment; the promised date counts from the appointment day.
 * - 不予受理 → refused, with a reason and where to go instead (告知路径).
 * - 咨询 (consultation matters only) → answered on the spot (当场答复: closed at once, nothing
 *   to print), or not (未能当场答复: closed with a callback — the reply — due within the matter's
 *   答复时限, listed in 待回访, and a 受理回执 with that date). Never a 0-day 承诺件.
 */
import type { MatterDocument, MatterTypeDef } from './catalog';
import { validateIdNumber } from './idNumber';
import { validatePhone } from './phone';
import {
  PROBLEM_CATEGORIES,
  VISIT_CHANNELS,
  type Agent,
  type ProblemCategory,
  type CaseRecord,
  type Stamp,
  type CaseStatus,
  type ServiceMode,
  type VisitChannel,
  type VisitKind,
} from './records';
import type { WorkingCalendar } from './workingCalendar';
import { isValidLocalDate } from './localDate';
import { charCount } from './textLength';
import { receiptKindsFor, type ReceiptKindForCase } from './receiptKinds';

/** The modes a clerk can choose at the counter for a case. */
export const COUNTER_MODES = [
  '即办',
  '承诺件',
  '预约',
  '帮代办',
  '咨询',
  '不予受理',
] as const satisfies readonly ServiceMode[];
export type CounterMode = (typeof COUNTER_MODES)[number];

export type CaseDraft = {
  matter: MatterTypeDef;
  mode: CounterMode;
  /** Names of the documents the clerk ticked as received. */
  received: string[];
  /** 'YYYY-MM-DDTHH:mm' for 预约. */
  appointmentAt?: string;
  refusalReason?: string;
  redirectTo?: string;
  /** 咨询: answered on the spot (true) or to be answered within the reply limit (false). */
  answered?: boolean;
};

export type CasePlan = {
  status: CaseStatus;
  deadline?: string;
  /** Years the deadline passed through that the holiday calendar does not cover. */
  uncoveredYears: number[];
  missing: MatterDocument[];
  receipts: ReceiptKindForCase[];
  /** 咨询 not answered on the spot: the day the reply is due (the callback's due day). */
  replyBy?: string;
};

export type DraftErrors = Partial<
  Record<'matter' | 'mode' | 'appointmentAt' | 'refusalReason' | 'redirectTo' | 'answered', string>
>;

/** Limits of the registration's free text, in characters (code points: an emoji is one). */
export const TEXT_LIMITS = {
  content: 2000,
  place: 60,
  agentName: 30,
  agentRelation: 10,
  refusalReason: 500,
  redirectTo: 200,
} as const;

/** The default counter mode for a catalog entry. */
export function defaultCounterMode(matter: MatterTypeDef): CounterMode {
  if (matter.defaultMode === '即办') return '即办';
  if (matter.defaultMode === '预约') return '预约';
  if (matter.defaultMode === '咨询') return '咨询';
  return '承诺件';
}

/** Chinese messages for what the clerk must still fill in; empty when the draft can be saved. */
export function validateDraft(d: CaseDraft, today: string): DraftErrors {
  const errors: DraftErrors = {};
  if (d.mode === '帮代办' && !d.matter.proxyEligible) errors.mode = '该事项不在帮代办范围内';
  const consultation = d.matter.defaultMode === '咨询';
  if (consultation && d.mode !== '咨询' && d.mode !== '不予受理') {
    errors.mode = '咨询事项请按「咨询」办理：当场答复，或约定答复时限';
  }
  if (!consultation && d.mode === '咨询') errors.mode = '该事项不是咨询事项，请选择其他办理方式';
  if (d.mode === '咨询' && consultation && typeof d.answered !== 'boolean') errors.answered = '请选择是否当场答复';
  if (d.mode === '即办' && d.matter.timeLimitDays > 0 && d.matter.remit !== '社区办理') {
    errors.mode = `该事项需${d.matter.remit}，不能即办，请选择承诺件`;
  }
  if (d.mode === '预约') {
    const day = d.appointmentAt?.slice(0, 10) ?? '';
    if (!d.appointmentAt || !isValidLocalDate(day) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(d.appointmentAt)) {
      errors.appointmentAt = '请填写预约日期和时间';
    } else if (day < today) errors.appointmentAt = '预约日期不能早于今天';
  }
  if (d.mode === '不予受理') {
    const reason = d.refusalReason?.trim() ?? '';
    const redirect = d.redirectTo?.trim() ?? '';
    if (!reason) errors.refusalReason = '请填写不予受理的理由';
    else if (charCount(reason) > TEXT_LIMITS.refusalReason)
      errors.refusalReason = `不予受理的理由不超过 ${TEXT_LIMITS.refusalReason} 字`;
    if (!redirect) errors.redirectTo = '请告知居民应到何处办理';
    else if (charCount(redirect) > TEXT_LIMITS.redirectTo)
      errors.redirectTo = `办理途径不超过 ${TEXT_LIMITS.redirectTo} 字`;
  }
  return errors;
}

export function missingDocuments(matter: MatterTypeDef, received: readonly string[]): MatterDocument[] {
  return matter.documents.filter((doc) => doc.required && !received.includes(doc.name));
}

/** Decides status, promised date and receipts for a valid draft accepted on `today`. */
export function planCase(d: CaseDraft, today: string, calendar: WorkingCalendar): CasePlan {
  const plan = planStatus(d, today, calendar);
  const receipts = receiptKindsFor({
    status: plan.status,
    mode: d.mode,
    documentsMissing: plan.missing.map((m) => m.name),
    replyPending: plan.replyBy !== undefined,
  });
  return { ...plan, receipts };
}

function planStatus(d: CaseDraft, today: string, calendar: WorkingCalendar): Omit<CasePlan, 'receipts'> {
  if (d.mode === '不予受理') return { status: '不予受理', uncoveredYears: [], missing: [] };
  if (d.mode === '咨询') {
    if (d.answered) return { status: '已办结', uncoveredYears: [], missing: [] };
    const reply = calendar.addWorkingDays(today, d.matter.replyLimitDays ?? 1);
    return {
      status: '已办结',
      uncoveredYears: reply.uncoveredYears,
      missing: [],
      replyBy: reply.date,
      deadline: reply.date,
    };
  }
  const missing = missingDocuments(d.matter, d.received);
  if (missing.length > 0 && d.mode !== '帮代办') return { status: '待补正', uncoveredYears: [], missing };
  if (d.mode === '即办') return { status: '已办结', uncoveredYears: [], missing };
  const from = d.mode === '预约' && d.appointmentAt ? d.appointmentAt.slice(0, 10) : today;
  const { date, uncoveredYears } = calendar.addWorkingDays(from, d.matter.timeLimitDays);
  return { status: '已受理', deadline: date, uncoveredYears, missing };
}

/** What the 来访登记 form hands over: who came, how, what for, and the matters to accept. */
export type VisitInput = {
  residentId?: string;
  channel: VisitChannel;
  agent?: Agent;
  content: string;
  kind: VisitKind;
  cases: CaseDraft[];
  /** A 诉求: its problem category and, without a resident, where it is (a place or a 网格). */
  complaint?: ComplaintInput;
};

export type ComplaintInput = { category: ProblemCategory | ''; place?: string; gridId?: string };

/** Chinese messages per field of the form; `caseErrors` per matter. */
export type VisitFieldErrors = Partial<
  Record<
    | 'resident'
    | 'channel'
    | 'content'
    | 'agentName'
    | 'agentRelation'
    | 'agentPhone'
    | 'agentIdNumber'
    | 'cases'
    | 'complaintCategory'
    | 'place',
    string
  >
> & {
  caseErrors?: DraftErrors[];
};

/** Every problem of a registration, at its field; empty when it can be saved. */
export function validateVisit(input: VisitInput, today: string): VisitFieldErrors {
  const e: VisitFieldErrors = {};
  if (!VISIT_CHANNELS.includes(input.channel)) e.channel = '请选择来访方式';
  if (input.kind === '办件' && !input.residentId) e.resident = '办件须先选定居民（查找或登记）';
  if (input.kind !== '办件' && !input.content.trim()) e.content = '请填写诉求内容';
  if (charCount(input.content.trim()) > TEXT_LIMITS.content) e.content = `诉求内容不超过 ${TEXT_LIMITS.content} 字`;
  if (input.agent) {
    const name = input.agent.name.trim();
    const relation = input.agent.relation.trim();
    if (!name) e.agentName = '请填写代办人姓名';
    else if (charCount(name) > TEXT_LIMITS.agentName) e.agentName = `代办人姓名不超过 ${TEXT_LIMITS.agentName} 个字`;
    // A number in the name is a phone or ID typed in the wrong box: the receipt prints the name unmasked.
    else if (/\p{N}/u.test(name)) e.agentName = '代办人姓名中不能包含数字，电话和证件号请填在对应栏目';
    if (!relation) e.agentRelation = '请填写代办人与居民的关系';
    else if (charCount(relation) > TEXT_LIMITS.agentRelation)
      e.agentRelation = `与居民关系不超过 ${TEXT_LIMITS.agentRelation} 个字（如：子女、邻居）`;
    if (input.agent.idNumber) {
      const id = validateIdNumber(input.agent.idNumber, { today });
      if (!id.ok) e.agentIdNumber = id.message;
    }
    if (input.agent.phone) {
      const p = validatePhone(input.agent.phone);
      if (!p.ok) e.agentPhone = p.message;
    }
  }
  if (input.kind === '诉求') {
    const c = input.complaint;
    if (!c || !(PROBLEM_CATEGORIES as readonly string[]).includes(c.category)) e.complaintCategory = '请选择问题类别';
    if (charCount(c?.place?.trim() ?? '') > TEXT_LIMITS.place) e.place = `地点不超过 ${TEXT_LIMITS.place} 个字`;
    else if (!input.residentId && !c?.place?.trim() && !c?.gridId) e.place = '没有反映人的诉求，请写明地点或选择网格';
  }
  if (input.kind === '办件') {
    if (input.cases.length === 0) e.cases = '请至少选择一个事项';
    const caseErrors = input.cases.map((c) => validateDraft(c, today));
    if (caseErrors.some((c) => Object.keys(c).length > 0)) e.caseErrors = caseErrors;
  }
  return e;
}

/** The agent as stored: trimmed, the ID number in its normal form (NFKC, upper-case X). */
export function normalizeAgent(agent: Agent, today: string): Agent {
  const out: Agent = { name: agent.name.trim(), relation: agent.relation.trim() };
  if (agent.phone?.trim()) out.phone = agent.phone.trim();
  const id = agent.idNumber?.trim() ? validateIdNumber(agent.idNumber, { today }) : null;
  if (id?.ok) out.idNumber = id.value;
  return out;
}

/** Who accepted it and on which day. */
export type Acceptance = { staffId: string; today: string };

/**
 * The case record as accepted at the counter (before its stamps): status, promised date,
 * pause, consultation callback, refusal and agent as the plan and the draft decide.
 */
export function acceptedCaseRecord(
  draft: CaseDraft,
  plan: CasePlan,
  ids: { id: string; trackingNumber: string; visitId: string },
  input: VisitInput,
  at: Acceptance,
  gridId: string | undefined,
): Omit<CaseRecord, keyof Stamp> {
  const record: Omit<CaseRecord, keyof Stamp> = {
    id: ids.id,
    trackingNumber: ids.trackingNumber,
    residentId: input.residentId,
    visitId: ids.visitId,
    matterCode: draft.matter.code,
    matterName: draft.matter.name,
    mode: draft.mode,
    status: plan.status,
    gridId,
    acceptedDay: at.today,
    deadline: plan.deadline,
    documentsReceived: draft.received.filter((r) => draft.matter.documents.some((d) => d.name === r)),
    documentsMissing: plan.missing.map((m) => m.name),
    firstContactId: at.staffId,
    handlerId: at.staffId,
    timeLimitDays: draft.matter.timeLimitDays,
  };
  // Waiting for documents: the clock has not started; it starts when they are complete.
  if (plan.status === '待补正') record.pause = { from: at.today, resumeTo: '已受理' };
  if (plan.status === '已办结') record.completedDay = at.today;
  if (plan.uncoveredYears.length > 0) record.deadlineUncoveredYears = plan.uncoveredYears;
  if (draft.mode === '预约') record.appointmentAt = draft.appointmentAt;
  if (draft.mode === '不予受理') {
    record.refusalReason = draft.refusalReason?.trim();
    record.redirectTo = draft.redirectTo?.trim();
  }
  if (plan.status === '已办结') record.result = '当场办结';
  if (draft.mode === '咨询') {
    record.result = plan.replyBy ? `未能当场答复，${plan.replyBy} 前答复` : '当场答复';
    // The reply to give is a callback: listed in 待回访, due by the matter's 答复时限.
    if (plan.replyBy)
      record.callback = { status: '待回访', createdDay: at.today, failedAttempts: 0, dueDay: plan.replyBy };
  }
  if (input.agent) record.agent = input.agent;
  return record;
}
