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
import {
  defaultCounterMode,
  normalizeAgent,
  planCase,
  validateVisit,
  type CaseDraft,
  type CasePlan,
  type ComplaintInput,
  type VisitFieldErrors,
  type VisitInput,
} from '@shared/domain/intake';
import type { CaseRecord, ProblemCategory, Resident, Visit } from '@shared/domain/records';
import { MATTER_OF_CATEGORY, problemDetailOf, problemTitleOf } from '@shared/domain/meetings';
import type { Desk, DeskBase } from '../desk';
import type { MatterType } from '../matterType';
import { DomainRefusal } from '../refusal';
import { writeTx, type Unstamped, type WriteTx } from '../write';
import { proxySourceOfChannel } from '@shared/domain/proxy';
import { changeProxy, openProxy, type ProxyTx } from './changeProxy';
import { openProblem, type ProblemTx } from './changeProblem';
import { acceptCase } from './caseAcceptance';
import { residentsByIds, resolveResident } from './residents';

/** Thrown when the input cannot be saved; carries every field's message. */
export class VisitValidationError extends DomainRefusal {
  readonly errors: VisitFieldErrors;
  constructor(errors: VisitFieldErrors) {
    const first = Object.entries(errors).find(([k, v]) => k !== 'caseErrors' && typeof v === 'string');
    super(first ? String(first[1]) : '请检查所填办件信息', first?.[0]);
    this.errors = errors;
  }
}

/**
 * What the write stored, for the result and the receipts: the visit and its cases as stored, the
 * plan of each case, and the resident as the transaction read it (not the form's copy, which
 * may be older than a change made meanwhile in another window).
 */
export type RegisteredVisit = { visit: Visit; cases: CaseRecord[]; plans: CasePlan[]; resident?: Resident };

/**
 * Saves the visit and its cases, received by the desk's actor today; returns what it stored
 * (RegisteredVisit) with the plan (receipts to print) of each case.
 * @throws VisitValidationError on bad input (nothing written), StorageError on a storage failure.
 */
export async function registerVisit(
  desk: Desk,
  input: VisitInput,
  options: { proxyTaskId?: string } = {},
): Promise<RegisteredVisit> {
  const checked = checkedVisit(desk, input);
  return writeTx(desk, VISIT_TABLES, (tx) => registerVisitIn(desk, tx, checked, options));
}

/** The tables `registerVisitIn` writes (a caller's transaction lists them too). */
export const VISIT_TABLES = [
  'visits',
  'cases',
  'caseEvents',
  'counters',
  'proxyTasks',
  'proxyEvents',
  'residents',
  'matterTypes',
  'problems',
  'problemEvents',
] as const;

/**
 * The visit as registerVisit saves it: every field's message thrown (VisitValidationError,
 * nothing written), the agent normalised.
 */
export function checkedVisit(desk: Desk, input: VisitInput): VisitInput {
  const errors = validateVisit(input, desk.clock.today());
  if (Object.keys(errors).length > 0) throw new VisitValidationError(errors);
  return input.agent ? { ...input, agent: normalizeAgent(input.agent, desk.clock.today()) } : input;
}

/**
 * registerVisit's write, inside the caller's transaction (a 走访 entry's registered visit,
 * homeVisits.ts): `input` as `checkedVisit` returned it.
 */
export async function registerVisitIn(
  desk: Desk,
  tx: WriteTx<(typeof VISIT_TABLES)[number]>,
  input: VisitInput,
  options: { proxyTaskId?: string } = {},
): Promise<RegisteredVisit> {
  const drafts = input.kind === '办件' ? input.cases : [];
  const complaint = input.kind === '诉求' ? input.complaint : undefined;
  const visitId = desk.newId();
  const caseIds = [...drafts, ...(complaint ? [complaint] : [])].map(() => desk.newId());
  const problemId = complaint ? desk.newId() : '';
  const staffId = desk.actor.id;
  // A resident merged away in the meantime: the visit goes to the kept record (resolveResident).
  const resident = input.residentId ? await resolveResident(tx, input.residentId) : undefined;
  if (input.residentId && !resident) throw new DomainRefusal('该居民记录已不存在，请重新查找', 'resident');
  if (resident) input = { ...input, residentId: resident.id };
  // Plan from the catalog as it is NOW (an admin may have edited it while the form was open).
  const cases: (CaseDraft & { matter: MatterType })[] = [];
  for (const d of drafts) {
    const current = await tx.matterTypes.get(d.matter.code);
    if (!current?.active) throw new DomainRefusal(`事项「${d.matter.name}」已停用，不能受理`, 'cases');
    cases.push({ ...d, matter: current });
  }
  // A 诉求 is a case of its category's 投诉建议 matter (one path: numbered, timed, in 办件 and the pool).
  if (complaint) {
    const code = MATTER_OF_CATEGORY[complaint.category as ProblemCategory];
    const matter = await tx.matterTypes.get(code);
    if (!matter?.active)
      throw new DomainRefusal(`投诉建议事项（${code}）已停用，请管理员在事项目录中启用`, 'complaintCategory');
    cases.push({ matter, mode: defaultCounterMode(matter), received: [] });
  }
  const plans = cases.map((d) => planCase(d, tx.today, desk.calendar));
  const newVisit: Unstamped<Visit> = {
    id: visitId,
    residentId: input.residentId,
    day: tx.today,
    visitedAt: tx.now,
    channel: input.channel,
    firstContactId: staffId,
    content: input.content.trim() || cases.map((c) => c.matter.name).join('、'),
    kind: input.kind,
    caseIds,
  };
  if (input.agent) newVisit.agent = input.agent;
  const visit = await tx.visits.add(newVisit);
  await tx.audit({
    action: 'visit.create',
    entity: 'visit',
    entityId: visitId,
    detail: `${input.channel}/${input.kind}`,
  });

  const saved: CaseRecord[] = [];
  for (const [i, draft] of cases.entries()) {
    const record = await acceptCase(desk, tx, {
      draft,
      plan: plans[i] as CasePlan,
      id: caseIds[i] as string,
      visitId,
      input,
      gridId: resident?.gridId ?? complaint?.gridId,
    });
    if (draft.mode === '帮代办' && input.residentId) await addProxyTask(desk, tx, record, input, options.proxyTaskId);
    saved.push(record);
  }
  if (complaint && saved[0]) await addComplaintProblem(desk, tx, problemId, saved[0], input, complaint);
  return { visit, cases: saved, plans, ...(resident ? { resident } : {}) };
}

/** The 诉求's problem in the pool (问题库), linked to its case, opened through the problem's door. */
async function addComplaintProblem(
  desk: Desk,
  tx: ProblemTx,
  id: string,
  record: CaseRecord,
  input: VisitInput,
  complaint: ComplaintInput,
): Promise<void> {
  const place = complaint.place?.trim();
  const gridId = record.gridId ?? complaint.gridId;
  const detail = problemDetailOf(input.content);
  await openProblem(desk, tx, {
    id,
    title: problemTitleOf(input.content) || record.matterName,
    ...(detail ? { detail } : {}),
    category: complaint.category as ProblemCategory,
    ...(gridId ? { gridId } : {}),
    ...(place ? { place } : {}),
    raisedDay: tx.today,
    status: '待研究',
    caseId: record.id,
    sources: [
      {
        kind: '窗口诉求',
        day: tx.today,
        caseId: record.id,
        by: record.firstContactId,
        ...(record.visitId ? { visitId: record.visitId } : {}),
        ...(record.residentId ? { residentId: record.residentId } : {}),
      },
    ],
    decisions: [],
  });
  await tx.audit({
    action: 'problem.add',
    entity: 'problem',
    entityId: id,
    detail: `窗口诉求/${record.trackingNumber}`,
  });
}

/** The proxy request of a 帮代办 case: a new one, or the 待确认 request (a call, a home visit) it accepts. */
async function addProxyTask(
  desk: Desk,
  tx: ProxyTx,
  record: CaseRecord,
  input: VisitInput,
  pendingId: string | undefined,
): Promise<void> {
  if (!pendingId) {
    await openProxy(desk, tx, {
      id: desk.newId(),
      caseId: record.id,
      residentId: record.residentId ?? '',
      source: proxySourceOfChannel(input.channel),
      status: '待上门',
      request: record.matterName,
      requestedDay: tx.today,
    });
    return;
  }
  const task = await tx.proxyTasks.get(pendingId);
  if (!task || task.residentId !== record.residentId) throw new DomainRefusal('未找到这条代办需求');
  await changeProxy(desk, tx, task, { type: '受理', caseId: record.id }, { originalsOut: [], case: record });
}

export type RegisterRow = { visit: Visit; cases: CaseRecord[] };

/** Every visit of one day with its cases, newest first (今日来访台账). */
export async function visitsOfDay(desk: DeskBase, day: string): Promise<RegisterRow[]> {
  const { db } = desk;
  const visits = await db.visits.where('day').equals(day).reverse().sortBy('visitedAt');
  const caseIds = visits.flatMap((v) => v.caseIds);
  const cases = (await db.cases.bulkGet(caseIds)).filter((c): c is CaseRecord => c !== undefined);
  const byId = new Map(cases.map((c) => [c.id, c]));
  return visits.map((visit) => ({
    visit,
    cases: visit.caseIds.map((id) => byId.get(id)).filter((c): c is CaseRecord => c !== undefined),
  }));
}

/** 今日来访台账: the day's visits with their cases and residents (one read for the residents). */
export async function registerOfDay(
  desk: DeskBase,
  day: string,
): Promise<{ rows: RegisterRow[]; residents: Map<string, Resident> }> {
  const rows = await visitsOfDay(desk, day);
  const residents = await residentsByIds(
    desk,
    rows.flatMap((r) => (r.visit.residentId ? [r.visit.residentId] : [])),
  );
  return { rows, residents };
}

export async function visitsOfResident(desk: DeskBase, residentId: string): Promise<Visit[]> {
  return (await desk.db.visits.where('residentId').equals(residentId).sortBy('visitedAt')).reverse();
}

export async function casesOfResident(desk: DeskBase, residentId: string): Promise<CaseRecord[]> {
  return (await desk.db.cases.where('residentId').equals(residentId).sortBy('createdAt')).reverse();
}

export async function getVisit(desk: DeskBase, id: string): Promise<Visit | undefined> {
  return desk.db.visits.get(id);
}
