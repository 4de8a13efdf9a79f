/**
 * A desk's five years, generated: deterministic from a seed, at the size of a class-1
 * community (about 20,000 residents, 100,000 visits, 30,000 cases, 300,000 audit rows) or a
 * fraction / multiple of it. Visits fall on working days only (50–150 a day at full size);
 * each case lives through the app's own rules (lifecycle.ts), each 帮代办 request and the
 * documents taken from home through the proxy and custody rules (proxy.ts), the problem pool
 * and the weekly 联席会议 through the agenda and decision rules (meetings.ts): a 诉求 at the desk
 * is a TS case with its problem, as the app registers it. No real personal data.
 *
 * Pure: no database. `load.ts` writes the result into the app's database class.
 */
import { parseCatalog, type MatterTypeDef } from '@shared/domain/catalog';
import type { AuditAction } from '@shared/domain/audit';
import { addDays, dayOfWeek } from '@shared/domain/localDate';
import { DEFAULT_PROXY_SETTINGS, proxySourceOfChannel } from '@shared/domain/proxy';
import { defaultCounterMode, type CaseDraft } from '@shared/domain/intake';
import { MATTER_OF_CATEGORY } from '@shared/domain/meetings';
import type {
  HandoverNote,
  HandoverRead,
  OffHoursLine,
  AgendaItem,
  HomeVisit,
  AuditEntry,
  CaseEvent,
  CaseRecord,
  Counter,
  CustodyItem,
  CustodyItemEvent,
  Meeting,
  Problem,
  ProblemEvent,
  ProxyEvent,
  ProxyTask,
  Resident,
  RotaEntry,
  Visit,
  VisitChannel,
} from '@shared/domain/records';
import { createCalendar, type WorkingCalendar } from '@shared/domain/workingCalendar';
import catalogJson from '../../resources/catalog/default-matters.json' with { type: 'json' };
import { counterDraft, instantOn, liveCase, type LifeContext, type ProxyPlan } from './lifecycle';
import { MEETING_GUESTS, MeetingDesk, type AcceptFor } from './meetings';
import { CANCEL_REASONS, caselessRequest, liveProxyCase, type ProxyContext } from './proxy';
import { chance, idSource, int, pick, prng, weighted } from './random';
import { generateResidents } from './residents';
import { generateHomeVisits } from './homeVisits';
import { generateRota } from './rota';
import { generateHandovers } from './handovers';
import { generateOffHoursLines } from './offHours';
import { archiveCounterKeyOf, trackingCounterKeyOf, trackingNumberOf, type Numbering } from './numbers';
import { nextClock } from '@shared/domain/events/clock';
import { letters } from '@shared/domain/auditIdentity';

/**
 * The sizes the benchmarks run at: a share of the five-year class-1 desk over five years;
 * `tiny` (tests, the CI smoke run) packs its 1/100 into the last four months, so that it still
 * has every case status.
 */
export const SIZES = {
  tiny: { scale: 0.01, firstDay: '2026-08-01' },
  /** 1,000 residents over the last seven months: the privacy acceptance e2e (tests/e2e/privacyScan.spec.ts). */
  thousand: { scale: 0.05, firstDay: '2026-05-01' },
  tenth: { scale: 0.1, firstDay: '2021-12-01' },
  full: { scale: 1, firstDay: '2021-12-01' },
  double: { scale: 2, firstDay: '2021-12-01' },
  /** A center of 2,000 residents and about 1,000 cases over the last year: the join e2e (tests/e2e/syncJoinCenter.spec.ts). */
  center: { scale: 0.0345, firstDay: '2025-11-24', residents: 2_000 },
} as const;
export type SizeName = keyof typeof SIZES;

const FULL = { residents: 20_000, visits: 100_000, cases: 30_000 };
/** 走访记录 a working day over the desk at full size: some 7 zone staff out, 3–4 households each. */
const HOME_VISITS_PER_DAY = 24;
/** Bump when the generator's output changes: cached profiles of another version are rebuilt. */
export const GENERATOR_VERSION = 6;

export const COMMUNITY_CODE = 'THL';
export const TODAY = '2026-11-24';
export const NOW = Date.parse('2026-11-24T09:30:00+08:00');

/** Staff ids and grid ids as the loader's setup creates them (load.ts). */
export const ADMIN_ID = 'staff-admin';
export const CLERK_IDS = ['staff-admin', ...Array.from({ length: 11 }, (_, i) => `staff-${i + 1}`)];
export const GRID_IDS = Array.from({ length: 8 }, (_, i) => `grid-${i + 1}`);
/** The staff names the loader gives (load.ts): the admin, then 值班员1号 … */
export const staffNameOf = (id: string) => (id === ADMIN_ID ? '王秀英' : `值班员${id.replace('staff-', '')}号`);

export type GeneratedDesk = {
  size: SizeName;
  seed: number;
  /** Which desk of the center lived these five years (1 = the first; see `DeskOptions`). */
  desk: number;
  residents: Resident[];
  visits: Visit[];
  cases: CaseRecord[];
  caseEvents: CaseEvent[];
  proxyTasks: ProxyTask[];
  proxyEvents: ProxyEvent[];
  custodyItems: CustodyItem[];
  custodyEvents: CustodyItemEvent[];
  problems: Problem[];
  problemEvents: ProblemEvent[];
  meetings: Meeting[];
  agendaItems: AgendaItem[];
  /** 走访记录 (homeVisits.ts). */
  homeVisits: HomeVisit[];
  /** 值班表: one cell per day × staff member, from the first day to the end of next week (rota.ts). */
  rota: RotaEntry[];
  /** 交接班: one evening note a working day, signed the next morning (handovers.ts). */
  handovers: HandoverNote[];
  handoverReads: HandoverRead[];
  /** 错时服务 补充登记 lines, about two a week at full size, five years (offHours.ts). */
  offHoursLines: OffHoursLine[];
  /** The meeting guests kept in 设置 (meta `meetingGuests`). */
  meetingGuests: { name: string; role: string }[];
  auditLog: AuditEntry[];
  counters: Counter[];
  catalog: MatterTypeDef[];
  calendar: WorkingCalendar;
};

export function defaultCatalog(): MatterTypeDef[] {
  const parsed = parseCatalog(catalogJson);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.catalog.matters;
}

function workingDays(calendar: WorkingCalendar, from: string, until: string): string[] {
  const days: string[] = [];
  for (let d = from; d < until; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  return days;
}

const CHANNELS: readonly (readonly [VisitChannel, number])[] = [
  ['来站', 70],
  ['来电', 20],
  ['走访', 6],
  ['网上', 4],
];
const CONCERNS = [
  '楼道灯坏了',
  '小区停车难',
  '噪音扰民',
  '垃圾清运不及时',
  '下水道堵塞',
  '电梯经常故障',
  '树木遮挡采光',
];

/**
 * A second desk of the same center: the same days, its own visitors, cases and ids (random
 * streams seeded apart from desk 1's: the app's ids are random UUIDs, unique without asking
 * another desk), its numbers carrying its desk, and a few of desk 1's residents registered
 * again (the same person, a new record: what two desks that cannot see each other do).
 */
export type DeskOptions = { desk?: number };
const DESK_SEED_STRIDE = 1_000_003;
/** The share of a second desk's residents that desk 1 registered too. */
const REREGISTERED = 0.02;

export function generateDesk(size: SizeName, seed = 20261124, o: DeskOptions = {}): GeneratedDesk {
  const sized = SIZES[size];
  const { scale, firstDay } = sized;
  const desk = o.desk ?? 1;
  const numbering: Numbering = { communityCode: COMMUNITY_CODE, desk };
  // Desk 1's streams are the seed's (its desk is what it always was); another desk's lie apart.
  const s = seed + (desk - 1) * DESK_SEED_STRIDE;
  const rand = prng(s);
  const newId = idSource(prng(s + 1));
  const calendar = createCalendar();
  const catalog = defaultCatalog();
  // The common matters come up far more often (the first ones of each category weigh most).
  const matterTable = catalog.map((m, i) => [m, i % 5 === 0 ? 6 : 1] as const);
  const residentCount = 'residents' in sized ? sized.residents : Math.round(FULL.residents * scale);
  const prefix = desk === 1 ? 'res-' : `res-d${desk}-`;
  const residents = generateResidents(residentCount, GRID_IDS, s + 2, NOW, ADMIN_ID, prefix);
  if (desk !== 1) {
    const again = generateResidents(residentCount, GRID_IDS, seed + 2, NOW, ADMIN_ID).filter(
      (_, i) => i % Math.round(1 / REREGISTERED) === 0,
    );
    again.forEach((r, i) => residents.push({ ...r, id: `${prefix}${String(residentCount + i).padStart(6, '0')}` }));
  }
  const ctx: LifeContext = {
    rand,
    newId,
    calendar,
    communityCode: COMMUNITY_CODE,
    desk,
    staff: { adminId: ADMIN_ID, clerkIds: CLERK_IDS },
    today: TODAY,
    archiveSeq: new Map(),
  };

  // 帮代办 has its own random stream and ids: the rest of the desk does not depend on its draws.
  const proxyRand = prng(s + 3);
  const pctx: ProxyContext = {
    rand: proxyRand,
    newId: idSource(prng(s + 4)),
    calendar,
    staffIds: CLERK_IDS,
    staffName: staffNameOf,
    today: TODAY,
    desk,
  };
  const registerTags = new Set(DEFAULT_PROXY_SETTINGS.registerTags);
  const frail = residents.filter((r) => r.tags.some((t) => registerTags.has(t)));

  // 联席会议 too: its own stream and ids (a meeting acting on a case changes that case's life).
  const meetingRand = prng(s + 21);
  const meetingIds = idSource(prng(s + 22));
  const meetings = new MeetingDesk({
    rand: meetingRand,
    newId: meetingIds,
    calendar,
    catalog,
    adminId: ADMIN_ID,
    clerkIds: CLERK_IDS,
    staffName: staffNameOf,
    gridIds: GRID_IDS,
    firstDay,
    today: TODAY,
    homeVisitRate: 1.2 * scale,
  });
  /** The life of a case a meeting accepts for a problem (today's number; lived by the meeting stream). */
  const meetingCtx: LifeContext = { ...ctx, rand: meetingRand, newId: meetingIds };

  const days = workingDays(calendar, firstDay, TODAY);
  // The last four weeks' working days: 帮代办 cases of these may still be under way.
  const recent = days[Math.max(0, days.length - 20)]!;
  const visitCount = Math.round(FULL.visits * scale);
  const caseShare = FULL.cases / FULL.visits / 1.08; // some 办件 visits carry two matters
  const out: GeneratedDesk = {
    size,
    seed,
    desk,
    residents,
    visits: [],
    cases: [],
    caseEvents: [],
    proxyTasks: [],
    proxyEvents: [],
    custodyItems: [],
    custodyEvents: [],
    problems: meetings.problems,
    problemEvents: meetings.problemEvents,
    meetings: meetings.meetings,
    agendaItems: meetings.agendaItems,
    // 走访记录: its own stream and ids; the clerks (not the admin) visit their loader-given 网格.
    homeVisits: generateHomeVisits({
      rand: prng(s + 31),
      newId: idSource(prng(s + 32)),
      days: workingDays(calendar, firstDay, TODAY),
      zones: CLERK_IDS.filter((id) => id !== ADMIN_ID).map((id, n) => [id, GRID_IDS[n % GRID_IDS.length]!] as const),
      gridIds: GRID_IDS,
      residents,
      cared: new Set(frail.map((r) => r.id)),
      perDay: HOME_VISITS_PER_DAY * scale,
    }),
    // The 值班表 is the center's one rota, drawn up once (a second desk receives it, never draws its own).
    rota:
      desk !== 1
        ? []
        : generateRota({
            seed: s + 33,
            firstDay,
            lastDay: addDays(TODAY, 13 - ((dayOfWeek(TODAY) + 6) % 7)),
            calendar,
            staffIds: CLERK_IDS,
            adminId: ADMIN_ID,
            instantOf: (d) => instantOn(d, 480), // 16:00
          }),
    handovers: [],
    handoverReads: [],
    offHoursLines: [],
    meetingGuests: MEETING_GUESTS.map((g) => ({ ...g })),
    auditLog: [],
    counters: [],
    catalog,
    calendar,
  };

  days.forEach((day, dayIndex) => {
    // Spread the visits evenly over the days (fractions carried over to the next day).
    const rate = visitCount / days.length;
    const perDay = Math.floor((dayIndex + 1) * rate) - Math.floor(dayIndex * rate);
    let seq = 0;
    const onDuty = CLERK_IDS.filter(() => chance(rand, 0.5));
    const staffToday = onDuty.length > 0 ? onDuty : [ADMIN_ID];
    for (const staffId of staffToday)
      out.auditLog.push({
        at: instantOn(day, int(rand, 0, 40)),
        staffId,
        action: 'signin.ok' satisfies AuditAction,
        entity: 'staff',
        entityId: staffId,
      });
    meetings.homeVisits(day, residents);
    // The meetings of the day, held at their time among the visits; a case one accepts takes the day's next number.
    const dueMeetings = [...meetings.slotsOn(day)];
    const acceptFor: AcceptFor = (problem, caseId, action, at, hook) => {
      seq += 1;
      const matter = catalog.find((m) => m.code === MATTER_OF_CATEGORY[problem.category])!;
      const residentId = problem.residentIds?.[0];
      const life = liveCase(
        meetingCtx,
        { matter, mode: defaultCounterMode(matter), received: [] },
        {
          id: caseId,
          trackingNumber: trackingNumberOf(numbering, day, seq),
          visitId: '',
          ...(residentId ? { residentId } : {}),
          ...(problem.gridId ? { gridId: problem.gridId } : {}),
        },
        { day, minute: 0, staffId: ADMIN_ID },
        {},
        { hook, start: { instant: at, note: '联席会议决定办理', action } },
      );
      out.cases.push(life.record);
      out.caseEvents.push(...life.events);
      out.auditLog.push(...life.audit);
      return life.record;
    };
    const holdUntil = (t: number) => {
      while (dueMeetings.length > 0 && dueMeetings[0]!.at <= t) meetings.hold(dueMeetings.shift()!, acceptFor);
    };
    for (let v = 0; v < perDay; v++) {
      const minute = Math.floor(((v + 0.5) / perDay) * 540);
      const staffId = pick(rand, staffToday);
      const resident = chance(rand, 0.88) ? pick(rand, residents) : undefined;
      const channel = weighted(rand, CHANNELS);
      let kind: Visit['kind'] = chance(rand, caseShare) ? '办件' : chance(rand, 0.6) ? '咨询' : '诉求';
      const visitId = newId();
      const visitedAt = instantOn(day, minute);
      holdUntil(visitedAt);
      const caseIds: string[] = [];
      let matters =
        kind === '办件'
          ? chance(rand, 0.08)
            ? [weighted(rand, matterTable), weighted(rand, matterTable)]
            : [weighted(rand, matterTable)]
          : [];
      // A TS matter is a 诉求: one case of its category's matter, and its problem in the pool.
      const complaintMatter = matters.find((m) => m.code.startsWith('TS-'));
      const complaint = complaintMatter ? meetings.complaintFor(complaintMatter, resident) : undefined;
      if (complaintMatter) {
        kind = '诉求';
        matters = [complaintMatter];
      }
      for (const matter of matters) {
        seq += 1;
        const id = newId();
        const draft: CaseDraft = complaint
          ? { matter, mode: defaultCounterMode(matter), received: [] }
          : counterDraft(ctx, matter, day, resident !== undefined);
        // A few residents withdraw their 帮代办 request (取消) a few working days on; half the
        // recent ones still wait for the street office (no 办结 yet).
        const plan: ProxyPlan = {};
        if (draft.mode === '帮代办') {
          if (chance(proxyRand, 0.06))
            plan.cancel = {
              day: calendar.addWorkingDays(day, int(proxyRand, 1, 6)).date,
              reason: weighted(proxyRand, CANCEL_REASONS),
            };
          else if (day >= recent && chance(proxyRand, 0.5)) plan.waits = true;
        }
        const trackingNumber = trackingNumberOf(numbering, day, seq);
        const gridId = resident?.gridId ?? complaint?.gridId;
        const problem = complaint
          ? meetings.complaintProblem(
              { id, trackingNumber, firstContactId: staffId, residentId: resident?.id, gridId, acceptedDay: day },
              { id: visitId, at: visitedAt, content: complaint.content },
              complaint,
            )
          : undefined;
        const life = liveCase(
          ctx,
          draft,
          { id, trackingNumber, visitId, residentId: resident?.id, gridId },
          { day, minute, staffId },
          plan,
          { hook: meetings.hookFor(problem) },
        );
        caseIds.push(id);
        out.cases.push(life.record);
        out.auditLog.push(...life.audit);
        if (life.record.mode === '帮代办') {
          const proxy = liveProxyCase(pctx, {
            record: life.record,
            events: life.events,
            matter,
            source: proxySourceOfChannel(channel),
            acceptedAt: visitedAt,
            staffId,
            ...(life.cancelled ? { cancelled: life.cancelled } : {}),
            ...(plan.waits ? { waits: true } : {}),
          });
          out.caseEvents.push(...proxy.events);
          out.proxyTasks.push(proxy.task);
          out.proxyEvents.push(...proxy.proxyEvents);
          out.custodyItems.push(...proxy.items);
          out.custodyEvents.push(...proxy.custodyEvents);
          out.auditLog.push(...proxy.audit);
        } else out.caseEvents.push(...life.events);
      }
      const content = complaint
        ? complaint.content
        : kind === '办件'
          ? matters.map((m) => m.name).join('、')
          : kind === '咨询'
            ? `咨询${pick(rand, catalog).name}需要哪些材料`
            : `反映${resident?.building ?? '小区'}${pick(rand, CONCERNS)}，希望尽快解决`;
      const visit: Visit = {
        id: visitId,
        day,
        visitedAt,
        channel,
        firstContactId: staffId,
        content,
        kind,
        caseIds,
        createdAt: visitedAt,
        createdBy: staffId,
        updatedAt: visitedAt,
        updatedBy: staffId,
      };
      if (resident) visit.residentId = resident.id;
      out.visits.push(visit);
      out.auditLog.push({
        at: visitedAt,
        staffId,
        action: 'visit.create' satisfies AuditAction,
        entity: 'visit',
        entityId: visitId,
        detail: `${channel}/${kind}`,
      });
    }
    holdUntil(Infinity);
    if (seq > 0) out.counters.push({ key: trackingCounterKeyOf(numbering, day), value: seq });
  });
  // Next Friday's meeting, being prepared today (a case it would accept has none yet: no decisions).
  meetings.finish(() => {
    throw new Error('meeting generator: no decisions on a meeting being prepared');
  });
  // Requests from a call or a home visit that never became a case: cancelled before acceptance
  // over the years, and a few recent ones still 待确认.
  const pool = frail.length > 0 ? frail : residents;
  const cancelledCount = Math.max(2, Math.round(60 * scale));
  for (let i = 0; i < cancelledCount; i++) {
    const k = Math.floor(((i + 0.5) / cancelledCount) * (days.length - 30));
    const day = days[k]!;
    // Most within the week; some after weeks of waiting for the resident's decision.
    const cancelDay = calendar.addWorkingDays(
      day,
      chance(proxyRand, 0.3) ? int(proxyRand, 10, 25) : int(proxyRand, 0, 5),
    ).date;
    const r = caselessRequest(pctx, pick(proxyRand, pool), day, {
      day: cancelDay,
      reason: weighted(proxyRand, CANCEL_REASONS),
    });
    out.proxyTasks.push(r.task);
    out.proxyEvents.push(...r.proxyEvents);
    out.auditLog.push(...r.audit);
  }
  const waiting = Math.max(3, Math.round(30 * scale));
  for (let i = 0; i < waiting; i++) {
    const r = caselessRequest(pctx, pick(proxyRand, pool), days[days.length - 1 - int(proxyRand, 0, 9)]!);
    out.proxyTasks.push(r.task);
    out.proxyEvents.push(...r.proxyEvents);
    out.auditLog.push(...r.audit);
  }
  for (const [year, value] of ctx.archiveSeq) out.counters.push({ key: archiveCounterKeyOf(numbering, year), value });
  out.auditLog.push(...meetings.audit);
  // 交接班: its own stream and ids, each note and 签阅 with its audit row.
  const hand = generateHandovers(
    { rand: prng(s + 31), newId: idSource(prng(s + 32)), calendar, staffIds: CLERK_IDS, today: TODAY },
    days,
  );
  out.handovers = hand.notes;
  out.handoverReads = hand.reads;
  for (const n of hand.notes)
    out.auditLog.push({
      at: n.createdAt,
      staffId: n.staffId,
      action: 'handover.write',
      entity: 'handover',
      entityId: n.id,
      detail: `交接至 ${n.forDay}`,
    });
  for (const r of hand.reads)
    out.auditLog.push({
      at: r.at,
      staffId: r.staffId,
      action: 'handover.read',
      entity: 'handover',
      entityId: r.noteId,
    });
  // 错时服务 补充登记: its own stream and ids, each line with its audit row.
  const off = generateOffHoursLines({
    rand: prng(s + 35),
    newId: idSource(prng(s + 36)),
    calendar,
    staffIds: CLERK_IDS,
    firstDay,
    today: TODAY,
    scale,
    desk,
  });
  out.offHoursLines = off.lines;
  out.auditLog.push(...off.audit);
  out.auditLog.sort((a, b) => a.at - b.at);
  // Every audit row has its stable id, as the app's own rows (32 letters a–p; the desk's among
  // them): an id-less row would be a pre-v10 row, and it travels to the center by its id.
  for (const [i, row] of out.auditLog.entries())
    row.id = letters(desk.toString(16).padStart(2, '0') + i.toString(16).padStart(30, '0'));
  stampDeskClock([...out.caseEvents, ...out.proxyEvents, ...out.custodyEvents, ...out.problemEvents], desk);
  return out;
}

/**
 * A desk has ONE event clock (the app keeps its last stamp desk-local): the lives above are
 * generated one record at a time, so their events are stamped again here in the order the desk
 * wrote them — by time, a record's own events keeping their order — as the app's doors would.
 */
function stampDeskClock(events: (CaseEvent | ProxyEvent | CustodyItemEvent | ProblemEvent)[], desk: number): void {
  // A record's events keep their order: each one's time is at least its predecessor's.
  const lastOf = new Map<string, number>();
  const keyed = events.map((e, i) => {
    const record =
      'taskId' in e
        ? `p:${e.taskId}`
        : 'itemId' in e
          ? `i:${e.itemId}`
          : 'problemId' in e
            ? `q:${e.problemId}`
            : `c:${e.caseId}`;
    const at = Math.max(e.at, lastOf.get(record) ?? 0);
    lastOf.set(record, at);
    return { e, i, at };
  });
  const order = keyed.sort((a, b) => a.at - b.at || a.i - b.i);
  let last: string | undefined;
  for (const { e, at } of order) {
    last = nextClock(last, at, desk);
    e.clock = last;
    e.desk = desk;
  }
}
