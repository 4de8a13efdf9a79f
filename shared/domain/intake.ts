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
 */
import type { MatterDocument, MatterTypeDef } from './catalog';
import { validatePhone } from './phone';
import {
  VISIT_CHANNELS,
  type Agent,
  type CaseStatus,
  type ServiceMode,
  type VisitChannel,
  type VisitKind,
} from './records';
import type { WorkingCalendar } from './workingCalendar';
import { isValidLocalDate } from './localDate';
import { receiptKindsFor, type ReceiptKindForCase } from './receiptKinds';

/** The modes a clerk can choose at the counter for a case. */
export const COUNTER_MODES = ['即办', '承诺件', '预约', '帮代办', '不予受理'] as const satisfies readonly ServiceMode[];
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
};

export type CasePlan = {
  status: CaseStatus;
  deadline?: string;
  /** Years the deadline passed through that the holiday calendar does not cover. */
  uncoveredYears: number[];
  missing: MatterDocument[];
  receipts: ReceiptKindForCase[];
};

export type DraftErrors = Partial<Record<'matter' | 'mode' | 'appointmentAt' | 'refusalReason' | 'redirectTo', string>>;

/** The default counter mode for a catalog entry. */
export function defaultCounterMode(matter: MatterTypeDef): CounterMode {
  if (matter.defaultMode === '即办') return '即办';
  if (matter.defaultMode === '预约') return '预约';
  return '承诺件';
}

/** Chinese messages for what the clerk must still fill in; empty when the draft can be saved. */
export function validateDraft(d: CaseDraft, today: string): DraftErrors {
  const errors: DraftErrors = {};
  if (d.mode === '帮代办' && !d.matter.proxyEligible) errors.mode = '该事项不在帮代办范围内';
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
    if (!d.refusalReason?.trim()) errors.refusalReason = '请填写不予受理的理由';
    if (!d.redirectTo?.trim()) errors.redirectTo = '请告知居民应到何处办理';
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
  });
  return { ...plan, receipts };
}

function planStatus(d: CaseDraft, today: string, calendar: WorkingCalendar): Omit<CasePlan, 'receipts'> {
  if (d.mode === '不予受理') return { status: '不予受理', uncoveredYears: [], missing: [] };
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
};

/** Chinese messages per field of the form; `caseErrors` per matter. */
export type VisitFieldErrors = Partial<
  Record<'resident' | 'channel' | 'content' | 'agentName' | 'agentRelation' | 'agentPhone' | 'cases', string>
> & {
  caseErrors?: DraftErrors[];
};

/** Every problem of a registration, at its field; empty when it can be saved. */
export function validateVisit(input: VisitInput, today: string): VisitFieldErrors {
  const e: VisitFieldErrors = {};
  if (!VISIT_CHANNELS.includes(input.channel)) e.channel = '请选择来访方式';
  if (input.kind === '办件' && !input.residentId) e.resident = '办件须先选定居民（查找或登记）';
  if (input.kind !== '办件' && !input.content.trim()) e.content = '请填写诉求内容';
  if (input.content.length > 2000) e.content = '诉求内容不超过 2000 字';
  if (input.agent) {
    if (!input.agent.name.trim()) e.agentName = '请填写代办人姓名';
    if (!input.agent.relation.trim()) e.agentRelation = '请填写代办人与居民的关系';
    if (input.agent.phone) {
      const p = validatePhone(input.agent.phone);
      if (!p.ok) e.agentPhone = p.message;
    }
  }
  if (input.kind === '办件') {
    if (input.cases.length === 0) e.cases = '请至少选择一个事项';
    const caseErrors = input.cases.map((c) => validateDraft(c, today));
    if (caseErrors.some((c) => Object.keys(c).length > 0)) e.caseErrors = caseErrors;
  }
  return e;
}
