/**
 * The crash loop's checker (issue 22, item 11): given every table of the `duty-desk` database
 * as read back after a kill and a restart, and the actions the UI showed as done, it lists what
 * is missing or half-written. Pure: the e2e loop feeds it the tables read in Chromium
 * (`readAllTables` run in the page), the db test of the checker feeds it tables from
 * fake-indexeddb, planted defects included.
 *
 * Checked, each as one "problem" line (no personal data: ids, tracking numbers, table names):
 * - a visit whose case is missing, a case whose visit is missing or does not list it;
 * - a case without its opening event (first in clock order), a record that is not the fold of
 *   its events, a status that is not where its last status-changing event left it;
 * - a tracking number used twice, one that is not `<counter key>-<seq>`, a counter (per desk and day) behind the
 *   highest number it issued;
 * - a custody item without events, not starting with 收取, numbered out of order, held by
 *   someone other than its last event says, or whose events and the case's 材料… events differ;
 * - a proxy request naming a case that is not there;
 * - every action the UI confirmed: a registration (its case, its resident), a case action
 *   (its event), a custody step (the item and its event).
 */
import { caseCoreOf, foldCase } from '@shared/domain/events/caseEvents';
import { inClockOrder } from '@shared/domain/events/patch';
import type { CaseEvent, CaseRecord } from '@shared/domain/records';

import { counterKeyFor, parseTrackingNumber } from '../../shared/domain/trackingNumber';

export type Row = Record<string, unknown>;
export type Tables = Record<string, Row[]>;

/** What the UI showed as done before a kill. */
export type ConfirmedAction =
  | { kind: 'registration'; trackingNumber: string; residentName: string }
  | { kind: 'caseAction'; trackingNumber: string; action: string }
  | { kind: 'custody'; trackingNumber: string; type: string; document: string };

export type CheckReport = {
  problems: string[];
  /** Records read and checked (every row of the tables the rules look at). */
  recordsChecked: number;
  actionsVerified: number;
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function byKey(rows: Row[], key: string): Map<string, Row> {
  return new Map(rows.map((r) => [str(r[key]), r]));
}

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const k = str(r[key]);
    const g = out.get(k);
    if (g) g.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function numberedInOrder(ns: number[]): boolean {
  return [...ns].sort((a, b) => a - b).every((n, i) => n === i + 1);
}

/** Plain data with object keys in one order (a stored record and a fold compare as JSON). */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, sortedKeys(x)]),
    );
  return v;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function checkDesk(tables: Tables, confirmed: readonly ConfirmedAction[] = []): CheckReport {
  const problems: string[] = [];
  const t = (name: string) => tables[name] ?? [];
  const visits = t('visits');
  const cases = t('cases');
  const events = t('caseEvents');
  const counters = t('counters');
  const items = t('custodyItems');
  const proxy = t('proxyTasks');
  const residents = t('residents');
  const visitById = byKey(visits, 'id');
  const caseById = byKey(cases, 'id');
  const eventsByCase = groupBy(events, 'caseId');
  const itemsByCase = groupBy(items, 'caseId');

  for (const v of visits) {
    for (const caseId of list(v.caseIds)) {
      if (!caseById.has(str(caseId))) problems.push(`来访 ${str(v.id)}：办件 ${str(caseId)} 不存在`);
    }
  }

  const numbers = new Map<string, number>();
  const highest = new Map<string, number>();
  for (const c of cases) {
    const id = str(c.id);
    const tn = str(c.trackingNumber);
    const visitId = str(c.visitId);
    if (visitId) {
      const v = visitById.get(visitId);
      if (!v) problems.push(`办件 ${tn}：来访 ${visitId} 不存在`);
      else if (!list(v.caseIds).includes(id)) problems.push(`办件 ${tn}：来访 ${visitId} 未列出此办件`);
    }
    const own = eventsByCase.get(id) ?? [];
    if (own.length === 0) problems.push(`办件 ${tn}：没有任何办理记录（缺第一条事件）`);
    else {
      // Events in their clock order (DB v13); the first is the opening one (it carries the record).
      const ordered = inClockOrder(own as unknown as CaseEvent[]);
      if (!ordered[0]?.base) problems.push(`办件 ${tn}：缺第一条事件`);
      else if (!sameJson(sortedKeys(foldCase(ordered)), sortedKeys(caseCoreOf(c as unknown as CaseRecord))))
        problems.push(`办件 ${tn}：记录与其事件的折叠不符`);
      const last = ordered.findLast((e) => typeof e.to === 'string');
      if (last && last.to !== c.status)
        problems.push(`办件 ${tn}：状态 ${str(c.status)} 与最后事件的 ${str(last.to)} 不符`);
    }
    numbers.set(tn, (numbers.get(tn) ?? 0) + 1);
    const parsed = parseTrackingNumber(tn);
    if (!parsed.ok) problems.push(`办件 ${id}：受理编号格式不对`);
    else {
      // The counter that issued it: per desk and day (per day before desks).
      const key = counterKeyFor(parsed.communityCode, parsed.date, parsed.desk);
      highest.set(key, Math.max(highest.get(key) ?? 0, parsed.seq));
    }
  }
  for (const [tn, n] of numbers) if (n > 1) problems.push(`受理编号 ${tn} 用了 ${n} 次`);
  const counterByKey = new Map(counters.map((r) => [str(r.key), num(r.value)]));
  for (const [key, seq] of highest) {
    const value = counterByKey.get(key);
    if (value === undefined) problems.push(`计数器 ${key} 不存在（已发到 ${seq}）`);
    else if (!(value >= seq)) problems.push(`计数器 ${key} 为 ${value}，落后于已发出的 ${seq}`);
  }

  for (const [caseId, own] of itemsByCase) {
    const c = caseById.get(caseId);
    if (!c) {
      problems.push(`材料 ${own.map((i) => str(i.id)).join(',')}：办件 ${caseId} 不存在`);
      continue;
    }
    const tn = str(c.trackingNumber);
    const byType = new Map<string, number>();
    for (const item of own) {
      const evs = list(item.events) as Row[];
      if (evs.length === 0) {
        problems.push(`办件 ${tn} 的材料 ${str(item.id)}：没有交接记录`);
        continue;
      }
      if (!numberedInOrder(evs.map((e) => num(e.n))))
        problems.push(`办件 ${tn} 的材料 ${str(item.id)}：交接记录编号不连续`);
      const ordered = [...evs].sort((a, b) => num(a.n) - num(b.n));
      if (ordered[0]!.type !== '收取') problems.push(`办件 ${tn} 的材料 ${str(item.id)}：第一条交接记录不是收取`);
      if (!sameJson(ordered.at(-1)!.to, item.holder))
        problems.push(`办件 ${tn} 的材料 ${str(item.id)}：保管人与最后一条交接记录不符`);
      for (const e of evs) byType.set(str(e.type), (byType.get(str(e.type)) ?? 0) + 1);
    }
    const caseSide = new Map<string, number>();
    for (const e of eventsByCase.get(caseId) ?? []) {
      const a = str(e.action);
      if (a.startsWith('材料')) caseSide.set(a.slice(2), (caseSide.get(a.slice(2)) ?? 0) + 1);
    }
    for (const type of new Set([...byType.keys(), ...caseSide.keys()])) {
      const a = byType.get(type) ?? 0;
      const b = caseSide.get(type) ?? 0;
      if (a !== b) problems.push(`办件 ${tn}：材料${type} 的交接记录 ${a} 条，办件事件 ${b} 条`);
    }
  }

  for (const p of proxy) {
    const caseId = str(p.caseId);
    if (caseId && !caseById.has(caseId)) problems.push(`代办 ${str(p.id)}：办件 ${caseId} 不存在`);
  }

  // What the UI showed as done.
  const caseByNumber = byKey(cases, 'trackingNumber');
  const residentById = byKey(residents, 'id');
  let actionsVerified = 0;
  for (const a of confirmed) {
    const c = caseByNumber.get(a.trackingNumber);
    if (!c) {
      problems.push(`界面显示已完成的${describe(a)}：办件 ${a.trackingNumber} 不在数据库里`);
      continue;
    }
    const caseEvents = eventsByCase.get(str(c.id)) ?? [];
    let ok = true;
    if (a.kind === 'registration') {
      ok = str(residentById.get(str(c.residentId))?.name) === a.residentName;
    } else if (a.kind === 'caseAction') {
      ok = caseEvents.some((e) => e.action === a.action);
    } else {
      ok = (itemsByCase.get(str(c.id)) ?? []).some(
        (i) => i.document === a.document && (list(i.events) as Row[]).some((e) => e.type === a.type),
      );
    }
    if (ok) actionsVerified += 1;
    else problems.push(`界面显示已完成的${describe(a)}：记录不在数据库里`);
  }

  const recordsChecked =
    visits.length + cases.length + events.length + counters.length + items.length + proxy.length + residents.length;
  return { problems, recordsChecked, actionsVerified };
}

function describe(a: ConfirmedAction): string {
  if (a.kind === 'registration') return `登记（${a.trackingNumber}）`;
  if (a.kind === 'caseAction') return `${a.action}（${a.trackingNumber}）`;
  return `材料${a.type}（${a.trackingNumber}）`;
}

/**
 * Every table of an IndexedDB database, read with the raw API in one read-only transaction.
 * Self-contained (no closure, no import): Playwright sends its source into the page.
 */
export async function readAllTables(name: string): Promise<Record<string, Record<string, unknown>[]>> {
  let absent = false;
  const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => (absent ? resolve(null) : reject(req.error ?? new Error('open failed')));
    req.onupgradeneeded = () => {
      // The database did not exist: read it as empty and leave none behind.
      absent = true;
      req.transaction?.abort();
    };
  });
  if (!db) return {};
  try {
    const names = Array.from(db.objectStoreNames);
    if (names.length === 0) return {};
    const tx = db.transaction(names, 'readonly');
    const reads = names.map(
      (n) =>
        new Promise<[string, Record<string, unknown>[]]>((resolve, reject) => {
          const req = tx.objectStore(n).getAll();
          req.onsuccess = () => resolve([n, req.result as Record<string, unknown>[]]);
          req.onerror = () => reject(req.error ?? new Error('read failed'));
        }),
    );
    return Object.fromEntries(await Promise.all(reads));
  } finally {
    db.close();
  }
}
