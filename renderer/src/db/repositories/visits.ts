/**
 * Registering a visit at the counter (来访登记) and the cases it starts (受理).
 *
 * Invariants:
 * - One transaction writes the visit, every case, their first events, proxy tasks and the
 *   daily tracking-number counter: a crash leaves either all of it or none.
 * - Tracking numbers are allocated from the `counters` row INSIDE that transaction. IndexedDB
 *   serialises read-write transactions on the same store, so two windows (or tabs) accepting
 *   at the same moment read and bump the counter one after the other: never the same number.
 * - 首问责任人 (`firstContactId`) is the signed-in staff member, set here and never changed.
 */
import type { MatterTypeDef } from '@shared/domain/catalog';
import { planCase, validateDraft, type CaseDraft, type CasePlan, type DraftErrors } from '@shared/domain/intake';
import { validatePhone } from '@shared/domain/phone';
import type { Agent, CaseRecord, Visit, VisitChannel, VisitKind } from '@shared/domain/records';
import { VISIT_CHANNELS } from '@shared/domain/records';
import { counterKeyFor, formatTrackingNumber, nextSeq } from '@shared/domain/trackingNumber';
import type { WorkingCalendar } from '@shared/domain/workingCalendar';
import { withIndexes } from '@shared/domain/caseIndex';
import type { DutyDeskDB } from '../database';
import { DomainRefusal, writeTx } from '../write';

export type VisitInput = {
  residentId?: string;
  channel: VisitChannel;
  agent?: Agent;
  content: string;
  kind: VisitKind;
  cases: CaseDraft[];
};

export type VisitContext = {
  staffId: string;
  now: number;
  today: string;
  communityCode: string;
  calendar: WorkingCalendar;
  newId: () => string;
};

export type VisitFieldErrors = Partial<
  Record<'resident' | 'channel' | 'content' | 'agentName' | 'agentRelation' | 'agentPhone' | 'cases', string>
> & {
  caseErrors?: DraftErrors[];
};

/** Thrown when the input cannot be saved; carries every field's message. */
export class VisitValidationError extends DomainRefusal {
  readonly errors: VisitFieldErrors;
  constructor(errors: VisitFieldErrors) {
    const first = Object.entries(errors).find(([k, v]) => k !== 'caseErrors' && typeof v === 'string');
    super(first ? String(first[1]) : '请检查所填办件信息', first?.[0]);
    this.errors = errors;
  }
}

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

export type RegisteredVisit = { visit: Visit; cases: CaseRecord[]; plans: CasePlan[] };

function caseRecord(
  draft: CaseDraft,
  plan: CasePlan,
  ids: { id: string; trackingNumber: string; visitId: string },
  input: VisitInput,
  ctx: VisitContext,
  gridId: string | undefined,
): CaseRecord {
  const stamp = { createdAt: ctx.now, createdBy: ctx.staffId, updatedAt: ctx.now, updatedBy: ctx.staffId };
  const record: CaseRecord = {
    ...stamp,
    id: ids.id,
    trackingNumber: ids.trackingNumber,
    residentId: input.residentId,
    visitId: ids.visitId,
    matterCode: draft.matter.code,
    matterName: draft.matter.name,
    mode: draft.mode,
    status: plan.status,
    gridId,
    acceptedDay: ctx.today,
    deadline: plan.deadline,
    documentsReceived: draft.received.filter((r) => draft.matter.documents.some((d) => d.name === r)),
    documentsMissing: plan.missing.map((m) => m.name),
    firstContactId: ctx.staffId,
    handlerId: ctx.staffId,
    timeLimitDays: draft.matter.timeLimitDays,
  };
  // Waiting for documents: the clock has not started; it starts when they are complete.
  if (plan.status === '待补正') record.pause = { from: ctx.today, resumeTo: '已受理' };
  if (plan.status === '已办结') record.completedDay = ctx.today;
  if (plan.uncoveredYears.length > 0) record.deadlineUncoveredYears = plan.uncoveredYears;
  if (draft.mode === '预约') record.appointmentAt = draft.appointmentAt;
  if (draft.mode === '不予受理') {
    record.refusalReason = draft.refusalReason?.trim();
    record.redirectTo = draft.redirectTo?.trim();
  }
  if (plan.status === '已办结') record.result = '当场办结';
  if (input.agent) record.agent = input.agent;
  return withIndexes(record);
}

/**
 * Saves the visit and its cases; returns them with the plan (receipts to print) of each case.
 * @throws VisitValidationError on bad input (nothing written), StorageError on a storage failure.
 */
export async function registerVisit(db: DutyDeskDB, input: VisitInput, ctx: VisitContext): Promise<RegisteredVisit> {
  const errors = validateVisit(input, ctx.today);
  if (Object.keys(errors).length > 0) throw new VisitValidationError(errors);
  const drafts = input.kind === '办件' ? input.cases : [];
  const visitId = ctx.newId();
  const caseIds = drafts.map(() => ctx.newId());
  const tables = [db.visits, db.cases, db.caseEvents, db.counters, db.proxyTasks, db.residents, db.matterTypes];

  return writeTx(db, { staffId: ctx.staffId, now: ctx.now }, tables, async ({ audit }) => {
    const resident = input.residentId ? await db.residents.get(input.residentId) : undefined;
    if (input.residentId && !resident) throw new DomainRefusal('该居民记录已不存在，请重新查找', 'resident');
    // Plan from the catalog as it is NOW (an admin may have edited it while the form was open).
    const cases: CaseDraft[] = [];
    for (const d of drafts) {
      const current = await db.matterTypes.get(d.matter.code);
      if (!current?.active) throw new DomainRefusal(`事项「${d.matter.name}」已停用，不能受理`, 'cases');
      cases.push({ ...d, matter: current });
    }
    const plans = cases.map((d) => planCase(d, ctx.today, ctx.calendar));
    const visit: Visit = {
      id: visitId,
      residentId: input.residentId,
      day: ctx.today,
      visitedAt: ctx.now,
      channel: input.channel,
      firstContactId: ctx.staffId,
      content: input.content.trim() || cases.map((c) => c.matter.name).join('、'),
      kind: input.kind,
      caseIds,
      createdAt: ctx.now,
      createdBy: ctx.staffId,
      updatedAt: ctx.now,
      updatedBy: ctx.staffId,
    };
    if (input.agent) visit.agent = input.agent;
    await db.visits.add(visit);
    await audit({
      action: 'visit.create',
      entity: 'visit',
      entityId: visitId,
      detail: `${input.channel}/${input.kind}`,
    });

    const key = counterKeyFor(ctx.communityCode, ctx.today);
    const saved: CaseRecord[] = [];
    for (const [i, draft] of cases.entries()) {
      const plan = plans[i] as CasePlan;
      const counter = await db.counters.get(key);
      const seq = nextSeq(counter?.value);
      await db.counters.put({ key, value: seq });
      const trackingNumber = formatTrackingNumber({ communityCode: ctx.communityCode, date: ctx.today, seq });
      const record = caseRecord(
        draft,
        plan,
        { id: caseIds[i] as string, trackingNumber, visitId },
        input,
        ctx,
        resident?.gridId,
      );
      await db.cases.add(record);
      await db.caseEvents.add({
        id: ctx.newId(),
        caseId: record.id,
        n: 1,
        at: ctx.now,
        by: ctx.staffId,
        action: plan.status === '不予受理' ? '不予受理' : '受理',
        to: record.status,
        note: draft.mode,
      });
      if (draft.mode === '帮代办' && input.residentId) {
        await db.proxyTasks.add({
          id: ctx.newId(),
          caseId: record.id,
          residentId: input.residentId,
          status: '待上门',
          createdAt: ctx.now,
          createdBy: ctx.staffId,
          updatedAt: ctx.now,
          updatedBy: ctx.staffId,
        });
      }
      await audit({
        action: 'case.accept',
        entity: 'case',
        entityId: record.id,
        detail: `${record.matterCode}/${record.mode}/${record.status}`,
      });
      saved.push(record);
    }
    return { visit, cases: saved, plans };
  });
}

export type RegisterRow = { visit: Visit; cases: CaseRecord[] };

/** Every visit of one day with its cases, newest first (今日来访台账). */
export async function visitsOfDay(db: DutyDeskDB, day: string): Promise<RegisterRow[]> {
  const visits = await db.visits.where('day').equals(day).reverse().sortBy('visitedAt');
  const caseIds = visits.flatMap((v) => v.caseIds);
  const cases = (await db.cases.bulkGet(caseIds)).filter((c): c is CaseRecord => c !== undefined);
  const byId = new Map(cases.map((c) => [c.id, c]));
  return visits.map((visit) => ({
    visit,
    cases: visit.caseIds.map((id) => byId.get(id)).filter((c): c is CaseRecord => c !== undefined),
  }));
}

export async function visitsOfResident(db: DutyDeskDB, residentId: string): Promise<Visit[]> {
  return (await db.visits.where('residentId').equals(residentId).sortBy('visitedAt')).reverse();
}

export async function casesOfResident(db: DutyDeskDB, residentId: string): Promise<CaseRecord[]> {
  return (await db.cases.where('residentId').equals(residentId).sortBy('createdAt')).reverse();
}

export async function getCase(db: DutyDeskDB, id: string): Promise<CaseRecord | undefined> {
  return db.cases.get(id);
}

/** The catalog entry a case was accepted under (for reprinting its documents list). */
export async function matterOfCase(db: DutyDeskDB, c: CaseRecord): Promise<MatterTypeDef | undefined> {
  return db.matterTypes.get(c.matterCode);
}
