/**
 * Whether a loaded generated desk is one the app could have written: every resident passes
 * the app's validator unchanged, every case's state survives the machine's round trip, its
 * derived fields equal what the write path computes, numbers are well-formed and unique, each
 * timeline is numbered 1, 2, 3 …, and every case status appears. 帮代办: every 帮代办 case has
 * its one request; a closed one (办结) has it 已送达 (or 已取消) before its first 办结, and no
 * original out (nor a refused or archived one); a cancelled request has no original out; each
 * request's routine target is 2 working days after its visit; every document's holder and
 * status are the replay of its events through the custody rules, and its case exists, is
 * 帮代办 and is the same resident's. 联席会议 (`meetingProblems`): every agenda item's meeting
 * exists, its orders are 1…n, no problem (nor case) is on one meeting's agenda twice, decisions
 * are taken only at meetings not cancelled and each is in its problem's history (same meeting,
 * day and content), every decided problem's status is its last decision's effect (STATUS_AFTER),
 * a 社区处置 left its case a 会议交办 that day and a 上报街道 an escalation raised that day; merged
 * problems point at an existing problem that is not merged and holds their reports; a meeting's
 * `since` is the last one held before it, a held one has someone present, a cancelled one its
 * reason, at most one is being prepared; every TS case is a 诉求's with its one problem (窗口诉求).
 * 交接班: checkHandovers.ts.
 * Returns the problems found (empty when none), each naming the record by id only.
 */
import { withIndexes } from '@shared/domain/caseIndex';
import { caseStateFromRecord, recordWithState } from '@shared/domain/caseMachine';
import { isValidArchiveNumber } from '@shared/domain/caseNumbers';
import { applyCustody, unsettledOriginals, type CustodyAction, type CustodyState } from '@shared/domain/custody';
import { DEFAULT_PROXY_SETTINGS } from '@shared/domain/proxy';
import { STATUS_AFTER } from '@shared/domain/meetings';
import { createCalendar } from '@shared/domain/workingCalendar';
import { visitWordsOf } from '@shared/domain/caseSearch';
import { handoverProblems } from './checkHandovers';
import type {
  AgendaItem,
  CaseEvent,
  CaseRecord,
  CaseStatus,
  CustodyEvent,
  CustodyItem,
  Meeting,
  Problem,
  ProxyTask,
  Visit,
} from '@shared/domain/records';
import { validateResidentInput } from '@shared/domain/resident';
import { parseTrackingNumber } from '@shared/domain/trackingNumber';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { CLERK_IDS, GRID_IDS, TODAY } from './generate';
import { homeVisitProblems } from './homeVisits';
import { offHoursLineProblems } from './offHours';
import { rotaProblems } from './rota';

const ALL_STATUSES: readonly CaseStatus[] = [
  '已受理',
  '待补正',
  '办理中',
  '待签收',
  '已上报街道',
  '已办结',
  '已归档',
  '不予受理',
];

/** JSON with object keys sorted, so field order does not count. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export async function checkLoadedDesk(db: DutyDeskDB, o: { everyStatus?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  for (const r of await db.residents.toArray()) {
    const input = {
      name: r.name,
      idNumber: r.idNumber ?? '',
      phone: r.phone ?? '',
      building: r.building ?? '',
      unit: r.unit ?? '',
      room: r.room ?? '',
      gridId: r.gridId ?? '',
      tags: r.tags,
      gender: r.gender,
    };
    const v = validateResidentInput(input, TODAY, { gridIds: GRID_IDS });
    if (!v.ok) problems.push(`resident ${r.id}: ${Object.keys(v.errors).join(',')}`);
    else if (v.value.idNumber !== r.idNumber || v.value.birthDate !== r.birthDate || v.value.gender !== r.gender)
      problems.push(`resident ${r.id}: stored fields differ from the validator's`);
    if (r.searchKeys.length === 0) problems.push(`resident ${r.id}: no search keys`);
  }
  const cases = await db.cases.toArray();
  const statuses = new Set(cases.map((c) => c.status));
  if (o.everyStatus !== false)
    for (const s of ALL_STATUSES) if (!statuses.has(s)) problems.push(`no case in status ${s}`);
  const archiveNumbers = new Set<string>();
  for (const c of cases) {
    if (!same(withIndexes(c), c)) problems.push(`case ${c.id}: derived fields differ from the write path's`);
    if (!same(recordWithState(c, caseStateFromRecord(c)), c)) problems.push(`case ${c.id}: state does not round-trip`);
    if (!parseTrackingNumber(c.trackingNumber).ok) problems.push(`case ${c.id}: bad tracking number`);
    if (c.status === '已归档') {
      if (!c.archiveNumber || !isValidArchiveNumber(c.archiveNumber)) problems.push(`case ${c.id}: bad archive number`);
      else if (archiveNumbers.has(c.archiveNumber)) problems.push(`case ${c.id}: archive number repeated`);
      else archiveNumbers.add(c.archiveNumber);
    }
  }
  const events = await db.caseEvents.toArray();
  const byCase = new Map<string, number[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e.n ?? 0]);
  for (const c of cases) {
    const ns = (byCase.get(c.id) ?? []).sort((a, b) => a - b);
    if (ns.length === 0 || ns.some((n, i) => n !== i + 1)) problems.push(`case ${c.id}: timeline not numbered 1…n`);
  }
  const visits = await db.visits.toArray();
  for (const v of visits)
    if (!same(v.words ?? [], visitWordsOf(v))) problems.push(`visit ${v.id}: words differ from the write path's`);
  problems.push(...proxyProblems(cases, events, await db.proxyTasks.toArray(), await db.custodyItems.toArray()));
  problems.push(
    ...meetingProblems({
      cases,
      events,
      visits,
      problems: await db.problems.toArray(),
      meetings: await db.meetings.toArray(),
      items: await db.agendaItems.toArray(),
    }),
  );
  const residents = new Map((await db.residents.toArray()).map((r) => [r.id, r]));
  problems.push(...homeVisitProblems(await db.homeVisits.toArray(), residents, GRID_IDS));
  problems.push(...rotaProblems(await db.rota.toArray(), new Set(CLERK_IDS)));
  const staffIds = new Set((await db.staff.toArray()).map((s) => s.id));
  problems.push(...handoverProblems(await db.handovers.toArray(), await db.handoverReads.toArray(), staffIds));
  problems.push(...offHoursLineProblems(await db.offHoursLines.toArray(), createCalendar(), staffIds, TODAY));
  return problems;
}

/** The custody action that recorded `e` (what the clerk chose), to replay it. */
function actionOf(e: CustodyEvent): CustodyAction {
  if (e.type === '移交') return { type: '移交', to: e.to as Extract<CustodyAction, { type: '移交' }>['to'] };
  if (e.type === '留存') return { type: '留存', reason: e.note ?? '' };
  if (e.type === '遗失损坏') return { type: '遗失损坏', report: e.note ?? '' };
  return { type: e.type };
}

/** Every event replayed through `applyCustody` from nothing: the state it ends in, or the first refusal. */
export function replayCustody(item: Pick<CustodyItem, 'events'>): CustodyState | string {
  let s: CustodyState | undefined;
  for (const e of item.events) {
    const r = applyCustody(s, actionOf(e), { actorId: e.by, now: e.at });
    if (!r.ok) return `event ${e.n} (${e.type}) refused: ${r.reason}`;
    if (!same(r.event, e)) return `event ${e.n} (${e.type}) differs from its replay`;
    s = r.next;
  }
  return s ?? 'no events';
}

export function proxyProblems(
  cases: readonly CaseRecord[],
  events: readonly CaseEvent[],
  tasks: readonly ProxyTask[],
  items: readonly CustodyItem[],
): string[] {
  const problems: string[] = [];
  const calendar = createCalendar();
  const byId = new Map(cases.map((c) => [c.id, c]));
  const taskOf = new Map<string, ProxyTask[]>();
  for (const t of tasks) if (t.caseId) taskOf.set(t.caseId, [...(taskOf.get(t.caseId) ?? []), t]);
  const itemsOf = new Map<string, CustodyItem[]>();
  for (const i of items) itemsOf.set(i.caseId, [...(itemsOf.get(i.caseId) ?? []), i]);
  const firstDone = new Map<string, number>();
  for (const e of events)
    if (e.to === '已办结' && e.from !== '已办结')
      firstDone.set(e.caseId, Math.min(firstDone.get(e.caseId) ?? Infinity, e.at));
  for (const c of cases) {
    if (c.mode !== '帮代办') continue;
    const mine = taskOf.get(c.id) ?? [];
    if (mine.length !== 1) {
      problems.push(`case ${c.id}: ${mine.length} proxy requests (one expected)`);
      continue;
    }
    const task = mine[0]!;
    const done = firstDone.get(c.id);
    // The app refuses 办结 until the request is 已送达 (or 已取消).
    const settledBefore = (t: ProxyTask, at: number) =>
      (t.status === '已送达' && t.delivery !== undefined && t.delivery.at <= at) ||
      (t.status === '已取消' && t.cancel !== undefined && t.cancel.at <= at);
    if (done !== undefined && !settledBefore(task, done))
      problems.push(`case ${c.id}: closed (办结) before its request was delivered (已送达)`);
    const closed = c.status === '已办结' || c.status === '已归档' || c.status === '不予受理';
    if ((closed || task.status === '已取消') && unsettledOriginals(itemsOf.get(c.id) ?? []).length > 0)
      problems.push(`case ${c.id}: ${c.status} / ${task.status} with an original out (在外)`);
    if (task.residentId !== c.residentId) problems.push(`proxy task ${task.id}: not the case's resident`);
  }
  for (const t of tasks) {
    if (t.caseId && byId.get(t.caseId)?.mode !== '帮代办')
      problems.push(`proxy task ${t.id}: no 帮代办 case ${t.caseId}`);
    if (!t.caseId && t.status !== '待确认' && t.status !== '已取消')
      problems.push(`proxy task ${t.id}: ${t.status} without a case`);
    if (t.status === '已送达' && !t.delivery) problems.push(`proxy task ${t.id}: 已送达 without its delivery`);
    if (t.status === '已取消' && !t.cancel) problems.push(`proxy task ${t.id}: 已取消 without its cancellation`);
    if (t.visitedDay) {
      const target = calendar.addWorkingDays(t.visitedDay, DEFAULT_PROXY_SETTINGS.targetWorkingDays).date;
      if (t.targetDay !== target) problems.push(`proxy task ${t.id}: target day is not 2 working days after the visit`);
      if (!t.visit) problems.push(`proxy task ${t.id}: visited without a booking`);
    }
    if (t.visit && t.visit.staffIds.length === 1 && !t.visit.soloReason)
      problems.push(`proxy task ${t.id}: one staff member alone without a reason`);
  }
  for (const i of items) {
    const c = byId.get(i.caseId);
    if (!c) problems.push(`custody item ${i.id}: case ${i.caseId} does not exist`);
    else if (c.mode !== '帮代办' || c.residentId !== i.residentId)
      problems.push(`custody item ${i.id}: not a document of its case's resident on a 帮代办 case`);
    const replay = replayCustody(i);
    if (typeof replay === 'string') problems.push(`custody item ${i.id}: ${replay}`);
    else if (!same(replay.holder, i.holder) || replay.status !== i.status)
      problems.push(`custody item ${i.id}: holder or status is not the replay of its events`);
    if (i.events[0]?.at !== i.collectedAt) problems.push(`custody item ${i.id}: collectedAt is not its 收取`);
    if (i.events.some((e, n) => n > 0 && e.at <= i.events[n - 1]!.at))
      problems.push(`custody item ${i.id}: events out of order`);
  }
  return problems;
}

const dayOfInstant = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

export function meetingProblems(d: {
  cases: readonly CaseRecord[];
  events: readonly CaseEvent[];
  visits: readonly Visit[];
  problems: readonly Problem[];
  meetings: readonly Meeting[];
  items: readonly AgendaItem[];
}): string[] {
  const problems: string[] = [];
  const meetings = new Map(d.meetings.map((m) => [m.id, m]));
  const byId = new Map(d.problems.map((p) => [p.id, p]));
  const cases = new Map(d.cases.map((c) => [c.id, c]));
  const visits = new Map(d.visits.map((v) => [v.id, v]));
  const eventsOf = new Map<string, CaseEvent[]>();
  for (const e of d.events) {
    const list = eventsOf.get(e.caseId);
    if (list) list.push(e);
    else eventsOf.set(e.caseId, [e]);
  }
  const itemsOf = new Map<string, AgendaItem[]>();
  for (const i of d.items) {
    const list = itemsOf.get(i.meetingId);
    if (list) list.push(i);
    else itemsOf.set(i.meetingId, [i]);
  }
  for (const i of d.items)
    if (!meetings.has(i.meetingId)) problems.push(`agenda item ${i.id}: meeting ${i.meetingId} does not exist`);
  for (const [meetingId, items] of itemsOf) {
    const m = meetings.get(meetingId);
    const orders = items.map((i) => i.order).sort((a, b) => a - b);
    if (orders.some((n, k) => n !== k + 1)) problems.push(`meeting ${meetingId}: agenda not numbered 1…n`);
    const seenProblems = new Set<string>();
    const seenCases = new Set<string>();
    for (const i of items) {
      if (i.problemId && seenProblems.has(i.problemId))
        problems.push(`meeting ${meetingId}: problem ${i.problemId} twice on its agenda`);
      if (i.caseId && seenCases.has(i.caseId))
        problems.push(`meeting ${meetingId}: case ${i.caseId} twice on its agenda`);
      if (i.problemId) seenProblems.add(i.problemId);
      if (i.caseId) seenCases.add(i.caseId);
      if (i.problemId && !byId.has(i.problemId))
        problems.push(`agenda item ${i.id}: problem ${i.problemId} does not exist`);
      if (i.caseId && !cases.has(i.caseId)) problems.push(`agenda item ${i.id}: case ${i.caseId} does not exist`);
      if (!i.decision || !m) continue;
      if (m.status === '已取消') problems.push(`agenda item ${i.id}: decided at a cancelled meeting`);
      const p = i.problemId ? byId.get(i.problemId) : undefined;
      const record = p?.decisions.find((x) => x.meetingId === meetingId);
      if (!p || !record) {
        problems.push(`agenda item ${i.id}: its decision is not in its problem's history`);
        continue;
      }
      const { meetingId: _m, day, ...decision } = record;
      if (day !== m.day || !same(decision, i.decision))
        problems.push(`agenda item ${i.id}: its decision differs from its problem's history`);
    }
  }
  for (const p of d.problems) {
    const last = p.decisions.at(-1);
    if (p.status === '已合并') {
      const into = p.mergedInto ? byId.get(p.mergedInto) : undefined;
      if (!into || into.status === '已合并') problems.push(`problem ${p.id}: merged into no existing problem`);
      else if (!p.sources.every((s) => into.sources.some((t) => same(s, t))))
        problems.push(`problem ${p.id}: its reports are not in the problem it was merged into`);
      if (last) problems.push(`problem ${p.id}: merged after decisions`);
      continue;
    }
    if (p.mergedInto) problems.push(`problem ${p.id}: points at another problem without being merged`);
    if (last ? p.status !== STATUS_AFTER[last.type] : p.status !== '待研究')
      problems.push(`problem ${p.id}: status ${p.status} is not its last decision's effect`);
    if (
      p.decisions.some((x, k) => meetings.get(x.meetingId)?.day !== x.day || (k > 0 && x.day < p.decisions[k - 1]!.day))
    )
      problems.push(`problem ${p.id}: decisions not of their meetings' days, in order`);
    if (p.caseId && !cases.has(p.caseId)) problems.push(`problem ${p.id}: case ${p.caseId} does not exist`);
    for (const x of p.decisions) {
      const c = p.caseId ? cases.get(p.caseId) : undefined;
      if (x.type === '社区处置') {
        const handed = (eventsOf.get(p.caseId ?? '') ?? []).some(
          (e) => e.action === '会议交办' && dayOfInstant(e.at) === x.day && e.note?.includes(x.dueDay),
        );
        if (!handed) problems.push(`problem ${p.id}: 社区处置 of ${x.day} without its case's 会议交办`);
      }
      if (x.type === '上报街道' && !(c?.escalations ?? []).some((e) => e.raisedDay === x.day && e.office === x.office))
        problems.push(`problem ${p.id}: 上报街道 of ${x.day} without its case's escalation`);
    }
    if (p.sources[0]?.kind === '窗口诉求') {
      const c = p.caseId ? cases.get(p.caseId) : undefined;
      const v = c?.visitId ? visits.get(c.visitId) : undefined;
      if (!c?.matterCode.startsWith('TS-') || v?.kind !== '诉求')
        problems.push(`problem ${p.id}: a 窗口诉求 without its 诉求's TS case`);
    }
  }
  const complaintOf = new Map<string, number>();
  for (const p of d.problems)
    for (const s of p.sources)
      if (s.kind === '窗口诉求' && s.caseId) complaintOf.set(s.caseId, (complaintOf.get(s.caseId) ?? 0) + 1);
  for (const c of d.cases)
    if (c.matterCode.startsWith('TS-') && c.visitId && complaintOf.get(c.id) !== 1)
      problems.push(`case ${c.id}: a 诉求's case with ${complaintOf.get(c.id) ?? 0} problems (one expected)`);
  const ordered = [...d.meetings].sort((a, b) => a.day.localeCompare(b.day));
  let lastHeld: string | undefined;
  for (const m of ordered) {
    if (m.since !== lastHeld)
      problems.push(`meeting ${m.id}: since ${m.since} is not the last meeting held (${lastHeld})`);
    if (m.status === '已召开') {
      if (!m.attendees.some((a) => a.present)) problems.push(`meeting ${m.id}: held with no one present`);
      lastHeld = m.day;
    } else if (m.attendees.some((a) => a.present)) problems.push(`meeting ${m.id}: ${m.status} with someone present`);
    if (m.status === '已取消' && !m.cancelReason) problems.push(`meeting ${m.id}: cancelled without a reason`);
  }
  if (d.meetings.filter((m) => m.status === '筹备中').length > 1) problems.push('more than one meeting being prepared');
  return problems;
}
