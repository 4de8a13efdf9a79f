/**
 * One case's life, played through the app's own rules: accepted at the counter with
 * `planCase` + `acceptedCaseRecord` (shared/domain/intake), then carried on with the case
 * machine's `applyAction` on later working days — 补正, 开始办理, 转办 and 签收 or 退回, 上报街道
 * with 报到 / 反馈 / 核实结项, 办结 (some late), 回访 (some unanswered first), 好差评, 整改 with
 * 回访 and 复核 (some failing first), 归档 with its yearly number, rarely 重新办理. Nothing
 * happens after `today`, so recent cases stop part-way, and a few stall (for weeks, some for good): every status
 * appears. An action the
 * machine refuses is left out, so the record is always one the app could have produced.
 * A 帮代办 case may be cut short by its request's cancellation (取消): the case ends as the app's
 * 取消 ends it, through 不予受理, in the same instant (proxy.ts writes the request's side).
 * 联席会议 (meetings.ts): at each meeting while the case lives (and after, while it may still
 * come up), the meeting hook sees the case as it is then; a decision that acts on the case
 * (社区处置 → 会议交办, 上报街道) is applied through the machine at the meeting and the case goes on
 * from there (a case at rest for good stays so). A case a meeting accepts for a problem starts with
 * that action. Each life draws from its own stream (one draw of the desk's seeds it), so a life
 * that goes differently leaves the others as they were.
 */
import {
  applyAction,
  caseStateFromRecord,
  recordWithState,
  type CaseAction,
  type CaseState,
} from '@shared/domain/caseMachine';
import { caseAuditAction } from '@shared/domain/audit';
import { archiveYearOf } from '@shared/domain/caseNumbers';
import { archiveNumberOf } from './numbers';
import type { MatterTypeDef } from '@shared/domain/catalog';
import { acceptedCaseRecord, defaultCounterMode, planCase, validateDraft, type CaseDraft } from '@shared/domain/intake';
import type {
  AuditEntry,
  CaseEvent,
  CaseRecord,
  CaseStatus,
  EventInput,
  ProxyCancelReason,
  Rating,
  Stamp,
} from '@shared/domain/records';
import { OPEN_CASE_STATUSES } from '@shared/domain/records';
import type { WorkingCalendar } from '@shared/domain/workingCalendar';
import { nextClock } from '@shared/domain/events/clock';
import { caseCoreOf, caseDecision } from '@shared/domain/events/caseEvents';
import { chance, int, pick, prng, weighted, type Rand } from './random';

export type Staffing = { adminId: string; clerkIds: readonly string[] };

/** What a desk's history needs besides the random source. */
export type LifeContext = {
  rand: Rand;
  newId: () => string;
  calendar: WorkingCalendar;
  communityCode: string;
  /** The desk that issues the numbers (1 = the first desk of the center). */
  desk: number;
  staff: Staffing;
  /** The generated "now": nothing happens on or after this day. */
  today: string;
  /** Next archive number of each year (mutated). */
  archiveSeq: Map<number, number>;
};

export type CaseLife = {
  record: CaseRecord;
  events: CaseEvent[];
  audit: AuditEntry[];
  /** The instant and the staff member of the 帮代办 cancellation that ended the case, if it did. */
  cancelled?: { at: number; by: string; reason: ProxyCancelReason };
};

/** How long (working days) a stalled open case rests before it goes on. */
const STALL_DAYS = [10, 60] as const;
/** The share of stalled open cases that never go on (the rest go on after `STALL_DAYS`). */
const STALLED_FOR_GOOD = 0.25;

/** A meeting the case may come up at: the instant its agenda is built and its day. */
export type MeetingSlot = { at: number; day: string };

/** What a case's life asks the meetings (bench/data/meetings.ts). */
export type MeetingHook = {
  /** The first meeting whose agenda is built after `t` (ms), if any. */
  nextAfter(t: number): MeetingSlot | undefined;
  /**
   * The case at that meeting, as it is then: the action the meeting's decision takes on the
   * case (会议交办, 上报街道) and its instant, or null.
   */
  at(slot: MeetingSlot, state: CaseState, record: CaseRecord): { action: CaseAction; at: number } | null;
  /** Whether the case, resting as it is, can come up at a meeting again. */
  done(state: CaseState): boolean;
};

/** How a case begins when not at the counter: a meeting accepts it and acts on it at once. */
export type CaseStart = { instant: number; note: string; action: CaseAction };

/** A 帮代办 request the resident withdraws on `day` (if the case can still be ended then). */
export type CancelPlan = { day: string; reason: ProxyCancelReason };
/**
 * What a 帮代办 request does to its case's life: its cancellation ends the case; a recent one
 * may still wait (the street office has the documents): no 办结 yet.
 */
export type ProxyPlan = { cancel?: CancelPlan; waits?: boolean };

/** The statuses a proxy cancellation ends the case from (as in repositories/proxy.ts). */
const ENDS_ON_CANCEL: readonly CaseStatus[] = ['已受理', '待补正', '办理中'];

/** Epoch ms of a local time (Asia/Shanghai) on `day`. */
export function instantOn(day: string, minutesAfter8: number): number {
  const h = 8 + Math.floor(minutesAfter8 / 60);
  const m = minutesAfter8 % 60;
  return Date.parse(`${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`);
}

const RATINGS: readonly (readonly [Rating, number])[] = [
  ['非常满意', 55],
  ['满意', 30],
  ['基本满意', 10],
  ['不满意', 4],
  ['非常不满意', 1],
];
const OFFICES = ['街道社会事务办', '街道城管科', '区住建局', '街道综治中心', '区民政局'];

/** The share of the 帮代办-eligible matters of a known resident done as 帮代办. */
const PROXY_SHARE = 0.12;

/**
 * The counter's draft for `matter`: its default way, sometimes 帮代办 (only for a resident on
 * file, as the intake form requires) / 不予受理, documents mostly complete.
 */
export function counterDraft(
  ctx: LifeContext,
  matter: MatterTypeDef,
  acceptedDay: string,
  forResident = true,
): CaseDraft {
  const { rand } = ctx;
  let mode = defaultCounterMode(matter);
  if (matter.proxyEligible && forResident && chance(rand, PROXY_SHARE)) mode = '帮代办';
  if (chance(rand, 0.02)) mode = '不予受理';
  const allDocs = chance(rand, 0.9);
  const received = matter.documents.filter((d) => allDocs || !d.required || chance(rand, 0.5)).map((d) => d.name);
  const draft: CaseDraft = { matter, mode, received };
  if (mode === '咨询') draft.answered = chance(rand, 0.8);
  if (mode === '预约') draft.appointmentAt = `${ctx.calendar.addWorkingDays(acceptedDay, int(rand, 1, 4)).date}T10:00`;
  if (mode === '不予受理') {
    draft.refusalReason = '不属于本社区受理范围';
    draft.redirectTo = '区政务服务中心';
  }
  // A draft the form would refuse is accepted the ordinary way (承诺件).
  return Object.keys(validateDraft(draft, acceptedDay)).length === 0 ? draft : { matter, mode: '承诺件', received };
}

/** The next step the case would take, or null when it rests (finished, archived). */
function nextAction(ctx: LifeContext, s: CaseState, steps: number): { action: CaseAction; gap: number } | null {
  const { rand, staff } = ctx;
  const other = () =>
    pick(
      rand,
      staff.clerkIds.filter((id) => id !== s.handlerId),
    );
  if (s.status === '待补正')
    return { action: { type: '补正材料', received: s.documentsMissing }, gap: int(rand, 1, 6) };
  if (s.status === '待签收')
    return chance(rand, 0.92)
      ? { action: { type: '签收' }, gap: int(rand, 0, 2) }
      : { action: { type: '退回', reason: '不属于本人负责的网格' }, gap: int(rand, 0, 2) };
  if (s.status === '已上报街道') {
    const esc = s.escalations?.[s.escalations.length - 1];
    if (esc?.stage === '待报到')
      return { action: { type: '报到', unit: '街道城管办', person: '王科长', at: 0 }, gap: int(rand, 1, 5) };
    if (esc?.stage === '已报到')
      return { action: { type: '处理反馈', text: '已安排人员现场处理' }, gap: int(rand, 2, 10) };
    return {
      // Verified and solved: the case closes in this step (issue 25 item 14).
      action: {
        type: '核实结项',
        solved: true,
        departmentRating: weighted(rand, RATINGS),
        result: '街道已处理，问题已解决',
        notifiedBy: '电话',
        needsCallback: false,
      },
      gap: int(rand, 1, 3),
    };
  }
  if (s.status === '已受理') return { action: { type: '开始办理' }, gap: int(rand, 0, 1) };
  if (s.status === '办理中') {
    if (steps < 4 && chance(rand, 0.08)) return { action: { type: '转办', toStaffId: other() }, gap: int(rand, 0, 2) };
    if (steps < 4 && chance(rand, 0.05))
      return {
        action: {
          type: '上报街道',
          level: chance(rand, 0.9) ? '日常' : '重大',
          request: '请街道协调处理',
          office: pick(rand, OFFICES),
        },
        gap: int(rand, 0, 2),
      };
    if (steps < 4 && chance(rand, 0.03)) return { action: { type: '要求补正', missing: ['补充证明材料'] }, gap: 1 };
    const late = chance(rand, 0.08) ? int(rand, 1, 6) : 0;
    return {
      action: {
        type: '办结',
        result: '已按规定办结',
        notifiedBy: pick(rand, ['当面', '电话', '上门'] as const),
        needsCallback: chance(rand, 0.25),
      },
      gap: int(rand, 1, Math.max(1, s.timeLimitDays)) + late,
    };
  }
  if (s.status === '已办结' || s.status === '不予受理') {
    if (s.callback?.status === '待回访' || s.callback?.status === '回访未接通')
      return s.callback.failedAttempts === 0 && chance(rand, 0.1)
        ? { action: { type: '回访未接通' }, gap: int(rand, 1, 3) }
        : { action: { type: '回访', outcome: '居民表示满意' }, gap: int(rand, 1, 4) };
    if (s.status === '已办结' && !s.rating && chance(rand, 0.7))
      return {
        action: {
          type: '评价',
          rating: weighted(rand, RATINGS),
          by: chance(rand, 0.8) ? '本人' : '代评',
          // Asked only of 不满意 / 非常不满意 (ignored otherwise).
          reason: '办理时间过长',
        },
        gap: int(rand, 0, 2),
      };
    const r = s.rectification;
    if (r?.status === '整改中')
      return { action: { type: '整改回访', outcome: '已按居民意见整改' }, gap: int(rand, 2, 10) };
    if (r?.status === '待复核')
      return {
        action: chance(rand, 0.85)
          ? { type: '复核', passed: true }
          : { type: '复核', passed: false, note: '整改不到位' },
        gap: int(rand, 1, 3),
      };
    return { action: { type: '归档', archiveNumber: '' }, gap: int(rand, 5, 20) };
  }
  if (s.status === '已归档' && steps < 12 && chance(rand, 0.005))
    return { action: { type: '重新办理', reason: '居民补充反映新情况' }, gap: int(rand, 10, 60) };
  return null;
}

/** Whether the action closes the case (办结, or 核实结项 with 已解决). */
const closes = (a: CaseAction) => a.type === '办结' || (a.type === '核实结项' && a.solved);

/** Who does it: the receiver signs for a transfer, the admin reviews, the handler does the rest. */
function actorFor(ctx: LifeContext, s: CaseState, action: CaseAction): { staffId: string; isAdmin: boolean } {
  const { adminId } = ctx.staff;
  if (action.type === '签收' || action.type === '退回')
    return { staffId: s.transfer?.toStaffId ?? s.handlerId, isAdmin: false };
  if (action.type === '复核' || action.type === '重新办理') return { staffId: adminId, isAdmin: true };
  return { staffId: s.handlerId, isAdmin: s.handlerId === adminId };
}

function stamped<T>(record: T, created: { at: number; by: string }, updated: { at: number; by: string }): T & Stamp {
  return { ...record, createdAt: created.at, createdBy: created.by, updatedAt: updated.at, updatedBy: updated.by };
}

const asInput = (action: CaseAction): EventInput => action as unknown as EventInput;

/**
 * Accepts `draft` on `day` (at `minute` past 08:00) as `staffId` and plays the case's life up
 * to `ctx.today`.
 */
export function liveCase(
  ctx: LifeContext,
  draft: CaseDraft,
  ids: { id: string; trackingNumber: string; visitId: string; residentId?: string; gridId?: string },
  at: { day: string; minute: number; staffId: string },
  proxy: ProxyPlan = {},
  meetings?: { hook: MeetingHook; start?: CaseStart },
): CaseLife {
  const { calendar } = ctx;
  // Each life draws from its own stream, seeded by one draw of the desk's: a life that goes
  // differently (a meeting acted on it) leaves every other case as it was.
  const rand = prng(Math.floor(ctx.rand() * 4294967296));
  const life: LifeContext = { ...ctx, rand };
  const plan = planCase(draft, at.day, calendar);
  const accepted = acceptedCaseRecord(
    draft,
    plan,
    ids,
    { residentId: ids.residentId, channel: '来站', kind: '办件', content: '', cases: [draft] },
    { staffId: at.staffId, today: at.day },
    ids.gridId,
  );
  const start = meetings?.start;
  const acceptedAt = start?.instant ?? instantOn(at.day, at.minute);
  if (!ids.visitId) delete (accepted as { visitId?: string }).visitId;
  const events: CaseEvent[] = [];
  const audit: AuditEntry[] = [];
  // Full events, as the app's doors write them (changeCase.ts): clock, desk, input, decision.
  let lastClock: string | undefined;
  const event = (e: Omit<CaseEvent, 'id' | 'n' | 'clock' | 'desk'>) => {
    lastClock = nextClock(lastClock, e.at, ctx.desk);
    events.push({ ...e, id: ctx.newId(), n: events.length + 1, clock: lastClock, desk: ctx.desk });
  };
  event({
    caseId: ids.id,
    at: acceptedAt,
    by: at.staffId,
    action: plan.status === '不予受理' ? '不予受理' : '受理',
    to: plan.status,
    note: start?.note ?? draft.mode,
    admin: at.staffId === ctx.staff.adminId,
    base: caseCoreOf(accepted as CaseRecord),
  });
  audit.push({
    at: acceptedAt,
    staffId: at.staffId,
    action: 'case.accept',
    entity: 'case',
    entityId: ids.id,
    detail: `${accepted.matterCode}/${accepted.mode}/${accepted.status}`,
  });

  let record = stamped(accepted as CaseRecord, { at: acceptedAt, by: at.staffId }, { at: acceptedAt, by: at.staffId });
  let state = caseStateFromRecord(record);
  let day = at.day;
  // A few cases stall where they are (documents not brought, a department slow to answer, a
  // case forgotten): most for two to twelve weeks — the 联席会议 lists them every week meanwhile —
  // and then go on; a quarter for good, and one stalled once done is never archived (the open
  // and 待归档 queues grow with the years). (Until 2026-12 all stalled for good: by the fifth
  // year every weekly agenda listed some 240 of them, week after week.)
  const stallAt = chance(rand, 0.04) ? int(rand, 0, 4) : -1;
  let lastAt = acceptedAt;
  // The meetings the case has been seen at: up to `seenUntil`; the last one that acted on it at `actedAt`.
  let seenUntil = acceptedAt;
  let actedAt = -Infinity;
  const act = (action: CaseAction, now: number, today: string) => {
    const actor = { staffId: ctx.staff.adminId, isAdmin: true };
    const result = applyAction(state, action, actor, { now, today }, calendar);
    if (!result.ok) throw new Error(`meeting generator: ${action.type} refused on ${ids.id}: ${result.reason}`);
    state = result.next;
    const before = record;
    record = { ...recordWithState(record, state), updatedAt: now, updatedBy: actor.staffId };
    event({ ...result.event, admin: actor.isAdmin, input: asInput(action), decided: caseDecision(before, record) });
    day = today;
    lastAt = Math.max(lastAt, now);
    actedAt = now;
  };
  if (start) act(start.action, acceptedAt, at.day);
  /** The meetings before `until`; true when one acted on the case. `resting`: the case has no step left. */
  const meetingsUntil = (until: number, resting = false): boolean => {
    if (!meetings) return false;
    let acted = false;
    for (let slot = meetings.hook.nextAfter(seenUntil); slot && slot.at < until;) {
      seenUntil = slot.at;
      if (resting && meetings.hook.done(state)) break;
      const decided = meetings.hook.at(slot, state, record);
      if (decided) {
        act(decided.action, decided.at, slot.day);
        acted = true;
      }
      slot = meetings.hook.nextAfter(seenUntil);
    }
    return acted;
  };
  let pending = proxy.cancel && proxy.cancel.day < ctx.today ? proxy.cancel : undefined;
  let cancelled: CaseLife['cancelled'];
  // The request's cancellation on its day: the case ends through 不予受理 (in the same instant).
  const cancelNow = (plan: CancelPlan) => {
    pending = undefined;
    const at = instantOn(plan.day, int(rand, 30, 540));
    meetingsUntil(at);
    if (!ENDS_ON_CANCEL.includes(state.status)) return;
    const now = Math.max(at, lastAt + 60_000);
    const actor = { staffId: state.handlerId, isAdmin: state.handlerId === ctx.staff.adminId };
    const action: CaseAction = {
      type: '不予受理',
      reason: `代办取消（${plan.reason}）`,
      redirectTo: '无（居民不再办理）',
    };
    const result = applyAction(state, action, actor, { now, today: plan.day }, calendar);
    if (!result.ok) return;
    state = result.next;
    const before = record;
    record = { ...recordWithState(record, state), updatedAt: now, updatedBy: actor.staffId };
    event({ ...result.event, admin: actor.isAdmin, input: asInput(action), decided: caseDecision(before, record) });
    day = plan.day;
    lastAt = now;
    cancelled = { at: now, by: actor.staffId, reason: plan.reason };
  };
  for (let steps = 0; steps < 20; steps++) {
    if (steps === stallAt) {
      if (chance(rand, STALLED_FOR_GOOD) || !OPEN_CASE_STATUSES.includes(state.status)) break;
      day = calendar.addWorkingDays(day, int(rand, STALL_DAYS[0], STALL_DAYS[1])).date;
    }
    const next = nextAction(life, state, steps);
    if (!next) break;
    const nextDay = calendar.addWorkingDays(day, next.gap).date;
    if (pending && nextDay >= pending.day) {
      cancelNow(pending);
      if (cancelled) continue;
    }
    if (nextDay >= ctx.today) break;
    if (proxy.waits && closes(next.action)) break;
    let now = instantOn(nextDay, int(rand, 30, 540));
    // A meeting before this step may have acted on the case: the next step is chosen again.
    if (meetingsUntil(now)) continue;
    if (now <= actedAt) now = actedAt + 30 * 60_000;
    day = nextDay;
    let action = next.action;
    if (action.type === '报到') action = { ...action, at: now };
    let archiveSeq: number | undefined;
    if (action.type === '归档') {
      const year = archiveYearOf(day);
      archiveSeq = (ctx.archiveSeq.get(year) ?? 0) + 1;
      action = {
        type: '归档',
        archiveNumber: archiveNumberOf(ctx, year, archiveSeq),
      };
    }
    const actor = actorFor(life, state, action);
    const result = applyAction(state, action, actor, { now, today: day }, calendar);
    if (!result.ok) break; // the case rests where the rules stop it
    if (archiveSeq !== undefined) ctx.archiveSeq.set(archiveYearOf(day), archiveSeq);
    const from = state.status;
    state = result.next;
    const before = record;
    record = { ...recordWithState(record, state), updatedAt: now, updatedBy: actor.staffId };
    event({ ...result.event, admin: actor.isAdmin, input: asInput(action), decided: caseDecision(before, record) });
    lastAt = Math.max(lastAt, now);
    audit.push({
      at: now,
      staffId: actor.staffId,
      action: caseAuditAction(action.type),
      entity: 'case',
      entityId: ids.id,
      detail: `${from}→${state.status}`,
    });
  }
  if (pending) cancelNow(pending);
  meetingsUntil(Infinity, true);
  return cancelled ? { record, events, audit, cancelled } : { record, events, audit };
}
