/**
 * 联席会议 on the generated desk: the problem pool and the weekly joint meeting, lived through
 * the app's own rules (shared/domain/meetings) —
 *
 * - a meeting every Friday over the years, planned and held that afternoon (its agenda built by
 *   `buildAgenda` then, `since` the last meeting held); when the Friday is a holiday it moves to
 *   the Thursday (改期), or is cancelled when that is a holiday too (the Spring Festival and
 *   National Day weeks), planned on the last working day before; a few move or are cancelled for
 *   other reasons; next Friday's meeting is being prepared today (筹备中). Attendance: the staff
 *   and the guests kept in 设置, most of them present;
 * - the pool: every 诉求 at the desk is a TS case with its problem (窗口诉求, as registerVisit
 *   writes it); zone staff bring problems from home visits (入户走访; some with a place and no
 *   resident, a few the same problem again, merged by `mergeProblems`); now and then one is
 *   raised at the meeting itself (临时增加); a decision on an overdue or escalated case's entry
 *   makes the case its problem (会上提出, as recordDecision does);
 * - decisions through `checkDecision`, with the app's effects: the problem's status and history
 *   (`STATUS_AFTER`); 社区处置 → the case (accepted for the problem when it has none) gets its
 *   owner and due day by 会议交办, 上报街道 → it is escalated, both through the case machine at
 *   the meeting (lifecycle.ts applies them inside the case's life, which goes on from there);
 *   继续跟踪 carries it to the next meeting; 已解决. Not every entry is decided at every meeting.
 *
 * A case's meetings are seen from inside its life (`hookFor`, called by `liveCase` at each
 * meeting while the case may come up, with the case as it is then): the entry the rules give
 * it, by `buildAgenda` on that case and its problem alone, and the decision, are kept for the
 * meeting; `hold` then builds the meeting's whole agenda with `buildAgenda` from those and the
 * pool's problems without a case, and throws if the two disagree. Its own random stream and
 * ids: the rest of the desk does not depend on these draws; a case a meeting acts on lives
 * differently from then on, every other case as before (each life has its own stream).
 */
import type { AuditAction } from '@shared/domain/audit';
import type { CaseAction, CaseState } from '@shared/domain/caseMachine';
import type { MatterTypeDef } from '@shared/domain/catalog';
import { addDays } from '@shared/domain/localDate';
import {
  buildAgenda,
  checkDecision,
  MATTER_OF_CATEGORY,
  problemInputRefusal,
  problemTitleOf,
  residentIdsOf,
  type AgendaCase,
  type DecisionInput,
  type ProposedEntry,
} from '@shared/domain/meetings';
import {
  OPEN_CASE_STATUSES,
  type AgendaItem,
  type AgendaKind,
  type Attendee,
  type AuditEntry,
  type CaseRecord,
  type Decision,
  type Meeting,
  type MeetingStatus,
  type Problem,
  type ProblemCategory,
  type Resident,
} from '@shared/domain/records';
import type { WorkingCalendar } from '@shared/domain/workingCalendar';
import { mergeChanges } from '@shared/domain/events/problemEvents';
import { instantOn, type MeetingHook, type MeetingSlot } from './lifecycle';
import { ProblemLog } from './problemEvents';
import { chance, int, pick, weighted, type Rand } from './random';

export type MeetingsContext = {
  rand: Rand;
  newId: () => string;
  calendar: WorkingCalendar;
  catalog: readonly MatterTypeDef[];
  adminId: string;
  clerkIds: readonly string[];
  staffName: (id: string) => string;
  gridIds: readonly string[];
  /** The first day of the desk's history. */
  firstDay: string;
  /** The generated today: next Friday's meeting is planned this morning. */
  today: string;
  /** Home-visit problems per working day. */
  homeVisitRate: number;
};

/** The people at the meeting who are not app users, as 设置 keeps them (meta `meetingGuests`). */
export const MEETING_GUESTS = [
  { name: '周海燕', role: '网格长' },
  { name: '陈立新', role: '居民代表' },
  { name: '赵志强', role: '物业项目经理' },
];

/** A meeting of the schedule and what its agenda is built from. */
type Slot = MeetingSlot & {
  id: string;
  status: MeetingStatus;
  /** The Friday it was planned for. */
  planned: string;
  movedFrom?: string[];
  cancelReason?: string;
  since?: string;
  /** When the decisions are recorded, and when it is registered as held or cancelled. */
  decideAt: number;
  closeAt: number;
  /** The entries the cases' lives found for it (see `hookFor`). */
  registered: Registered[];
};

type Registered = {
  itemId: string;
  entry: ProposedEntry;
  /** The case's problem as it was when the agenda was built. */
  problem?: Problem;
  agendaCase?: AgendaCase;
  decision?: Decision;
  /** The problem and case the decided entry ends with. */
  problemId?: string;
  caseId?: string;
};

const AWAITING = new Set(['待研究', '继续跟踪']);
const FINISHED = new Set(['已办结', '已归档', '不予受理']);
const OFFICES = ['街道城管科', '街道综合行政执法队', '街道社会事务办', '区住建局'];
const CANCEL_REASONS = ['主要负责人参加区里培训', '配合街道集中行动', '迎接上级检查'];

/** What residents come to the desk about, by the problem category of their 诉求. */
const COMPLAINTS: Record<ProblemCategory, readonly string[]> = {
  环境卫生: ['垃圾清运不及时', '楼道堆放杂物', '下水道堵塞有异味'],
  公共设施: ['楼道灯坏了', '电梯经常故障', '健身器材损坏', '井盖松动'],
  物业管理: ['物业报修迟迟不来', '小区停车管理混乱'],
  邻里纠纷: ['楼上深夜噪音扰民', '邻居占用公共楼道'],
  违建占道: ['楼顶私搭乱建', '门口占道经营'],
  服务投诉: ['窗口工作人员态度不好'],
  意见建议: ['建议增设休息座椅', '希望增加老年活动'],
  其他: ['树木遮挡采光'],
};
/** The categories a 诉求 of each 投诉建议 matter is in (MATTER_OF_CATEGORY read backwards). */
const CATEGORIES_OF_MATTER = new Map<string, ProblemCategory[]>();
for (const [category, code] of Object.entries(MATTER_OF_CATEGORY) as [ProblemCategory, string][])
  CATEGORIES_OF_MATTER.set(code, [...(CATEGORIES_OF_MATTER.get(code) ?? []), category]);

/** What zone staff bring back from home visits (a title, its category). */
const FROM_VISITS: readonly (readonly [string, ProblemCategory])[] = [
  ['单元门禁损坏', '公共设施'],
  ['楼道堆放杂物堵塞通道', '环境卫生'],
  ['路灯不亮', '公共设施'],
  ['绿化带被占用种菜', '违建占道'],
  ['独居老人家中漏水', '其他'],
  ['小区垃圾分类点满溢', '环境卫生'],
  ['邻里因漏水产生纠纷', '邻里纠纷'],
  ['物业未及时清理化粪池', '物业管理'],
  ['建议加装楼道扶手', '意见建议'],
];
const PLACES = ['北门', '小区广场', '地下车库入口', '3栋楼道', '健身区', '东侧围墙'];
const AT_MEETING: readonly (readonly [string, ProblemCategory])[] = [
  ['汛期前排查低洼积水点', '公共设施'],
  ['冬季独居老人走访安排', '其他'],
  ['电动车楼道充电隐患', '公共设施'],
];

type Choice = DecisionInput['type'] | 'none';

/**
 * Accepts a case (id `caseId`) for a problem a meeting decided on at `at`, starting with
 * `action`, and lives it with `hook` (generate.ts: the day's tracking number, lifecycle.ts).
 */
export type AcceptFor = (
  problem: Problem,
  caseId: string,
  action: CaseAction,
  at: number,
  hook: MeetingHook,
) => CaseRecord;

export class MeetingDesk {
  readonly problems: Problem[] = [];
  readonly meetings: Meeting[] = [];
  readonly agendaItems: AgendaItem[] = [];
  readonly audit: AuditEntry[] = [];
  /** The problems' events, as the app's door writes them (desk 1: generate.ts stamps the clocks). */
  private readonly problemLog = new ProblemLog(1);
  get problemEvents() {
    return this.problemLog.events;
  }
  private readonly slots: Slot[];
  private readonly byDay = new Map<string, Slot[]>();
  /** Problems without a case, waiting for a meeting (`hold` decides them). */
  private caseless: Problem[] = [];
  private readonly categoryOf: Map<string, string>;

  constructor(private readonly m: MeetingsContext) {
    this.categoryOf = new Map(m.catalog.map((x) => [x.code, x.category]));
    this.slots = this.schedule();
    for (const s of this.slots) {
      const day = s.status === '筹备中' ? m.today : dayOf(s.at);
      this.byDay.set(day, [...(this.byDay.get(day) ?? []), s]);
    }
  }

  /** Every Friday's meeting from the first week on: held, moved to Thursday, cancelled, or next (筹备中). */
  private schedule(): Slot[] {
    const { calendar, rand } = this.m;
    const out: Slot[] = [];
    let since: string | undefined;
    // The first Friday after the desk's first week.
    let friday = addDays(this.m.firstDay, 7);
    while (new Date(`${friday}T00:00:00Z`).getUTCDay() !== 5) friday = addDays(friday, 1);
    for (; ; friday = addDays(friday, 7)) {
      const id = this.m.newId();
      const base = { id, planned: friday, registered: [], ...(since ? { since } : {}) };
      if (friday >= this.m.today) {
        const at = instantOn(this.m.today, 60);
        out.push({ ...base, day: friday, at, status: '筹备中', decideAt: at, closeAt: at });
        break;
      }
      const thursday = addDays(friday, -1);
      const r = rand();
      const moveTo = calendar.isWorkingDay(thursday) ? thursday : undefined;
      const holiday = !calendar.isWorkingDay(friday);
      if ((holiday && moveTo) || (!holiday && moveTo && r < 0.03)) {
        const at = instantOn(moveTo, 420);
        out.push({
          ...base,
          day: moveTo,
          at,
          status: '已召开',
          movedFrom: [friday],
          decideAt: at + 30_000,
          closeAt: at + 40_000,
        });
        since = moveTo;
      } else if (holiday || r < 0.05) {
        const reason = CANCEL_REASONS[Math.floor(((r - 0.03) / 0.02) * CANCEL_REASONS.length)] ?? CANCEL_REASONS[0]!;
        // Planned on the last working day before (after the last meeting), then cancelled.
        const last = out[out.length - 1];
        const lastDay = last ? dayOf(last.at) : this.m.firstDay;
        let planDay = addDays(friday, -1);
        while (!calendar.isWorkingDay(planDay) && planDay > lastDay) planDay = addDays(planDay, -1);
        if (planDay < lastDay) planDay = lastDay;
        const at = Math.max(instantOn(planDay, 60), (last?.closeAt ?? 0) + 2 * 3600_000);
        out.push({
          ...base,
          day: friday,
          at,
          status: '已取消',
          cancelReason: holiday ? '节假日休息' : reason,
          decideAt: at,
          closeAt: at + 20 * 60_000,
        });
      } else {
        const at = instantOn(friday, 420);
        out.push({ ...base, day: friday, at, status: '已召开', decideAt: at + 30_000, closeAt: at + 40_000 });
        since = friday;
      }
    }
    return out;
  }

  /** The meetings whose agenda is built on `day` (the main loop holds them at their time). */
  slotsOn(day: string): readonly Slot[] {
    return this.byDay.get(day) ?? [];
  }

  private nextAfter(t: number): Slot | undefined {
    let lo = 0;
    let hi = this.slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.slots[mid]!.at > t) hi = mid;
      else lo = mid + 1;
    }
    return this.slots[lo];
  }

  private add(p: Problem, audit?: string): Problem {
    p.residentIds = residentIdsOf(p);
    this.problems.push(p);
    this.problemLog.opened(p);
    if (audit !== undefined) this.log(p.createdAt, p.createdBy, 'problem.add', 'problem', p.id, audit);
    return p;
  }

  private log(at: number, staffId: string, action: AuditAction, entity: string, entityId: string, detail?: string) {
    this.audit.push({ at, staffId, action, entity, entityId, ...(detail !== undefined ? { detail } : {}) });
  }

  /** A 诉求 of a TS matter: its category, what the resident said, and without a resident a 网格 (or a place). */
  complaintFor(
    matter: MatterTypeDef,
    resident: Resident | undefined,
  ): { category: ProblemCategory; content: string; gridId?: string; place?: string } {
    const { rand } = this.m;
    const category: ProblemCategory = pick(rand, CATEGORIES_OF_MATTER.get(matter.code) ?? ['其他']);
    const content = `反映${resident?.building ?? '小区'}${pick(rand, COMPLAINTS[category])}，希望尽快解决`;
    if (resident) return { category, content };
    const gridId = pick(rand, this.m.gridIds);
    return { category, content, gridId, ...(chance(rand, 0.5) ? { place: pick(rand, PLACES) } : {}) };
  }

  /** The 诉求's problem, linked to its case (registerVisit's addComplaintProblem). */
  complaintProblem(
    c: Pick<CaseRecord, 'id' | 'trackingNumber' | 'firstContactId' | 'residentId' | 'gridId' | 'acceptedDay'>,
    visit: { id: string; at: number; content: string },
    complaint: { category: ProblemCategory; place?: string; gridId?: string },
  ): Problem {
    const gridId = c.gridId ?? complaint.gridId;
    const at = visit.at + 1000;
    return this.add(
      {
        id: this.m.newId(),
        title: problemTitleOf(visit.content),
        category: complaint.category,
        ...(gridId ? { gridId } : {}),
        ...(complaint.place ? { place: complaint.place } : {}),
        raisedDay: c.acceptedDay,
        status: '待研究',
        caseId: c.id,
        sources: [
          {
            kind: '窗口诉求',
            day: c.acceptedDay,
            caseId: c.id,
            by: c.firstContactId,
            visitId: visit.id,
            ...(c.residentId ? { residentId: c.residentId } : {}),
          },
        ],
        decisions: [],
        createdAt: at,
        createdBy: c.firstContactId,
        updatedAt: at,
        updatedBy: c.firstContactId,
      },
      `窗口诉求/${c.trackingNumber}`,
    );
  }

  /** The problems zone staff bring from the day's home visits (in the morning); a few are one already in the pool. */
  homeVisits(day: string, residents: readonly Resident[]): void {
    const { rand } = this.m;
    const rate = this.m.homeVisitRate;
    const count = Math.floor(rate) + (chance(rand, rate - Math.floor(rate)) ? 1 : 0);
    for (let i = 0; i < count; i++) {
      // Now and then the same problem again (another household, another visit): merged into the one in the pool.
      const recent = this.caseless.filter((q) => q.raisedDay >= addDays(day, -14));
      const same = recent.length > 0 && chance(rand, 0.1) ? pick(rand, recent) : undefined;
      const [title, category] = same ? [`${same.title}（再次反映）`, same.category] : pick(rand, FROM_VISITS);
      const by = pick(rand, this.m.clerkIds);
      const resident = !same?.place && chance(rand, 0.65) ? pick(rand, residents) : undefined;
      const place = same ? same.place : resident ? undefined : pick(rand, PLACES);
      const gridId = same?.gridId ?? resident?.gridId ?? pick(rand, this.m.gridIds);
      const refused = problemInputRefusal({ title, category, gridId, ...(place ? { place } : {}) });
      if (refused) throw new Error(`meeting generator: problem refused: ${refused.reason}`);
      const at = instantOn(day, int(rand, 30, 380));
      const p = this.add(
        {
          id: this.m.newId(),
          title,
          category,
          gridId,
          ...(place ? { place } : {}),
          raisedDay: day,
          status: '待研究',
          sources: [{ kind: '入户走访', day, by, ...(resident ? { residentId: resident.id } : {}) }],
          decisions: [],
          createdAt: at,
          createdBy: by,
          updatedAt: at,
          updatedBy: by,
        },
        '入户走访',
      );
      if (same) {
        const r = mergeChanges(same, [p]);
        if (!r.ok) throw new Error(`meeting generator: merge refused: ${r.reason}`);
        const mergedAt = at + 10 * 60_000;
        this.problemLog.changed(p, r.merged, mergedAt, by);
        this.problemLog.changed(same, r.into, mergedAt, by);
        this.log(mergedAt, by, 'problem.merge', 'problem', same.id, '1 条');
      } else this.caseless.push(p);
    }
  }

  /** What the meeting decides on an entry (or nothing this time). */
  private choose(kind: AgendaKind, problem: Problem | undefined, state: CaseState | undefined): DecisionInput | null {
    const { rand } = this.m;
    const caseDone = state !== undefined && FINISHED.has(state.status);
    // A matter gone round many times is decided on now and then only.
    if (!caseDone && problem && problem.decisions.length >= 3 && !chance(rand, 0.15)) return null;
    const canAct =
      state === undefined || ((state.status === '已受理' || state.status === '办理中') && state.mode !== '帮代办');
    let table: [Choice, number][];
    if (kind === '超期办件' || kind === '待街道')
      table =
        canAct && kind === '超期办件'
          ? [
              ['社区处置', 25],
              ['继续跟踪', 30],
              ['none', 45],
            ]
          : [
              ['继续跟踪', 30],
              ['none', 70],
            ];
    else if (caseDone)
      table = [
        ['已解决', 90],
        ['none', 10],
      ];
    else if (state === undefined)
      // No case yet: the community handles it (a case is accepted), the street is asked, it is solved on the spot.
      table =
        problem?.status === '继续跟踪'
          ? [
              ['已解决', 45],
              ['社区处置', 15],
              ['继续跟踪', 15],
              ['none', 25],
            ]
          : [
              ['社区处置', 30],
              ['上报街道', 5],
              ['继续跟踪', 25],
              ['已解决', 30],
              ['none', 10],
            ];
    else if (canAct)
      table =
        problem?.category === '违建占道'
          ? [
              ['上报街道', 45],
              ['社区处置', 25],
              ['继续跟踪', 20],
              ['none', 10],
            ]
          : [
              ['社区处置', 55],
              ['上报街道', 8],
              ['继续跟踪', 27],
              ['none', 10],
            ];
    else
      table = [
        ['继续跟踪', 60],
        ['none', 40],
      ];
    const type = weighted(rand, table);
    switch (type) {
      case 'none':
        return null;
      case '社区处置':
        return {
          type,
          ownerId: pick(
            rand,
            this.m.clerkIds.filter((id) => id !== this.m.adminId),
          ),
          workingDays: pick(rand, [3, 5, 5, 7, 10, 15]),
        };
      case '上报街道':
        return {
          type,
          level: chance(rand, 0.9) ? '日常' : '重大',
          office: pick(rand, OFFICES),
          request: '请街道协调相关部门处理',
        };
      case '继续跟踪':
        return {
          type,
          note:
            kind === '待街道' ? '等待街道反馈' : pick(rand, ['下周继续跟踪', '督促责任人尽快办理', '约双方再次协调']),
        };
      default:
        return { type, note: caseDone ? '办件已办结，居民认可' : '网格员已现场协调解决' };
    }
  }

  /** The decision as stored (`checkDecision`), appended to the problem's history (its status; the case it made). */
  private decideOn(problem: Problem, input: DecisionInput, slot: Slot, caseId?: string): Decision {
    const checked = checkDecision(input, slot.day, this.m.calendar);
    if (!checked.ok) throw new Error(`meeting generator: decision refused: ${checked.reason}`);
    const decision = { ...checked.decision, meetingId: slot.id, day: slot.day };
    const change = { type: '会议决定' as const, decision, ...(caseId ? { caseId } : {}) };
    this.problemLog.changed(problem, change, slot.decideAt, this.m.adminId);
    return checked.decision;
  }

  /** The case action a decision takes (社区处置 → 会议交办, 上报街道), if any. */
  private static actionOf(d: Decision): CaseAction | null {
    if (d.type === '社区处置') return { type: '会议交办', ownerId: d.ownerId, dueDay: d.dueDay };
    if (d.type === '上报街道') return { type: '上报街道', level: d.level, request: d.request, office: d.office };
    return null;
  }

  /**
   * A case's meetings, seen from inside its life: `problem` is its problem (a 诉求's, or one a
   * meeting gave it); one a decision on its entry makes is added to the pool here.
   */
  hookFor(problem?: Problem): MeetingHook {
    let own = problem;
    return {
      nextAfter: (t) => this.nextAfter(t),
      done: (s) => !OPEN_CASE_STATUSES.includes(s.status) && !(own && AWAITING.has(own.status)),
      at: (at, state, record) => {
        const slot = at as Slot;
        const open = OPEN_CASE_STATUSES.includes(state.status);
        // Quick way out: nothing of this case can be on the agenda.
        if (!own && (!open || (state.status !== '已上报街道' && !(state.deadline && state.deadline < slot.day))))
          return null;
        const agendaCase: AgendaCase | undefined = open
          ? {
              id: record.id,
              trackingNumber: record.trackingNumber,
              matterName: record.matterName,
              status: state.status,
              deadline: state.deadline,
              gridId: record.gridId,
              category: this.categoryOf.get(record.matterCode) ?? '其他',
            }
          : undefined;
        const listed = own && own.status !== '已合并' ? [own] : [];
        const entries = buildAgenda({
          day: slot.day,
          ...(slot.since ? { since: slot.since } : {}),
          problems: listed,
          cases: agendaCase ? [agendaCase] : [],
        });
        const entry = entries[0];
        if (!entry) return null;
        if (entries.length > 1) throw new Error(`meeting generator: case ${record.id} twice on one agenda`);
        if (!entry.problemId && own && own.status !== '已合并') entry.problemId = own.id;
        const r: Registered = {
          itemId: this.m.newId(),
          entry,
          // (decideOn replaces the decisions: the copy keeps the problem as it was)
          ...(own ? { problem: { ...own } } : {}),
          ...(agendaCase ? { agendaCase } : {}),
        };
        slot.registered.push(r);
        if (slot.status !== '已召开') return null;
        const input = this.choose(entry.kind, own, state);
        if (!input) return null;
        // A decision on a case's entry without a problem makes one (recordDecision's problemOfEntry).
        own ??= this.add({
          id: this.m.newId(),
          title: entry.title,
          category: '其他',
          ...(entry.gridId ? { gridId: entry.gridId } : {}),
          raisedDay: slot.day,
          status: '待研究',
          caseId: record.id,
          sources: [
            {
              kind: '会上提出',
              day: slot.day,
              by: this.m.adminId,
              caseId: record.id,
              ...(record.residentId ? { residentId: record.residentId } : {}),
            },
          ],
          decisions: [],
          createdAt: slot.decideAt,
          createdBy: this.m.adminId,
          updatedAt: slot.decideAt,
          updatedBy: this.m.adminId,
        });
        r.decision = this.decideOn(own, input, slot);
        r.problemId = own.id;
        r.caseId = record.id;
        const action = MeetingDesk.actionOf(r.decision);
        return action ? { action, at: slot.decideAt } : null;
      },
    };
  }

  /**
   * The meeting of `slot`, at its time: the agenda built from what the cases' lives found and
   * the problems without a case, the decisions on those (a 社区处置 or 上报街道 accepts a case for
   * the problem through `acceptFor`, which lives it from there), a problem raised at the meeting
   * now and then, the attendance; the records and the audit rows.
   */
  hold(slot: Slot, acceptFor: AcceptFor): void {
    const { rand } = this.m;
    const waiting = this.caseless.filter(
      (p) => AWAITING.has(p.status) && !p.mergedInto && !p.caseId && p.createdAt < slot.at,
    );
    const entries = buildAgenda({
      day: slot.day,
      ...(slot.since ? { since: slot.since } : {}),
      problems: [...waiting, ...slot.registered.flatMap((r) => (r.problem ? [r.problem] : []))],
      cases: slot.registered.flatMap((r) => (r.agendaCase ? [r.agendaCase] : [])),
    });
    const key = (e: Pick<ProposedEntry, 'kind' | 'problemId' | 'caseId'>) =>
      `${e.kind}|${e.problemId ?? ''}|${e.caseId ?? ''}`;
    const found = new Map(slot.registered.map((r) => [key(r.entry), r]));
    const problemOfCase = new Map(
      slot.registered.flatMap((r) =>
        r.entry.caseId && r.entry.problemId ? [[r.entry.caseId, r.entry.problemId]] : [],
      ),
    );
    const byId = new Map(waiting.map((p) => [p.id, p]));
    let fromCases = 0;
    const items: AgendaItem[] = [];
    for (const [i, e] of entries.entries()) {
      if (!e.problemId && e.caseId && problemOfCase.has(e.caseId)) e.problemId = problemOfCase.get(e.caseId);
      const r = found.get(key(e));
      if (r) fromCases += 1;
      else if (!e.problemId || !byId.has(e.problemId) || e.caseId)
        throw new Error(`meeting generator: entry ${key(e)} of ${slot.day} found by no case`);
      // Built field by field: a spread per entry is most of the meeting's time at full size.
      const item: AgendaItem = {
        id: r?.itemId ?? this.m.newId(),
        meetingId: slot.id,
        order: i + 1,
        kind: e.kind,
        title: e.title,
        category: e.category,
      };
      if (e.gridId) item.gridId = e.gridId;
      const problemId = r?.decision ? r.problemId : e.problemId;
      const caseId = r?.decision ? r.caseId : e.caseId;
      if (problemId) item.problemId = problemId;
      if (caseId) item.caseId = caseId;
      if (r?.decision) item.decision = r.decision;
      items.push(item);
    }
    if (fromCases !== slot.registered.length)
      throw new Error(`meeting generator: ${slot.registered.length - fromCases} case entries missing on ${slot.day}`);
    const held = slot.status === '已召开';
    // A problem raised at the meeting itself (addAgendaEntry).
    if (held && chance(rand, 0.1)) {
      const [title, category] = pick(rand, AT_MEETING);
      const gridId = pick(rand, this.m.gridIds);
      const p = this.add(
        {
          id: this.m.newId(),
          title,
          category,
          gridId,
          raisedDay: slot.day,
          status: '待研究',
          sources: [{ kind: '会上提出', day: slot.day, by: this.m.adminId }],
          decisions: [],
          createdAt: slot.at + 20_000,
          createdBy: this.m.adminId,
          updatedAt: slot.at + 20_000,
          updatedBy: this.m.adminId,
        },
        '会上提出',
      );
      this.caseless.push(p);
      byId.set(p.id, p);
      items.push({
        id: this.m.newId(),
        meetingId: slot.id,
        order: items.length + 1,
        kind: '临时增加' satisfies AgendaKind,
        problemId: p.id,
        title,
        category,
        gridId,
      });
    }
    // The decisions on the problems without a case.
    if (held)
      for (const item of items) {
        if (item.decision || !item.problemId || item.caseId) continue;
        const problem = byId.get(item.problemId);
        if (!problem) continue;
        const input = this.choose(item.kind, problem, undefined);
        if (!input) continue;
        // 社区处置 / 上报街道 accept a case for the problem: its id is in the decision's event.
        const caseId = input.type === '社区处置' || input.type === '上报街道' ? this.m.newId() : undefined;
        const decision = this.decideOn(problem, input, slot, caseId);
        item.decision = decision;
        const action = MeetingDesk.actionOf(decision);
        if (action && caseId) {
          item.caseId = caseId;
          acceptFor(problem, caseId, action, slot.decideAt, this.hookFor(problem));
        }
      }
    this.caseless = this.caseless.filter((p) => AWAITING.has(p.status) && !p.caseId && !p.mergedInto);
    this.agendaItems.push(...items);
    this.meetings.push(this.meetingRecord(slot, items));
  }

  /** The meeting's record (attendance taken when held) and its audit rows. */
  private meetingRecord(slot: Slot, items: readonly AgendaItem[]): Meeting {
    const { rand } = this.m;
    const admin = this.m.adminId;
    const held = slot.status === '已召开';
    const attendees: Attendee[] = [
      ...this.m.clerkIds.map((id) => ({
        key: `staff:${id}`,
        name: this.m.staffName(id),
        role: id === admin ? '站长/管理员' : '值班员',
        present: held && (id === admin || chance(rand, 0.85)),
      })),
      ...MEETING_GUESTS.map((g) => ({ key: `guest:${g.name}`, ...g, present: held && chance(rand, 0.7) })),
    ];
    this.log(slot.at, admin, 'meeting.plan', 'meeting', slot.id, slot.planned);
    if (slot.movedFrom) this.log(slot.at + 10_000, admin, 'meeting.move', 'meeting', slot.id, slot.day);
    for (const i of items)
      if (i.decision) this.log(slot.decideAt, admin, 'meeting.decision', 'agendaItem', i.id, i.decision.type);
    const decided = items.filter((i) => i.decision).length;
    if (held) this.log(slot.closeAt, admin, 'meeting.hold', 'meeting', slot.id, slot.day);
    if (slot.status === '已取消') this.log(slot.closeAt, admin, 'meeting.cancel', 'meeting', slot.id, slot.day);
    return {
      id: slot.id,
      day: slot.day,
      status: slot.status,
      ...(slot.movedFrom ? { movedFrom: slot.movedFrom } : {}),
      ...(slot.cancelReason ? { cancelReason: slot.cancelReason } : {}),
      ...(slot.since ? { since: slot.since } : {}),
      attendees,
      ...(held ? { summary: `研究议题 ${items.length} 项，作出决定 ${decided} 项。`, heldAt: slot.closeAt } : {}),
      createdAt: slot.at,
      createdBy: admin,
      updatedAt: slot.closeAt,
      updatedBy: admin,
    };
  }

  /** Next Friday's meeting, being prepared today: its agenda as the rules build it now. */
  finish(acceptFor: AcceptFor): void {
    for (const s of this.slotsOn(this.m.today)) this.hold(s, acceptFor);
  }
}

const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
