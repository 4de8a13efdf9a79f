/**
 * 帮代办 on the generated desk: each 帮代办 case's request lived through the app's own rules —
 * the proxy rule table (`applyProxy`: 预约上门, 上门完成, 办理完毕, 送达, 取消, 委托书回收) and the
 * custody rule table (`applyCustody`: 收取, 移交, 取回, 归还, 留存) for every document taken from
 * the home — fitted around the case's own life (lifecycle.ts):
 *
 * - the home visit is booked at acceptance (two staff; a few alone, with the reason), made 0–3
 *   working days later, its routine target 2 working days after it (the rule computes it);
 * - 1–3 of the documents on the case's list (mostly originals) are collected at the visit; some
 *   are handed to a colleague, the center's cabinet or the street office and fetched back (a
 *   copy now and then kept by the street office: 留存), all settled before the result is
 *   delivered (送达), which comes before the case's first 办结 — the app refuses 办结 earlier;
 * - an open case's request waits for its visit, is being handled or waits for 送达, with its
 *   documents out until they are returned (a few out longer than the alert days);
 * - a cancelled request (the case ended through 不予受理 in the same instant, lifecycle.ts) has
 *   every document returned first — the rule refuses the cancellation otherwise;
 * - besides, requests from a call or a home visit never accepted: a few recent ones 待确认, a
 *   few cancelled before acceptance.
 *
 * Each step also writes what the app writes with it: the case's timeline event (代办… / 材料…) and
 * the audit row (proxy.* / custody.*; no personal data). A step the rules refuse is a bug here,
 * so it throws. Its own random stream: the rest of the desk does not depend on these draws.
 */
import { PROXY_AUDIT_ACTIONS, CUSTODY_AUDIT_ACTIONS } from '@shared/domain/audit';
import type { MatterTypeDef } from '@shared/domain/catalog';
import { applyCustody, holderLabel, unsettledOriginals, type CustodyAction } from '@shared/domain/custody';
import { addDays } from '@shared/domain/localDate';
import { applyProxy, DEFAULT_PROXY_SETTINGS, type ProxyAction, type ProxyState } from '@shared/domain/proxy';
import type {
  AuditEntry,
  CaseEvent,
  EventInput,
  CaseRecord,
  CustodyHolder,
  CustodyItem,
  CustodyItemEvent,
  DeliveryMethod,
  ProxyCancelReason,
  ProxySource,
  ProxyEvent,
  ProxyTask,
  Resident,
  VisitSlot,
} from '@shared/domain/records';
import type { WorkingCalendar } from '@shared/domain/workingCalendar';
import { nextClock } from '@shared/domain/events/clock';
import { PROXY_OPENING, proxyCoreOf, proxyDecision } from '@shared/domain/events/proxyEvents';
import { custodyCoreOf, custodyDecision } from '@shared/domain/events/custodyEvents';
import { instantOn } from './lifecycle';
import { chance, int, pick, weighted, type Rand } from './random';

export type ProxyContext = {
  rand: Rand;
  newId: () => string;
  calendar: WorkingCalendar;
  /** Every staff member who may go on a visit or hold a document. */
  staffIds: readonly string[];
  staffName: (id: string) => string;
  /** Nothing happens on or after this day. */
  today: string;
  /** The desk whose events these are (their clock stamps carry it). */
  desk: number;
};

export type ProxyLife = {
  task: ProxyTask;
  proxyEvents: ProxyEvent[];
  items: CustodyItem[];
  /** The items' own events (changeCustody.ts): 收取 opens each, then one per action. */
  custodyEvents: CustodyItemEvent[];
  events: CaseEvent[];
  audit: AuditEntry[];
};

const SLOTS: readonly (readonly [VisitSlot, number])[] = [
  ['上午', 50],
  ['下午', 40],
  ['晚间', 10],
];
/** Minutes after 08:00 a visit in each slot may start. */
const SLOT_MINUTES: Record<VisitSlot, [number, number]> = { 上午: [60, 200], 下午: [360, 520], 晚间: [630, 690] };
const SOLO_REASONS = ['同事临时外出，居民同意一人上门', '居民只同意熟悉的工作人员上门', '顺路取送材料，居民同意'];
const VISIT_DELAY: readonly (readonly [number, number])[] = [
  [0, 15],
  [1, 40],
  [2, 30],
  [3, 15],
];
const METHODS: readonly (readonly [DeliveryMethod, number])[] = [
  ['上门送达', 60],
  ['来站领取', 25],
  ['邮寄', 15],
];
export const CANCEL_REASONS: readonly (readonly [ProxyCancelReason, number])[] = [
  ['居民撤回', 50],
  ['住院', 20],
  ['去世', 10],
  ['其他', 20],
];
const CANCEL_NOTE: Record<ProxyCancelReason, string | undefined> = {
  居民撤回: undefined,
  住院: undefined,
  去世: undefined,
  其他: '家属已自行办理',
};
const KEPT_AT = ['档案柜 1 号', '档案柜 2 号', '代办资料盒'];
const REQUESTS = [
  '帮忙办理高龄补贴申请',
  '代办居民医保缴费',
  '帮老人办理养老资格认证',
  '残疾人证到期换领',
  '代为申请临时救助',
  '帮忙办理居住证明',
];
const STREET = '岳麓街道便民服务中心';

/** The first instant of a local day. */
const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** The working day `n` working days before `day` (n = 0: `day`). */
function workingDayBefore(calendar: WorkingCalendar, day: string, n: number): string {
  let d = day;
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) left -= 1;
  }
  return d;
}

/**
 * An instant after `lo` and before `hi`: a working day soon after `lo` (within `maxDays` working
 * days, not past `hi`), in office hours where that fits, else halfway.
 */
function after(p: ProxyContext, lo: number, hi: number, maxDays = 2): number {
  if (hi - lo < 2) throw new Error(`proxy generator: no room between ${lo} and ${hi}`);
  const day = p.calendar.addWorkingDays(dayOf(lo), int(p.rand, 0, maxDays)).date;
  const t = instantOn(day < dayOf(hi) ? day : dayOf(hi), int(p.rand, 30, 540));
  return t > lo && t < hi ? t : lo + Math.floor((hi - lo) / 2);
}

/** A task, its documents and the rows the app writes with each step, built step by step. */
class ProxyBuilder {
  state: ProxyState;
  items: CustodyItem[] = [];
  events: Omit<CaseEvent, 'n'>[] = [];
  audit: AuditEntry[] = [];
  updated: { at: number; by: string };

  constructor(
    private readonly p: ProxyContext,
    readonly task: Omit<ProxyTask, Exclude<keyof ProxyState, 'caseId'> | 'updatedAt' | 'updatedBy'>,
    status: ProxyState['status'],
    private readonly trackingNumber?: string,
  ) {
    this.state = { status };
    this.updated = { at: task.createdAt, by: task.createdBy };
    const opened = this.done();
    this.proxyEvent({
      at: task.createdAt,
      by: task.createdBy,
      action: PROXY_OPENING,
      to: status,
      base: proxyCoreOf(opened),
    });
  }

  /** The request's own events (changeProxy.ts): the opening one, then one per action. */
  proxyEvents: ProxyEvent[] = [];
  private clock: string | undefined;

  private proxyEvent(e: Omit<ProxyEvent, 'id' | 'clock' | 'desk' | 'taskId'>): void {
    this.clock = nextClock(this.clock, e.at, this.p.desk);
    this.proxyEvents.push({ ...e, id: this.p.newId(), taskId: this.task.id, clock: this.clock, desk: this.p.desk });
  }

  proxy(action: ProxyAction, at: number, by: string): void {
    const out = unsettledOriginals(this.items).map((i) => i.document);
    const ctx = {
      actorId: by,
      now: at,
      today: dayOf(at),
      settings: DEFAULT_PROXY_SETTINGS,
      calendar: this.p.calendar,
      originalsOut: out,
    };
    const r = applyProxy(this.state, action, ctx);
    if (!r.ok) throw new Error(`proxy generator: ${action.type} refused: ${r.reason}`);
    const from = this.state.status;
    const before = this.done();
    this.state = r.next;
    this.updated = { at, by };
    const after = this.done();
    this.proxyEvent({
      at,
      by,
      action: action.type,
      from,
      to: r.next.status,
      note: r.note,
      input: action as unknown as EventInput,
      decided: proxyDecision(before, after),
    });
    if (this.task.caseId)
      this.events.push({
        id: this.p.newId(),
        caseId: this.task.caseId,
        at,
        by,
        action: `代办${action.type}`,
        note: r.note,
      });
    const tail = this.trackingNumber ? `（办件 ${this.trackingNumber}）` : '';
    this.audit.push({
      at,
      staffId: by,
      action: PROXY_AUDIT_ACTIONS[action.type],
      entity: 'proxyTask',
      entityId: this.task.id,
      detail: `${from}→${r.next.status}${tail}`,
    });
  }

  collect(document: string, original: boolean, count: number, at: number, by: string): CustodyItem {
    const r = applyCustody(undefined, { type: '收取' }, { actorId: by, now: at });
    if (!r.ok) throw new Error(`proxy generator: 收取 refused: ${r.reason}`);
    const item: CustodyItem = {
      id: this.p.newId(),
      caseId: this.task.caseId!,
      residentId: this.task.residentId,
      document,
      original,
      count,
      collectedAt: at,
      ...r.next,
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
    };
    this.items.push(item);
    this.custodyEvent(item, { at, by, action: '收取', input: { type: '收取' }, base: custodyCoreOf(item) });
    this.custodyRows(item, r.event, '收取');
    return item;
  }

  custody(item: CustodyItem, action: CustodyAction, at: number, by: string): void {
    const r = applyCustody(item, action, { actorId: by, now: at });
    if (!r.ok) throw new Error(`proxy generator: ${action.type} refused: ${r.reason}`);
    const before = { ...item };
    Object.assign(item, r.next, { updatedAt: at, updatedBy: by });
    this.custodyEvent(item, {
      at,
      by,
      action: action.type,
      note: r.event.note,
      input: action as unknown as EventInput,
      decided: custodyDecision(before, item),
    });
    this.custodyRows(item, r.event, action.type);
  }

  /** The items' own events; ids derived from the item's (the id stream stays as it was). */
  custodyEvents: CustodyItemEvent[] = [];
  private custodyClocks = new Map<string, string>();

  private custodyEvent(item: CustodyItem, e: Omit<CustodyItemEvent, 'id' | 'clock' | 'desk' | 'itemId' | 'caseId'>) {
    const clock = nextClock(this.custodyClocks.get(item.id), e.at, this.p.desk);
    this.custodyClocks.set(item.id, clock);
    const n = this.custodyEvents.filter((x) => x.itemId === item.id).length + 1;
    this.custodyEvents.push({
      ...e,
      id: `${item.id}-c${n}`,
      itemId: item.id,
      caseId: item.caseId,
      clock,
      desk: this.p.desk,
    });
  }

  private custodyRows(item: CustodyItem, e: CustodyItem['events'][number], type: CustodyAction['type']): void {
    const who = this.p.staffName;
    this.events.push({
      id: this.p.newId(),
      caseId: item.caseId,
      at: e.at,
      by: e.by,
      action: `材料${type}`,
      note: `${item.document}（${item.original ? '原件' : '复印件'}${item.count}份）：${holderLabel(e.from, who)} → ${holderLabel(e.to, who)}${e.note ? `；${e.note}` : ''}`,
    });
    this.audit.push({
      at: e.at,
      staffId: e.by,
      action: CUSTODY_AUDIT_ACTIONS[type],
      entity: 'custodyItem',
      entityId: item.id,
      detail: `${type}（办件 ${this.trackingNumber ?? ''}）`,
    });
  }

  done(): ProxyTask {
    return { ...this.task, ...this.state, updatedAt: this.updated.at, updatedBy: this.updated.by } as ProxyTask;
  }
}

/** The holder's staff id of an item in a staff member's hands, else undefined. */
const heldBy = (h: CustodyHolder) => (h.kind === 'staff' ? h.staffId : undefined);

/**
 * One document's way from its collection on: a hand-over now and then (a colleague, the
 * cabinet, the street office) and back, then 归还 (or, for a copy at the street office, 留存) —
 * each step before `deadline`; the steps not reached before `cutoff` have not happened (the
 * document is still out).
 */
function documentWay(
  p: ProxyContext,
  b: ProxyBuilder,
  item: CustodyItem,
  from: number,
  deadline: number,
  cutoff: number,
) {
  const { rand } = p;
  const holder = () => heldBy(item.holder) ?? '';
  const colleague = () =>
    pick(
      rand,
      p.staffIds.filter((s) => s !== holder()),
    );
  // Each step: the action and who records it, decided when it happens.
  type Step = () => [CustodyAction, string];
  const handOver =
    (to: Extract<CustodyAction, { type: '移交' }>['to']): Step =>
    () => [{ type: '移交', to }, holder()];
  const fetch: Step = () => [{ type: '取回' }, pick(rand, p.staffIds)];
  const giveBack: Step = () => [{ type: '归还' }, holder()];
  const route = rand();
  const steps: Step[] =
    route < 0.25
      ? !item.original && chance(rand, 0.5)
        ? [
            handOver({ kind: 'street', name: STREET }),
            () => [{ type: '留存', reason: '街道按规定留存复印件' }, pick(rand, p.staffIds)],
          ]
        : [handOver({ kind: 'street', name: STREET }), fetch, giveBack]
      : route < 0.35
        ? [() => [{ type: '移交', to: { kind: 'staff', staffId: colleague() } }, holder()], giveBack]
        : route < 0.45
          ? [handOver({ kind: 'cabinet' }), fetch, giveBack]
          : [giveBack];
  let at = from;
  for (const [n, step] of steps.entries()) {
    // Hand-overs soon after the visit; the last step close to the deadline (the 送达, the
    // cancellation, or the day the document comes back).
    at = n === steps.length - 1 ? after(p, Math.max(at, deadline - 6 * 3600_000), deadline, 0) : after(p, at, deadline);
    if (at >= cutoff) return;
    const [action, by] = step();
    b.custody(item, action, at, by);
  }
}

/** The documents a staff member can collect at home for `record`: on its list, the resident's own. */
function collectable(matter: MatterTypeDef, record: CaseRecord) {
  return matter.documents.filter(
    (d) =>
      record.documentsReceived.includes(d.name) &&
      d.form !== '现场填写' &&
      d.form !== '电子材料' &&
      !d.source.includes('窗口'),
  );
}

export type ProxyCaseInput = {
  record: CaseRecord;
  /** The case's own timeline (lifecycle.ts), numbered. */
  events: readonly CaseEvent[];
  matter: MatterTypeDef;
  source: ProxySource;
  acceptedAt: number;
  /** Who accepted it at the counter. */
  staffId: string;
  cancelled?: { at: number; by: string; reason: ProxyCancelReason };
  /** The case waits for the street office (lifecycle.ts): its documents are mostly still out. */
  waits?: boolean;
};

/** The request of one 帮代办 case, lived around the case's life; the case's timeline merged with its steps. */
export function liveProxyCase(p: ProxyContext, c: ProxyCaseInput): ProxyLife {
  const { rand, calendar } = p;
  const { record } = c;
  const acceptedDay = record.acceptedDay;
  // Everything happens before the first 办结, the cancellation, or today.
  // (A case reopened after its request was cancelled may be 办结 later, without it.)
  const doneAt = c.cancelled ? undefined : c.events.find((e) => e.to === '已办结' && e.from !== '已办结')?.at;
  const todayStart = dayStart(p.today);
  const end = doneAt ?? c.cancelled?.at ?? todayStart;
  // A call or a home visit: the request came in earlier (待确认), accepted with this case.
  const requestedAt =
    c.source === '窗口'
      ? c.acceptedAt
      : Math.min(
          instantOn(workingDayBefore(calendar, acceptedDay, int(rand, 0, 3)), int(rand, 0, 400)),
          c.acceptedAt - 60_000,
        );
  const requestedBy = c.source === '入户走访' ? pick(rand, p.staffIds) : c.staffId;
  const b = new ProxyBuilder(
    p,
    {
      id: p.newId(),
      caseId: record.id,
      residentId: record.residentId!,
      source: c.source,
      request: c.source === '窗口' ? record.matterName : pick(rand, REQUESTS),
      requestedDay: dayOf(requestedAt),
      createdAt: requestedAt,
      createdBy: requestedBy,
    },
    c.source === '窗口' ? '待上门' : '待确认',
    record.trackingNumber,
  );
  if (c.source !== '窗口') {
    b.audit.push({
      at: requestedAt,
      staffId: requestedBy,
      action: 'proxy.request',
      entity: 'proxyTask',
      entityId: b.task.id,
      detail: c.source,
    });
    b.proxy({ type: '受理', caseId: record.id }, c.acceptedAt, c.staffId);
    b.events.pop(); // accepting is the case's own 受理 on its timeline
    b.audit[b.audit.length - 1]!.detail = record.trackingNumber;
  }

  // The booking, at the counter right after acceptance (an open case just accepted may wait).
  const bookedAt = c.acceptedAt + int(rand, 2, 20) * 60_000;
  const booked = bookedAt < end && (doneAt !== undefined || c.cancelled !== undefined || chance(rand, 0.9));
  let visitDay = calendar.addWorkingDays(acceptedDay, weighted(rand, VISIT_DELAY)).date;
  // A closed case was visited on a working day before the one it was closed on.
  if (doneAt !== undefined) {
    const lastVisitDay = workingDayBefore(calendar, dayOf(doneAt), 1);
    if (visitDay > lastVisitDay) visitDay = lastVisitDay < acceptedDay ? acceptedDay : lastVisitDay;
  }
  const slot = weighted(rand, SLOTS);
  const first = pick(rand, p.staffIds);
  const solo = chance(rand, 0.08);
  const staffIds = solo
    ? [first]
    : [
        first,
        pick(
          rand,
          p.staffIds.filter((s) => s !== first),
        ),
      ];
  if (booked)
    b.proxy(
      { type: '预约上门', day: visitDay, slot, staffIds, ...(solo ? { soloReason: pick(rand, SOLO_REASONS) } : {}) },
      bookedAt,
      c.staffId,
    );
  const [m0, m1] = SLOT_MINUTES[slot];
  let visitedAt = instantOn(visitDay, int(rand, m0, m1));
  if (visitedAt <= bookedAt) visitedAt = bookedAt + int(rand, 30, 120) * 60_000;
  // Visited on a day before the one the request ended (closed, cancelled) or before today.
  const visited = booked && dayOf(visitedAt) < dayOf(end);
  if (doneAt !== undefined && !visited) throw new Error(`proxy generator: closed case ${record.id} never visited`);
  if (visited) {
    b.proxy({ type: '上门完成' }, visitedAt, first);
    if (chance(rand, 0.85)) {
      const mandateAt = visitedAt + int(rand, 40, 120) * 60_000;
      if (mandateAt < end && dayOf(mandateAt) < p.today)
        b.proxy({ type: '委托书回收', day: dayOf(mandateAt), keptAt: pick(rand, KEPT_AT) }, mandateAt, first);
    }
    const docs = [...collectable(c.matter, record)].sort(() => rand() - 0.5).slice(0, int(rand, 1, 3));
    const items = docs.map((d, i) => {
      const original = d.form === '原件' || (d.form.includes('原件') && chance(rand, 0.8));
      return b.collect(
        d.name,
        original,
        original ? 1 : Math.min(20, Math.max(1, d.count)),
        visitedAt + (i + 1) * 60_000,
        first,
      );
    });
    const startAt = visitedAt + (items.length + 1) * 60_000;

    if (doneAt !== undefined) {
      // Delivered mostly within the routine target, else close to the case's 办结.
      const target = b.state.targetDay!;
      const targetEnd = Math.min(doneAt, dayStart(addDays(target, 1)));
      const deliveredAt =
        chance(rand, 0.7) && targetEnd - startAt > 60 * 60_000
          ? after(p, startAt + 30 * 60_000, targetEnd, 2)
          : Math.max(doneAt - int(rand, 5, 25) * 60_000, startAt + 20 * 60_000);
      if (deliveredAt >= doneAt) throw new Error('proxy generator: delivery after 办结');
      for (const item of items) documentWay(p, b, item, startAt, deliveredAt, Infinity);
      const lastCustody = Math.max(startAt, ...b.items.flatMap((i) => i.events.map((e) => e.at)));
      const readyAt =
        chance(rand, 0.8) && deliveredAt - lastCustody > 2 ? after(p, lastCustody, deliveredAt, 1) : undefined;
      if (readyAt !== undefined) b.proxy({ type: '办理完毕' }, readyAt, first);
      const by = pick(rand, staffIds);
      b.proxy({ type: '送达', method: weighted(rand, METHODS), at: deliveredAt, by }, deliveredAt, by);
    } else if (c.cancelled) {
      for (const item of items) documentWay(p, b, item, startAt, c.cancelled.at, Infinity);
    } else {
      // Open: each document comes back within days — or has not yet (a case that waits for the
      // street office has most of its documents out until then).
      for (const item of items) {
        const wait = c.waits && chance(rand, 0.7) ? 60 : int(rand, 2, 15);
        const back = instantOn(calendar.addWorkingDays(visitDay, wait).date, 540);
        documentWay(p, b, item, startAt, back, todayStart);
      }
      const lastCustody = Math.max(startAt, ...b.items.flatMap((i) => i.events.map((e) => e.at)));
      if (chance(rand, 0.5)) {
        const readyAt = after(p, lastCustody, Math.max(todayStart, lastCustody + 3), 3);
        if (readyAt < todayStart) b.proxy({ type: '办理完毕' }, readyAt, first);
      }
    }
  }
  if (c.cancelled) {
    const reason = c.cancelled.reason;
    const note = CANCEL_NOTE[reason];
    b.proxy({ type: '取消', reason, ...(note ? { note } : {}) }, c.cancelled.at, c.cancelled.by);
  }
  return {
    task: b.done(),
    proxyEvents: b.proxyEvents,
    items: b.items,
    custodyEvents: b.custodyEvents,
    events: mergeTimeline(c.events, b.events, p.desk),
    audit: b.audit,
  };
}

/**
 * The case's timeline with the request's steps put in by time (a step at the same instant as a
 * case event goes first: the request's 取消 is written before the case's 不予受理), numbered again.
 */
function mergeTimeline(caseEvents: readonly CaseEvent[], steps: Omit<CaseEvent, 'n'>[], desk: number): CaseEvent[] {
  const sorted = [...steps].sort((a, b) => a.at - b.at);
  const out: Omit<CaseEvent, 'n'>[] = [];
  let i = 0;
  for (const e of caseEvents) {
    while (i < sorted.length && sorted[i]!.at <= e.at && e.n !== 1) out.push(sorted[i++]!);
    out.push(e);
  }
  out.push(...sorted.slice(i));
  // Clock stamps again in the merged order (the desk wrote them in this order).
  let clock: string | undefined;
  return out.map((e, n) => {
    clock = nextClock(clock, e.at, desk);
    return { ...e, n: n + 1, clock, desk } as CaseEvent;
  });
}

/**
 * A request from a call or a home visit that never became a case: still 待确认 (a recent one), or
 * cancelled before acceptance on `cancelDay`.
 */
export function caselessRequest(
  p: ProxyContext,
  resident: Resident,
  day: string,
  cancel?: { day: string; reason: ProxyCancelReason },
): { task: ProxyTask; proxyEvents: ProxyEvent[]; audit: AuditEntry[] } {
  const { rand } = p;
  const source: ProxySource = chance(rand, 0.6) ? '电话' : '入户走访';
  const at = instantOn(day, int(rand, 30, 520));
  const by = pick(rand, p.staffIds);
  const b = new ProxyBuilder(
    p,
    {
      id: p.newId(),
      residentId: resident.id,
      source,
      request: pick(rand, REQUESTS),
      requestedDay: day,
      createdAt: at,
      createdBy: by,
    },
    '待确认',
  );
  b.audit.push({ at, staffId: by, action: 'proxy.request', entity: 'proxyTask', entityId: b.task.id, detail: source });
  if (cancel) {
    const cancelAt = Math.max(instantOn(cancel.day, int(rand, 30, 540)), at + 60_000);
    const note = CANCEL_NOTE[cancel.reason];
    b.proxy({ type: '取消', reason: cancel.reason, ...(note ? { note } : {}) }, cancelAt, pick(rand, p.staffIds));
  }
  return { task: b.done(), proxyEvents: b.proxyEvents, audit: b.audit };
}
