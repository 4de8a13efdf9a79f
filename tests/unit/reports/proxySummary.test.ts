/**
 * The 帮代办 part of the period summary on hand-built requests and documents, against figures
 * counted by hand: requests by source, 帮代办 cases accepted, cancellations by reason, home
 * visits (one staff member alone), deliveries by method and within the routine target, and the
 * documents out at the period's end replayed from their events (one returned after the end still
 * counts as out) with their age in bands at the boundaries (3/4, 7/8 days, the alert days).
 * Then the rows every output shows, and the package: its closed schema takes the figures and
 * refuses anything more.
 */
import { describe, expect, it } from 'vitest';
import type { CaseRecord, CustodyEvent, CustodyHolder, CustodyItem, ProxyTask } from '@shared/domain/records';
import { outAtEndOf, proxySummary, summarize, type SummaryInput } from '@shared/reports/summary';
import { summarySections } from '@shared/reports/summaryRows';
import type { WirePackage } from '@shared/reports/wire/types';
import { listOf } from '@shared/reports/wire/figures';
import { namesOf, summariesOf } from '@shared/reports/reportData';
import { oldCase } from '../../db/shippedSchemas';
import { contentOf, expectPackageValid, expectSmugglesRefused, listItem, weekData } from './packageFixtures';

const week = { from: '2026-11-16', to: '2026-11-22' };
const before = { from: '2026-11-09', to: '2026-11-15' };
/** An instant on a local day, Beijing time. */
const at = (day: string, hm = '10:00') => Date.parse(`${day}T${hm}:00+08:00`);
const stamp = { createdAt: 1, createdBy: 's1', updatedAt: 1, updatedBy: 's1' };

function task(id: string, patch: Partial<ProxyTask>): ProxyTask {
  return {
    id,
    residentId: 'r1',
    source: '窗口',
    status: '待上门',
    request: '代办',
    requestedDay: '2026-11-16',
    ...stamp,
    ...patch,
  };
}
const visit = (day: string, staffIds: string[]) => ({
  day,
  slot: '上午' as const,
  staffIds,
  ...(staffIds.length === 1 ? { soloReason: '同事外出' } : {}),
  bookedAt: at(day, '08:30'),
  bookedBy: 's1',
});

const staff = (id: string): CustodyHolder => ({ kind: 'staff', staffId: id });
const resident: CustodyHolder = { kind: 'resident' };
const street: CustodyHolder = { kind: 'street', name: '街道' };

/** An item collected on `day` and the steps after it: [type, day, to]. */
function item(id: string, day: string, original: boolean, steps: [CustodyEvent['type'], string, CustodyHolder][] = []) {
  const events: CustodyEvent[] = [{ n: 1, type: '收取', from: resident, to: staff('s1'), at: at(day), by: 's1' }];
  for (const [type, d, to] of steps)
    events.push({ n: events.length + 1, type, from: events[events.length - 1]!.to, to, at: at(d, '16:00'), by: 's1' });
  const last = events[events.length - 1]!;
  const status: CustodyItem['status'] =
    last.type === '归还' ? '已归还' : last.type === '留存' ? '已留存' : last.type === '遗失损坏' ? '遗失损坏' : '在外';
  return {
    id,
    caseId: 'c1',
    residentId: 'r1',
    document: '户口簿',
    original,
    count: 1,
    holder: last.to,
    status,
    collectedAt: at(day),
    events,
    ...stamp,
  } satisfies CustodyItem;
}

const tasks: ProxyTask[] = [
  // Received, visited by two and delivered within its target, all in the week.
  task('t1', {
    caseId: 'c1',
    status: '已送达',
    requestedDay: '2026-11-16',
    visit: visit('2026-11-17', ['s1', 's2']),
    visitedDay: '2026-11-17',
    targetDay: '2026-11-19',
    delivery: { method: '上门送达', at: at('2026-11-19', '15:00'), by: 's1' },
  }),
  // A call the week before, accepted and visited by one alone this week, delivered after it.
  task('t2', {
    caseId: 'c2',
    source: '电话',
    status: '已送达',
    requestedDay: '2026-11-13',
    visit: visit('2026-11-18', ['s2']),
    visitedDay: '2026-11-18',
    targetDay: '2026-11-20',
    delivery: { method: '邮寄', at: at('2026-11-23'), by: 's2' },
  }),
  // A home visit's request cancelled in the week (no case).
  task('t3', {
    source: '入户走访',
    status: '已取消',
    requestedDay: '2026-11-20',
    cancel: { reason: '住院', at: at('2026-11-21'), by: 's1' },
  }),
  // A call received the week before, cancelled this week before it had a case.
  task('t4', {
    source: '电话',
    status: '已取消',
    requestedDay: '2026-11-10',
    cancel: { reason: '居民撤回', at: at('2026-11-17', '09:00'), by: 's1' },
  }),
  // Visited the week before; delivered this week, after its target day.
  task('t5', {
    caseId: 'c5',
    status: '已送达',
    requestedDay: '2026-11-09',
    visit: visit('2026-11-10', ['s1', 's3']),
    visitedDay: '2026-11-10',
    targetDay: '2026-11-12',
    delivery: { method: '来站领取', at: at('2026-11-18'), by: 's3' },
  }),
  // Received on the week's last day, the visit still to make.
  task('t6', { caseId: 'c6', requestedDay: '2026-11-22', visit: visit('2026-11-24', ['s1', 's2']) }),
];

const items: CustodyItem[] = [
  // Out at the week's end though returned since (an earlier period counts it as out): 3 days.
  item('i1', '2026-11-19', true, [['归还', '2026-11-25', resident]]),
  // A copy still out: 4 days.
  item('i2', '2026-11-18', false),
  // At the street office and fetched back, still out: 7 days (not past 7).
  item('i3', '2026-11-15', true, [
    ['移交', '2026-11-16', street],
    ['取回', '2026-11-20', staff('s1')],
  ]),
  // Still out: 8 days, past the alert days.
  item('i4', '2026-11-14', true),
  // Returned on the week's last day: not out at its end (out at the week before's).
  item('i5', '2026-11-10', true, [['归还', '2026-11-22', resident]]),
  // Collected after the week.
  item('i6', '2026-11-23', true),
  // A copy kept by the street office in the week (out at the week before's end).
  item('i7', '2026-11-12', false, [
    ['移交', '2026-11-13', street],
    ['留存', '2026-11-20', street],
  ]),
  // Reported lost in the week.
  item('i8', '2026-11-20', true, [['遗失损坏', '2026-11-21', staff('s1')]]),
];

const kase = (id: string, mode: CaseRecord['mode'], acceptedDay: string) =>
  oldCase(id, { mode, acceptedDay, trackingNumber: `THL-${acceptedDay.replace(/-/g, '')}-000${id.slice(1)}` });
const cases: CaseRecord[] = [
  kase('c1', '帮代办', '2026-11-16'),
  kase('c2', '帮代办', '2026-11-16'),
  kase('c5', '帮代办', '2026-11-09'),
  kase('c6', '帮代办', '2026-11-22'),
  kase('c7', '承诺件', '2026-11-17'),
];

const input = (patch: Partial<SummaryInput> = {}): SummaryInput => ({
  visits: [],
  cases,
  residents: [],
  categoryOf: () => '其他',
  proxyTasks: tasks,
  custodyItems: items,
  custodyAlertDays: 7,
  problems: [],
  meetings: [],
  agendaItems: [],
  ...patch,
});

describe('帮代办 in the period summary, counted by hand', () => {
  it('requests, acceptances, cancellations, home visits and deliveries of the week', () => {
    const s = proxySummary(input(), week);
    expect(s.requests).toEqual({ total: 3, bySource: { 窗口: 2, 入户走访: 1 } });
    expect(s.accepted).toBe(3);
    expect(s.cancelled).toEqual({ total: 2, byReason: { 住院: 1, 居民撤回: 1 } });
    expect(s.homeVisits).toEqual({ total: 2, solo: 1 });
    expect(s.delivered).toEqual({
      total: 2,
      byMethod: { 上门送达: 1, 来站领取: 1 },
      withinTarget: 1,
      withinTargetRate: 0.5,
    });
  });

  it('the week before: its own requests and visits, nothing delivered (no rate)', () => {
    const s = proxySummary(input(), before);
    expect(s.requests).toEqual({ total: 3, bySource: { 电话: 2, 窗口: 1 } });
    expect(s.accepted).toBe(1);
    expect(s.cancelled.total).toBe(0);
    expect(s.homeVisits).toEqual({ total: 1, solo: 0 });
    expect(s.delivered).toEqual({ total: 0, byMethod: {}, withinTarget: 0, withinTargetRate: null });
  });

  it('a delivery on its target day is within it, a day later is not', () => {
    const onTarget = task('x', { ...tasks[0], delivery: { method: '邮寄', at: at('2026-11-19', '23:59'), by: 's1' } });
    const dayLate = task('y', { ...tasks[0], delivery: { method: '邮寄', at: at('2026-11-20', '00:00'), by: 's1' } });
    const noVisit = task('z', { status: '已送达', delivery: { method: '邮寄', at: at('2026-11-18'), by: 's1' } });
    const s = proxySummary(input({ proxyTasks: [onTarget, dayLate, noVisit] }), week);
    expect(s.delivered).toMatchObject({ total: 3, withinTarget: 1 });
  });

  it('documents out at the week’s end, replayed from their events, with their age in bands', () => {
    const s = proxySummary(input(), week);
    expect(s.documentsOut).toEqual({
      total: 4,
      originals: 3,
      byAge: { '3天以内': 1, '4–7天': 2, '8天以上': 1 },
      overAlert: 1,
      alertDays: 7,
      longestDays: 8,
    });
    // The one handed back after the week's end is 已归还 now, and still counted.
    expect(items[0]!.status).toBe('已归还');
    expect(outAtEndOf(items[0]!, week.to)).toBe(true);
    expect(outAtEndOf(items[0]!, '2026-11-25')).toBe(false);
    // Returned on the last day: not out at its end.
    expect(outAtEndOf(items[4]!, week.to)).toBe(false);
    expect(outAtEndOf(items[4]!, '2026-11-21')).toBe(true);
  });

  it('the week before’s end: the documents settled since were out then', () => {
    expect(proxySummary(input(), before).documentsOut).toEqual({
      total: 4,
      originals: 3,
      byAge: { '3天以内': 3, '4–7天': 1, '8天以上': 0 },
      overAlert: 0,
      alertDays: 7,
      longestDays: 5,
    });
  });

  it('the center’s own alert days move the over-alert count, not the bands', () => {
    const s = proxySummary(input({ custodyAlertDays: 3 }), week).documentsOut;
    expect(s).toMatchObject({ overAlert: 3, alertDays: 3, byAge: { '3天以内': 1, '4–7天': 2, '8天以上': 1 } });
    expect(proxySummary(input({ custodyAlertDays: 8 }), week).documentsOut.overAlert).toBe(0);
  });

  it('a week not over yet is judged as of today', () => {
    const out = [item('a', '2026-11-14', true), item('b', '2026-11-18', true)];
    const s = proxySummary(input({ custodyItems: out, today: '2026-11-19' }), week).documentsOut;
    // Day numbers: 11-19 − 11-14 = 5, 11-19 − 11-18 = 1.
    expect(s).toMatchObject({
      total: 2,
      byAge: { '3天以内': 1, '4–7天': 1, '8天以上': 0 },
      overAlert: 0,
      longestDays: 5,
    });
  });

  it('the 帮代办 rows every output shows: this week against the week before', () => {
    const all = input();
    const sections = summarySections(
      summarize(all, week),
      summarize(all, before),
      namesOf({ catalog: [], staff: [], grids: [] }),
    );
    const proxy = sections.find((x) => x.title === '帮代办')!;
    const rows = Object.fromEntries(proxy.rows.map((r) => [r.label, [r.now, r.before]]));
    expect(rows).toEqual({
      代办需求: [3, 3],
      '来源：窗口': [2, 1],
      '来源：电话': [0, 2],
      '来源：入户走访': [1, 0],
      代办受理: [3, 1],
      代办取消: [2, 0],
      '取消原因：住院': [1, 0],
      '取消原因：居民撤回': [1, 0],
      '上门服务（次）': [2, 1],
      其中一人上门: [1, 0],
      送达: [2, 0],
      '送达方式：上门送达': [1, 0],
      '送达方式：来站领取': [1, 0],
      '送达方式：邮寄': [0, 0],
      代办目标内送达: [1, 0],
      代办目标内送达率: ['50.0%', '—'],
      '期末材料在外（件）': [4, 4],
      其中原件: [3, 3],
      '在外 3天以内': [1, 3],
      '在外 4–7天': [2, 1],
      '在外 8天以上': [1, 0],
      '在外超过提醒天数（7天）': [1, 0],
      '在外最久（天）': [8, 5],
    });
    // No resident and no staff member is named in the section.
    expect(JSON.stringify(proxy)).not.toMatch(/r1|s1|s2|户口簿/);
  });
});

describe('帮代办 in the JSON package', () => {
  const data = weekData({ period: week, previous: before, cases, proxyTasks: tasks, custodyItems: items });

  it('carries the week’s figures (rates as their parts) and passes its closed schema', async () => {
    const { now } = summariesOf(data);
    const p = now.proxy;
    const c = contentOf(data);
    expect(c.counts).toMatchObject({
      proxyRequests: p.requests.total,
      proxyAccepted: p.accepted,
      proxyCancelled: p.cancelled.total,
      proxyHomeVisits: p.homeVisits.total,
      proxyHomeVisitsSolo: p.homeVisits.solo,
      proxyDelivered: p.delivered.total,
      proxyDeliveredWithinTarget: p.delivered.withinTarget,
      documentsOut: p.documentsOut.total,
      documentsOutOriginals: p.documentsOut.originals,
      documentsOverAlert: p.documentsOut.overAlert,
    });
    expect(c.rates.proxyWithinTarget).toEqual({ num: p.delivered.withinTarget, den: p.delivered.total });
    expect(c.maxima.documentsOutLongestDays).toBe(p.documentsOut.longestDays);
    expect(c.custodyAlertDays).toBe(p.documentsOut.alertDays);
    expect(c.lists.documentsOutByAge).toEqual(listOf(p.documentsOut.byAge));
    expect(c.lists.proxyRequestsBySource).toEqual(listOf(p.requests.bySource));
    await expectPackageValid(data);
  });

  it('refuses a 帮代办 figure it does not know (re-hashed): no names can ride along', async () => {
    await expectSmugglesRefused(data, [
      (p: WirePackage) => Object.assign(p.content.maxima, { holders: ['值班员1号'] }),
      (p: WirePackage) => p.content.lists.proxyRequestsBySource.push(listItem('王秀英')),
      (p: WirePackage) => Object.assign(p.content.counts, { residents: ['r1'] }),
    ]);
  });
});
