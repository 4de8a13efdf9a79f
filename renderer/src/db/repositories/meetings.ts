/**
 * 联席会议: planning a meeting builds its agenda by the pure rules (shared/domain/meetings) from
 * the pool and the open cases, read by index inside the transaction; entries can be refreshed
 * (here), added by hand, reordered and annotated (meetingEntries.ts); the decisions are
 * meetingDecisions.ts. Also: the guests kept for next time (added or edited from the meeting or in
 * 设置 — one list), 改期 / 取消 / 召开 / 会前议定, and the meeting's file.
 */
import {
  applyMeetingAction,
  attendeeOfGuest,
  buildAgenda,
  checkGuest,
  guestKey,
  guestOf,
  sameGuest,
  type StoredGuest,
  decisionProgress,
  type AgendaCase,
  type DecisionProgress,
  type MeetingAction,
  type ProposedEntry,
} from '@shared/domain/meetings';
import { isValidLocalDate } from '@shared/domain/localDate';
import type {
  AgendaItem,
  Attendee,
  CaseRecord,
  Meeting,
  MeetingGuest,
  Problem,
  Resident,
  Staff,
} from '@shared/domain/records';
import type { Desk, DeskBase } from '../desk';
import { readTx } from '../readTx';
import { residentsByIds } from './residents';
import { requirePermission } from '../authorize';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';

export type { MeetingGuest };

const AGENDA_TABLES = ['meetings', 'agendaItems', 'problems', 'cases', 'matterTypes', 'staff', 'meta'] as const;
type AgendaTx = WriteTx<(typeof AGENDA_TABLES)[number]>;

/** The last meeting held before `day` (its day bounds the next agenda). */
async function lastHeld(tx: AgendaTx | DeskBase['db'], day: string): Promise<Meeting | undefined> {
  // Back from `day` by the day index to the first one held: never every meeting of the years.
  return tx.meetings
    .where('day')
    .below(day)
    .reverse()
    .filter((m) => m.status === '已召开')
    .first();
}

/** The entries the rules propose for `day`: the open problems and the overdue or escalated cases. */
async function proposedEntries(tx: AgendaTx, day: string, since: string | undefined): Promise<ProposedEntry[]> {
  const problems = await tx.problems.where('status').anyOf(['待研究', '继续跟踪']).toArray();
  const overdue = await tx.cases.where('dueDay').below(day).toArray();
  const escalated = await tx.cases.where('status').equals('已上报街道').toArray();
  const categories = new Map((await tx.matterTypes.toArray()).map((m) => [m.code, m.category]));
  const cases: AgendaCase[] = [...new Map([...overdue, ...escalated].map((c) => [c.id, c])).values()].map((c) => ({
    id: c.id,
    trackingNumber: c.trackingNumber,
    matterName: c.matterName,
    status: c.status,
    deadline: c.deadline,
    gridId: c.gridId,
    category: categories.get(c.matterCode) ?? '其他',
  }));
  const entries = buildAgenda({ day, since, problems, cases });
  // A case entry keeps its problem's history when the case came from one (a 诉求, a decision),
  // and is named by it: '小区北门下水道堵塞', not the matter's '小区环境卫生和公共设施问题反映'.
  for (const e of entries) {
    if (e.problemId || !e.caseId) continue;
    const p = await tx.problems.where('caseId').equals(e.caseId).first();
    if (!p || p.status === '已合并') continue;
    e.problemId = p.id;
    e.title = p.title;
    // A problem made at a meeting for a case entry has no category of its own ('其他').
    if (p.category !== '其他') e.category = p.category;
    if (p.gridId) e.gridId = p.gridId;
  }
  return entries;
}

/**
 * Adds the entries after `from`. Called only with entries: awaiting an async function that does
 * no IndexedDB request lets fake-indexeddb (and some engines) commit the transaction early.
 */
async function addEntries(
  desk: Desk,
  tx: AgendaTx,
  meetingId: string,
  entries: ProposedEntry[],
  from: number,
): Promise<void> {
  for (const [i, { raisedDay: _day, ...e }] of entries.entries())
    await tx.agendaItems.add({ ...e, id: desk.newId(), meetingId, order: from + i + 1 });
}

export async function meetingGuests(desk: DeskBase): Promise<MeetingGuest[]> {
  const row = await desk.db.meta.get('meetingGuests');
  return row?.key === 'meetingGuests' ? row.value.map(guestOf) : [];
}

const keptGuests = (row: Awaited<ReturnType<WriteTx<'meta'>['meta']['get']>>): StoredGuest[] =>
  row?.key === 'meetingGuests' ? row.value : [];

/** The kept list replaced (设置 → 联席会议, admins only): each row checked, no one twice. */
export async function saveMeetingGuests(desk: Desk, guests: StoredGuest[]): Promise<void> {
  const clean: StoredGuest[] = [];
  // A row left without a name (an emptied line) is dropped, as before.
  for (const g of guests.filter((x) => x.name.trim())) {
    const r = checkGuest(g);
    if ('reason' in r) throw new DomainRefusal(r.reason, 'guests');
    if (clean.some((c) => sameGuest(guestOf(c), { ...r.guest })))
      throw new DomainRefusal('名单中有重复的人员', 'guests');
    clean.push({
      ...(g.id ? { id: g.id } : {}),
      ...(r.guest.unit ? { unit: r.guest.unit } : {}),
      name: r.guest.name,
      role: r.guest.role,
    });
  }
  await writeTx(desk, ['meta', 'staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'community.edit', '修改联席会议参会名单');
    await tx.meta.put({ key: 'meetingGuests', value: clean });
    await tx.audit({ action: 'meeting.guests', entity: 'meeting', detail: `${clean.length} 人` });
  });
}

/**
 * A guest added to (no `id`) or edited on a meeting being prepared, in one transaction: the
 * meeting's attendee (its attendance kept) and the kept list, so the next meeting lists them too.
 * Meetings already held keep their attendance as it was. No name reaches the audit detail.
 */
export async function saveGuestAtMeeting(
  desk: Desk,
  meetingId: string,
  input: { id?: string; unit: string; name: string; role: string },
): Promise<MeetingGuest> {
  const r = checkGuest(input);
  if ('reason' in r) throw new DomainRefusal(r.reason, r.field);
  const guest: MeetingGuest = { id: input.id ?? desk.newId(), ...r.guest };
  return writeTx(desk, ['meetings', 'meta', 'staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'desk.work', '修改参会人员');
    const meeting = await tx.meetings.get(meetingId);
    if (!meeting) throw new DomainRefusal('未找到该会议');
    if (meeting.status !== '筹备中') throw new DomainRefusal(`${meeting.status}的会议不能修改参会人员`);
    const kept = keptGuests(await tx.meta.get('meetingGuests')).map(guestOf);
    if (kept.some((g) => g.id !== guest.id && sameGuest(g, guest)))
      throw new DomainRefusal('参会名单中已有此人', 'name');
    const list = kept.some((g) => g.id === guest.id)
      ? kept.map((g) => (g.id === guest.id ? guest : g))
      : [...kept, guest];
    await tx.meta.put({
      key: 'meetingGuests',
      value: list.map((g) => ({ id: g.id, ...(g.unit ? { unit: g.unit } : {}), name: g.name, role: g.role })),
    });
    const key = guestKey(guest);
    const was = meeting.attendees.find((a) => a.key === key);
    const attendee = attendeeOfGuest(guest, was?.present ?? false);
    const attendees = was
      ? meeting.attendees.map((a) => (a.key === key ? attendee : a))
      : [...meeting.attendees, attendee];
    await tx.meetings.put({ ...meeting, attendees });
    await tx.audit({
      action: 'meeting.guests',
      entity: 'meeting',
      entityId: meetingId,
      detail: `${was ? '修改' : '增加'}参会人员，名单共 ${list.length} 人`,
    });
    return guest;
  });
}

/** A new meeting on `day` with its agenda built from the pool and the open cases. */
export async function planMeeting(desk: Desk, day: string): Promise<Meeting> {
  if (!isValidLocalDate(day)) throw new DomainRefusal('请选择会议日期', 'day');
  if (day < desk.clock.today()) throw new DomainRefusal('会议日期不能早于今天', 'day');
  const id = desk.newId();
  return writeTx(desk, AGENDA_TABLES, async (tx) => {
    const pending = await tx.meetings.where('status').equals('筹备中').first();
    if (pending) throw new DomainRefusal(`已有 ${pending.day} 的会议在筹备中，请先召开、改期或取消`, 'day');
    const since = (await lastHeld(tx, day))?.day;
    // Admins first, then in the order the accounts were opened — not by their random ids.
    const admin = (s: Staff) => (s.role === '站长/管理员' ? 0 : 1);
    const staff = (await tx.staff.filter((s) => s.active).toArray()).sort(
      (a, b) => admin(a) - admin(b) || a.createdAt - b.createdAt || a.name.localeCompare(b.name),
    );
    const guests = keptGuests(await tx.meta.get('meetingGuests')).map(guestOf);
    const attendees: Attendee[] = [
      ...staff.map((s) => ({ key: `staff:${s.id}`, name: s.name, role: s.role, present: false })),
      ...guests.map((g) => attendeeOfGuest(g)),
    ];
    const meeting = await tx.meetings.add({ id, day, status: '筹备中', attendees, ...(since ? { since } : {}) });
    const entries = await proposedEntries(tx, day, since);
    if (entries.length > 0) await addEntries(desk, tx, id, entries, 0);
    await tx.audit({ action: 'meeting.plan', entity: 'meeting', entityId: id, detail: day });
    return meeting;
  });
}

/** Adds what came up since the agenda was built (entries already on it are kept as edited). */
export async function refreshAgenda(desk: Desk, meetingId: string): Promise<number> {
  return writeTx(desk, AGENDA_TABLES, async (tx) => {
    const meeting = await tx.meetings.get(meetingId);
    if (meeting?.status !== '筹备中') throw new DomainRefusal('只有筹备中的会议可以更新议程');
    const items = await tx.agendaItems.where('meetingId').equals(meetingId).toArray();
    const on = new Set(items.flatMap((i) => [i.problemId, i.caseId].filter(Boolean)));
    const fresh = (await proposedEntries(tx, meeting.day, meeting.since)).filter(
      (e) => !(e.problemId && on.has(e.problemId)) && !(e.caseId && on.has(e.caseId)),
    );
    if (fresh.length > 0) await addEntries(desk, tx, meetingId, fresh, Math.max(0, ...items.map((i) => i.order)));
    await tx.audit({ action: 'meeting.refresh', entity: 'meeting', entityId: meetingId, detail: `${fresh.length} 项` });
    return fresh.length;
  });
}

const MEETING_AUDIT = {
  改期: 'meeting.move',
  取消: 'meeting.cancel',
  召开: 'meeting.hold',
  会前议定: 'meeting.predecide',
} as const;

/** 改期, 取消, 召开 (when it was held, the attendance and the summary) or 会前议定. */
export async function performMeetingAction(desk: Desk, meetingId: string, action: MeetingAction): Promise<Meeting> {
  return writeTx(desk, ['meetings'], async (tx) => {
    const meeting = await tx.meetings.get(meetingId);
    if (!meeting) throw new DomainRefusal('未找到该会议');
    const r = applyMeetingAction(meeting, action, {
      today: tx.today,
      now: tx.now,
      dayOf: (ms) => desk.clock.today(ms),
    });
    if (!r.ok) throw new DomainRefusal(r.reason, r.field);
    const next = await tx.meetings.put({ ...meeting, ...r.next });
    await tx.audit({ action: MEETING_AUDIT[action.type], entity: 'meeting', entityId: meetingId, detail: next.day });
    return next;
  });
}

export type MeetingFile = {
  meeting: Meeting;
  /** Every entry of the agenda in its order (small rows: the counts, positions and moves need them all). */
  items: AgendaItem[];
  /** The entries shown: `items.slice(first, first + size)`; their problems and cases are read, not the rest. */
  shown: { first: number; size: number };
  problems: Map<string, Problem>;
  cases: Map<string, CaseRecord>;
  /** The decisions of the last meeting held before this one, and how they are going. */
  progress: DecisionProgress[];
};

/**
 * A meeting with its agenda in order, the problems and cases its shown entries name, and last
 * meeting's decisions. At five years an agenda carries hundreds of stalled entries (issue 28
 * item 3): the page reads them a page at a time (`page`: the first entry and how many), so only
 * that page's problems and cases (and the last meeting's decided entries') are read; without
 * `page` every entry is (the printed agenda and minutes).
 */
export async function getMeetingFile(
  desk: DeskBase,
  meetingId: string,
  page?: { first: number; size: number },
): Promise<MeetingFile | undefined> {
  return readTx(desk.db, MEETING_FILE_TABLES, () => meetingFileIn(desk, meetingId, page));
}

/** The tables a meeting's file and view read, in ONE read transaction. */
const MEETING_FILE_TABLES = ['meetings', 'agendaItems', 'problems', 'cases', 'residents'] as const;

/** A meeting's file and the residents its shown problems name (the meeting page), in ONE read transaction. */
export async function getMeetingView(
  desk: DeskBase,
  meetingId: string,
  page?: { first: number; size: number },
): Promise<{ file: MeetingFile; residents: Map<string, Resident> } | null> {
  return readTx(desk.db, MEETING_FILE_TABLES, async () => {
    const file = await meetingFileIn(desk, meetingId, page);
    if (!file) return null;
    const ids = [...file.problems.values()].flatMap((p) => p.residentIds ?? []);
    return { file, residents: await residentsByIds(desk, ids) };
  });
}

async function meetingFileIn(
  desk: DeskBase,
  meetingId: string,
  page?: { first: number; size: number },
): Promise<MeetingFile | undefined> {
  const meeting = await desk.db.meetings.get(meetingId);
  if (!meeting) return undefined;
  const items = (await desk.db.agendaItems.where('meetingId').equals(meetingId).toArray()).sort(
    (a, b) => a.order - b.order,
  );
  const shown = page ?? { first: 0, size: items.length };
  const previous = await lastHeld(desk.db, meeting.day);
  // Only the entries decided there have a decision to follow.
  const decided = previous
    ? (await desk.db.agendaItems.where('meetingId').equals(previous.id).toArray()).flatMap((i) =>
        i.problemId && i.decision ? [i.problemId] : [],
      )
    : [];
  const onPage = items.slice(shown.first, shown.first + shown.size);
  const problemIds = [...new Set([...onPage.flatMap((i) => (i.problemId ? [i.problemId] : [])), ...decided])];
  const problems = new Map(
    (await desk.db.problems.bulkGet(problemIds)).filter((p): p is Problem => !!p).map((p) => [p.id, p]),
  );
  const caseIds = [
    ...new Set([
      ...onPage.flatMap((i) => (i.caseId ? [i.caseId] : [])),
      ...[...problems.values()].flatMap((p) => (p.caseId ? [p.caseId] : [])),
    ]),
  ];
  const cases = new Map(
    (await desk.db.cases.bulkGet(caseIds)).filter((c): c is CaseRecord => !!c).map((c) => [c.id, c]),
  );
  const lastProblems = decided.flatMap((id) => problems.get(id) ?? []);
  return {
    meeting,
    items,
    shown,
    problems,
    cases,
    progress: decisionProgress(previous?.id, lastProblems, (id) => cases.get(id)),
  };
}

/** The meetings, the latest first (at most a year's worth). */
export async function listMeetings(desk: DeskBase): Promise<Meeting[]> {
  return desk.db.meetings.orderBy('day').reverse().limit(60).toArray();
}
