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
import type { CaseStatus, ServiceMode } from './records';
import type { WorkingCalendar } from './workingCalendar';
import { isValidLocalDate } from './localDate';

/** The modes a clerk can choose at the counter for a case. */
export const COUNTER_MODES = ['即办', '承诺件', '预约', '帮代办', '不予受理'] as const satisfies readonly ServiceMode[];
export type CounterMode = (typeof COUNTER_MODES)[number];

export type ReceiptKindForCase = '受理回执' | '办结回执' | '一次性告知单' | '不予受理告知书';

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
  if (d.mode === '不予受理')
    return { status: '不予受理', uncoveredYears: [], missing: [], receipts: ['不予受理告知书'] };
  const missing = missingDocuments(d.matter, d.received);
  if (missing.length > 0 && d.mode !== '帮代办')
    return { status: '待补正', uncoveredYears: [], missing, receipts: ['一次性告知单'] };
  if (d.mode === '即办') return { status: '已办结', uncoveredYears: [], missing, receipts: ['办结回执'] };
  const from = d.mode === '预约' && d.appointmentAt ? d.appointmentAt.slice(0, 10) : today;
  const { date, uncoveredYears } = calendar.addWorkingDays(from, d.matter.timeLimitDays);
  return { status: '已受理', deadline: date, uncoveredYears, missing, receipts: ['受理回执'] };
}
