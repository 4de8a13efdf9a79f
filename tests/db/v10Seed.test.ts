/**
 * Issue 23's acceptance on a real-shaped desk of the version before it: fixtures/v10-seed.json.gz
 * is a v10 database MADE BY THE V10 BUILD (commit 09cfa02: its generator, its repositories; see
 * seedV10/README.md) — every table as stored, derived fields included, every status of every
 * machine — with what that build read from it (seedV10/reads.ts, run there): the 工作台 and queue
 * counts, every queue's first page, case search, case pages (timeline, documents, request), the
 * receipts of those cases, resident pages and searches, the register, 帮代办 queues, documents
 * out, the problem pool, meetings, the care register, the audit log's pages, and the week's,
 * month's and quarter's report (figures, ledgers, the printed 周报, the JSON package).
 *
 * Here the rows are written as stored (plain Dexie at the shipped v10 schema), this build opens
 * the database through its upgrades (v11 onwards), runs the same reads and must give the same
 * answers. What differs by design is asserted precisely, not skipped:
 * - v13: a case's old events carry their event clock (in their stored order, desk 1);
 * - v14: sign-in failures and locks left the staff rows for this PC's guards, the same values;
 *   the install id left meta for this PC's deskMeta;
 * - v12: the old audit rows are sealed, in their order, into desk 1's chain, which verifies.
 * And the stored record is the fold of its events for every case, request and document in custody.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextClock } from '@shared/domain/events/clock';
import { counterKeyFor, formatTrackingNumber, parseTrackingNumber } from '@shared/domain/trackingNumber';
import { UPGRADE_OPENING } from '@shared/domain/events/caseEvents';
import type { AuditEntry, CaseEvent, CaseRecord, Staff } from '@shared/domain/records';
import { figuresOf, type SummaryFigures } from '@shared/reports/wire/figures';
import type { WireContent } from '@shared/reports/wire/types';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { verifyAuditLog } from '../../renderer/src/db/repositories/auditLog';
import { loadCalendar } from '../../renderer/src/db/repositories/calendar';
import { searchCases } from '../../renderer/src/db/repositories/cases';
import { getCommunity } from '../../renderer/src/db/repositories/community';
import { openShipped } from './shippedSchemas';
import { ADMIN, readKeys, readOne, SEED_NOW, SEED_TODAY } from './seedV10/reads';
import { unfoldedCases, unfoldedItems, unfoldedProblems, unfoldedRequests } from './support/folds';
import { acceptCommittedCase, counterIds, testDesk } from './testDb';

type Rows = Record<string, unknown>[];
type Seed = { made: { commit: string; schema: number }; tables: Record<string, Rows>; reads: Record<string, unknown> };
const seed = JSON.parse(
  gunzipSync(readFileSync(new URL('./fixtures/v10-seed.json.gz', import.meta.url))).toString('utf8'),
) as Seed;
const before = seed.reads;

/** The stored rows as the v10 build left them, opened by this build (through every upgrade since). */
async function upgradedSeed(): Promise<DutyDeskDB> {
  const name = `v10-seed-${Math.random()}`;
  const raw = openShipped(name, 10);
  await raw.open();
  await raw.transaction('rw', raw.tables, async () => {
    for (const t of raw.tables) await t.bulkAdd(seed.tables[t.name] ?? []);
  });
  raw.close();
  const db = new DutyDeskDB(name);
  await db.open();
  return db;
}

/** The chain's fields (v12) and the derived `domain` (v33): what later versions add to a v10 row. */
const CHAIN_FIELDS = ['desk', 'deskSeq', 'sealed', 'prevHash', 'hash', 'domain'] as const;
const GUARD_FIELDS = ['failedAttempts', 'lockedUntil'] as const;
const without = <T extends object>(row: T, fields: readonly string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !fields.includes(k)));

/** A staff row as v10 stored it (sign-in failures and locks on the account). */
type V10Staff = Staff & { failedAttempts?: number; lockedUntil?: number };

type CaseRead = { file: { events: CaseEvent[] } | null };

/** A read of now, with the fields the upgrades add by design set aside (each asserted below). */
/**
 * Figures added since v10, set aside for the comparison of everything else:
 * - issue 26 item 4: 错时服务 (`offHours`; v10 had no such section; its figures are counted in
 *   tests/db/offHours.test.ts), in the summaries and on paper;
 * - issue 27: 期末整改未完成 (`rectifications.openAtEnd`, counted in tests/unit/reports), in the
 *   summaries and its row on paper.
 */
function withoutAddedFigures<T extends { printed?: string }>(read: T): T {
  const added = (parent: string, k: string) => k === 'offHours' || (parent === 'rectifications' && k === 'openAtEnd');
  const drop = (o: unknown, parent = ''): unknown => {
    if (Array.isArray(o)) return o.map((x) => drop(x));
    if (typeof o !== 'object' || o === null) return o;
    return Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (added(parent, k) ? [] : [[k, drop(v, k)]])));
  };
  const printed = read.printed
    ?.replace(/<section><h2>错时服务<\/h2>[\s\S]*?<\/section>\n/, '')
    .replace(/<tr><td>期末整改未完成<\/td>.*<\/tr>\n/, '');
  return { ...(drop(read) as T), ...(read.printed !== undefined ? { printed } : {}) };
}

/** A resident's derived `careKeys` (v32, issue 26: the 超期未走访 pages' index), wherever a read shows a resident. */
function withoutCareKeys(o: unknown): unknown {
  if (Array.isArray(o)) return o.map(withoutCareKeys);
  if (typeof o !== 'object' || o === null) return o;
  return Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (k === 'careKeys' ? [] : [[k, withoutCareKeys(v)]])));
}

function asBefore(key: string, read: unknown): unknown {
  const kind = key.split(' ')[0];
  const now = withoutCareKeys(read);
  if (kind === 'case' && (now as CaseRead).file) {
    const read = now as CaseRead;
    return { ...read, file: { ...read.file, events: read.file!.events.map((e) => without(e, ['clock', 'desk'])) } };
  }
  if (kind === 'audit') return (now as AuditEntry[]).map((r) => without(r, CHAIN_FIELDS));
  if (kind === 'meeting' && now) {
    // Issue 28 item 3: the agenda is read a page at a time and says which page; read whole here.
    const page = now as { items: unknown[]; shown: { first: number; size: number } };
    expect(page.shown, key).toEqual({ first: 0, size: page.items.length });
    return without(page, ['shown']);
  }
  if (kind === 'report') {
    // Issue 27: the package is the wire's version 2, a shape of its own (v10 wrote version 1): its
    // figures are the screen's summary's, through the wire's one mapping; it names desk 1 alone
    // (issue 24). Then it is set aside on both sides for the comparison of everything else.
    const withPackage = now as { summary: { now: SummaryFigures }; package: WireContent; printed?: string };
    const pkg = withPackage.package;
    expect({ counts: pkg.counts, rates: pkg.rates, maxima: pkg.maxima, lists: pkg.lists }, key).toEqual(
      figuresOf(withPackage.summary.now),
    );
    expect(
      pkg.desks.map((d) => [d.number, d.name]),
      key,
    ).toEqual([[1, '一号窗口']]);
    expect(pkg.ledger.length, key).toBe(pkg.desks[0]!.casesAccepted);
    const read = withoutAddedFigures(without(withPackage, ['package']) as typeof withPackage);
    const v10 = asV10Rate({
      ...read,
      ...('ledgers' in read ? { ledgers: asV10Ledgers(read.ledgers as Ledger[], key) } : {}),
      printed: printedWithoutRate(read.printed),
    });
    return withV10Grids(v10, before[key]);
  }
  if (kind === 'dashboard' || kind === 'counts' || kind === 'proxyCounts') {
    const counts = now as Record<string, unknown>;
    const added = Object.keys(counts).filter((k) => !(k in (before[key] as object)));
    expect(added, key).toEqual(COUNTS_ADDED_SINCE_V10.filter((k) => k in counts));
    return without(counts, added);
  }
  // Issue 25 item 16: a kept guest reads with an id (its name, for rows kept before) and a unit
  // (none); the minutes print the time the meeting was held after its day.
  if (kind === 'meetingGuests') {
    const guests = now as { id: string; unit: string; name: string; role: string }[];
    for (const g of guests) expect([g.id, g.unit], key).toEqual([g.name, '']);
    return guests.map((g) => ({ name: g.name, role: g.role }));
  }
  if (kind === 'meetingPapers') {
    const papers = now as { agenda: string; minutes: string };
    return { ...papers, minutes: papers.minutes.replace(/(会议日期：[^　<]*?) \d{2}:\d{2}　/, '$1　') };
  }
  return now;
}

/**
 * Issue 25 item 8: 社区处置按期办结率 counts only what was due by the period's end (`assigned.due`,
 * a row of its own on paper; its figures are tested in tests/unit/reports). Compared with v10 here:
 * the number of assigned items only; their on-time figures and rows on paper are left out.
 */
function asV10Rate<T>(read: T): T {
  const walk = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(walk);
    if (typeof o !== 'object' || o === null) return o;
    const rec = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v)]));
    return 'finishedByDue' in rec && 'total' in rec ? { total: rec.total } : rec;
  };
  return walk(read) as T;
}
const printedWithoutRate = (html: unknown) =>
  typeof html === 'string'
    ? html
        .replace(/<tr><td>社区处置(到期（项）|按期办结率?)<\/td>.*?<\/tr>\n/g, '')
        .replace(/<section><h2>分网格<\/h2>[\s\S]*?<\/section>\n/, '')
    : html;

type Ledger = { key: string; columns: { title: string; width: number }[]; rows: string[][] };
/**
 * Issue 25 items 6 and 15: 报到 is two columns (报到单位 as typed, 报到人员 masked; a v10 row's one
 * field stays in the first, masked) and 评价与整改 gains 不满意原因 (none in v10's data). Put back
 * as v10 had them once the new columns are shown empty.
 */
function asV10Ledgers(ledgers: Ledger[], key: string): Ledger[] {
  const drop = (l: Ledger, title: string): Ledger => {
    const i = l.columns.findIndex((c) => c.title === title);
    expect(i, `${key} ${title}`).toBeGreaterThan(-1);
    expect(new Set(l.rows.map((r) => r[i])), `${key} ${title}`).toEqual(new Set(l.rows.length ? [''] : []));
    return { ...l, columns: l.columns.filter((_, j) => j !== i), rows: l.rows.map((r) => r.filter((_, j) => j !== i)) };
  };
  return ledgers.map((l) => {
    if (l.key === 'ratings') return drop(l, '不满意原因');
    if (l.key !== 'escalations') return l;
    const one = drop(l, '报到人员');
    return { ...one, columns: one.columns.map((c) => (c.title === '报到单位' ? { title: '报到', width: 16 } : c)) };
  });
}

type GridCounts = Record<string, { visits: number; cases: number }>;
/**
 * Issue 25 item 9: an anonymous visit counts under its case's 网格 (v10: 未分网格). Each `byGrid`
 * may differ from v10's only by visits moved out of 未分网格 into a grid — same totals, cases
 * unchanged; then v10's is put back for the comparison of everything else.
 */
function withV10Grids<T>(now: T, then: unknown): T {
  const walk = (o: unknown, was: unknown): unknown => {
    if (typeof o !== 'object' || o === null || typeof was !== 'object' || was === null) return o;
    if (Array.isArray(o)) return o.map((v, i) => walk(v, (was as unknown[])[i]));
    const rec = o as Record<string, unknown>;
    const old = was as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(rec).map(([k, v]) => {
        if (k !== 'byGrid') return [k, walk(v, old[k])];
        const [a, b] = [v as GridCounts, old[k] as GridCounts];
        const sum = (g: GridCounts, f: 'visits' | 'cases') => Object.values(g).reduce((n, c) => n + c[f], 0);
        expect(sum(a, 'visits')).toBe(sum(b, 'visits'));
        for (const [grid, c] of Object.entries(a)) {
          const w = b[grid] ?? { visits: 0, cases: 0 };
          expect(c.cases, grid).toBe(w.cases);
          if (grid === '未分网格') expect(c.visits).toBeLessThanOrEqual(w.visits);
          else expect(c.visits, grid).toBeGreaterThanOrEqual(w.visits);
        }
        return [k, b];
      }),
    );
  };
  return walk(now, then) as T;
}

/**
 * Counts (工作台 to-dos, queues, 帮代办 queues) a later version added: not in the seed. Name each
 * here when it comes; v10's own must still agree.
 */
const COUNTS_ADDED_SINCE_V10: string[] = [];

/** The v10 answer, less what moved out by design (the sign-in guards, asserted below). */
function expectedFor(key: string): unknown {
  if (key === 'staff') return (before.staff as Staff[]).map((s) => without(s, GUARD_FIELDS));
  if (key.startsWith('report ')) {
    const read = without(before[key] as object, ['package']) as { printed?: string };
    return asV10Rate({ ...read, printed: printedWithoutRate(read.printed) });
  }
  return before[key];
}

let db: DutyDeskDB;
beforeAll(async () => {
  db = await upgradedSeed();
});
afterAll(() => db.close());

describe('a real-shaped v10 desk, upgraded by this build', { timeout: 60_000 }, () => {
  it('is a desk of the v10 build: every table it wrote, every status of every machine', () => {
    expect(seed.made).toMatchObject({ commit: '09cfa02', schema: 10 });
    expect(db.verno).toBe(SCHEMA_VERSION);
    const t = seed.tables;
    const statuses = (rows: readonly unknown[]) =>
      [...new Set(rows.flatMap((r) => (r ? [(r as { status: string }).status] : [])))].sort();
    const cases = t.cases as CaseRecord[];
    expect(statuses(cases)).toEqual(
      ['不予受理', '办理中', '已上报街道', '已办结', '已受理', '已归档', '待签收', '待补正'].sort(),
    );
    expect(statuses(cases.map((c) => c.callback))).toEqual(['回访未接通', '已回访', '待回访'].sort());
    expect(statuses(cases.map((c) => c.rectification))).toEqual(['已完成', '待复核', '整改中'].sort());
    expect(new Set(cases.map((c) => c.mode)).size).toBeGreaterThanOrEqual(5);
    expect(statuses(t.proxyTasks!)).toEqual(['办理中', '已取消', '已送达', '待上门', '待确认', '待送达'].sort());
    expect(statuses(t.custodyItems!)).toEqual(['在外', '已归还', '已留存', '遗失损坏'].sort());
    expect(statuses(t.problems!)).toEqual(['继续跟踪', '已上报街道', '已合并', '已解决', '社区处置', '待研究'].sort());
    expect(statuses(t.meetings!)).toEqual(['已召开', '已取消', '筹备中'].sort());
    expect(statuses(t.residents!.map((r) => (r.status ? r : { status: '在册' })))).toEqual(
      ['在册', '已故', '已迁出'].sort(),
    );
    expect((t.meta as { key: string }[]).map((m) => m.key.split(':')[0]).sort()).toEqual([
      'calendarCompleteYears',
      'calendarOverrides',
      'community',
      'importMapping',
      'installId',
      'meetingGuests',
      'reportNotes',
    ]);
    // Every table of v10 holds rows, but 值班表 and 交接班: no screen of the v10 build wrote them.
    const empty = Object.entries(t).flatMap(([name, rows]) => (rows.length === 0 ? [name] : []));
    expect(empty.sort()).toEqual(['handovers', 'rota']);
    expect(Object.keys(before).length).toBeGreaterThan(150);
    expect(readKeys(t)).toEqual(Object.keys(before));
  });

  it('reads as the v10 build read it: every queue, count, case page, search, resident page, report and receipt', async () => {
    const mismatched: string[] = [];
    for (const key of Object.keys(before)) {
      const now = asBefore(key, JSON.parse(JSON.stringify(await readOne(db, key))));
      try {
        expect(now).toEqual(expectedFor(key));
      } catch (e) {
        if (mismatched.length === 0) console.log(key, e);
        mismatched.push(key);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('v13: a case page shows the old events with their clock, in their stored order, desk 1', async () => {
    const pages = Object.keys(before).filter((k) => k.startsWith('case '));
    expect(pages.length).toBeGreaterThan(20);
    for (const key of pages) {
      const old = (before[key] as CaseRead).file!.events;
      const now = ((await readOne(db, key)) as CaseRead).file!.events;
      let last: string | undefined;
      const clocks = [...old]
        .sort((a, b) => (a.n ?? 0) - (b.n ?? 0) || a.at - b.at)
        .map((e) => [e.id, (last = nextClock(last, e.at, 1))]);
      expect(now.map((e) => [e.id, e.clock]).sort(), key).toEqual(clocks.sort());
      expect(now.every((e) => e.desk === 1 && e.action !== UPGRADE_OPENING)).toBe(true);
    }
  });

  it('v14: sign-in failures and locks are this PC’s guards, with the values the staff rows had; the install id too', async () => {
    const old = before.staff as V10Staff[];
    const guarded = old.filter((s) => (s.failedAttempts ?? 0) > 0 || (s.lockedUntil ?? 0) > 0);
    expect(guarded.length).toBe(2); // one wrong PIN, one account locked after five
    expect((await db.signInGuards.toArray()).sort((a, b) => (a.staffId < b.staffId ? -1 : 1))).toEqual(
      guarded
        .map((s) => ({ staffId: s.id, failedAttempts: s.failedAttempts, lockedUntil: s.lockedUntil }))
        .sort((a, b) => (a.staffId < b.staffId ? -1 : 1)),
    );
    expect((await db.staff.toArray()).some((s) => GUARD_FIELDS.some((f) => f in s))).toBe(false);
    const installId = (seed.tables.meta as { key: string; value: unknown }[]).find((m) => m.key === 'installId')!;
    expect(await db.deskMeta.get('installId')).toEqual(installId);
    expect(await db.meta.get('installId')).toBeUndefined();
  });

  it('v12: the old audit rows are sealed, in their order, into desk 1’s chain, and the log verifies', async () => {
    const old = seed.tables.auditLog as unknown as AuditEntry[];
    const now = await db.auditLog.orderBy('seq').toArray();
    expect(now.map((r) => without(r, CHAIN_FIELDS))).toEqual(old);
    expect(now.every((r, i) => r.desk === 1 && r.deskSeq === i + 1 && r.sealed === true)).toBe(true);
    expect(now.slice(1).every((r, i) => r.prevHash === now[i]!.hash)).toBe(true);
    const admin = (await db.staff.get(ADMIN))!;
    const report = await verifyAuditLog(testDesk(db, { staffId: admin.id, role: admin.role }), []);
    expect(report).toMatchObject({ rows: old.length, problems: [], problemCount: 0 });
  });

  it('the stored record is the fold of its events: every case, proxy request, document in custody and problem', async () => {
    const cases = await db.cases.toArray();
    expect(cases).toHaveLength(seed.tables.cases!.length);
    const events = await db.caseEvents.toArray();
    expect(events.filter((e) => e.action === UPGRADE_OPENING)).toHaveLength(cases.length);
    expect(unfoldedCases(cases, events)).toEqual([]);
    const tasks = await db.proxyTasks.toArray();
    expect(tasks).toHaveLength(seed.tables.proxyTasks!.length);
    expect(unfoldedRequests(tasks, await db.proxyEvents.toArray())).toEqual([]);
    const items = await db.custodyItems.toArray();
    expect(items).toHaveLength(seed.tables.custodyItems!.length);
    expect(unfoldedItems(items, await db.custodyEvents.toArray())).toEqual([]);
    const problems = await db.problems.toArray();
    expect(problems).toHaveLength(seed.tables.problems!.length);
    expect(unfoldedProblems(problems, await db.problemEvents.toArray())).toEqual([]);
  });

  it('goes on working: the day’s numbers continue on desk 1, the old ones still parse and are found', async () => {
    const fresh = await upgradedSeed();
    const staff = (await fresh.staff.get('staff-1'))!;
    const ids = counterIds('after-upgrade').newId;
    const base = testDesk(fresh, { staffId: staff.id, role: staff.role, now: SEED_NOW, today: SEED_TODAY, newId: ids });
    const desk = { ...base, community: (await getCommunity(base))!, calendar: await loadCalendar(base) };
    const resident = (seed.tables.residents as { id: string; status?: string }[]).find((r) => !r.status)!;
    const { record } = await acceptCommittedCase(desk, resident.id);
    const counters = seed.tables.counters as { key: string; value: number }[];
    const issuedToday = counters.find((c) => c.key === counterKeyFor('THL', SEED_TODAY))!.value;
    expect(issuedToday).toBeGreaterThan(0);
    expect(record.trackingNumber).toBe(
      formatTrackingNumber({ communityCode: 'THL', date: SEED_TODAY, desk: 1, seq: issuedToday + 1 }),
    );
    expect((await searchCases(desk, record.trackingNumber, [])).map((c) => c.id)).toEqual([record.id]);
    for (const c of seed.tables.cases as unknown as CaseRecord[])
      expect(parseTrackingNumber(c.trackingNumber)).toEqual({
        ok: true,
        communityCode: 'THL',
        date: c.acceptedDay,
        seq: expect.any(Number),
      });
    fresh.close();
  });
});
