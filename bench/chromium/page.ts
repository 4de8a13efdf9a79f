/**
 * Runs inside Chromium (the bench page, same origin as the app): prepares the generated desk
 * in the app's real IndexedDB — once per profile, then cached — and times the app's own reads
 * next to bare Dexie reads of the same data, interleaved, in the same run. Driven by
 * bench/chromium.bench.test.ts through `window.bench`.
 */
import { INTEGRITY_FILE, INTEGRITY_KEY } from '../../renderer/src/platform/browser';
import { Dexie } from 'dexie';
import { countLabel, QUEUES, type CaseFilter, type QueueName } from '@shared/domain/caseQueues';
import { createCalendar } from '@shared/domain/workingCalendar';
import { DB_NAME, DutyDeskDB, loadUpgradeSteps } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { getCaseFile, queueCounts, queuePage, queueTotal, searchCases } from '../../renderer/src/db/repositories/cases';
import { getCommunity } from '../../renderer/src/db/repositories/community';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import { proxyQueue, proxyQueueCounts } from '../../renderer/src/db/repositories/proxy';
import { documentsOutWithCases } from '../../renderer/src/db/repositories/custody';
import { searchResidents } from '../../renderer/src/db/repositories/residentSearch';
import { casesOfResident, visitsOfResident } from '../../renderer/src/db/repositories/visits';
import { normalizeQuery } from '@shared/domain/searchQuery';
import { checkLoadedDesk } from '../data/check';
import { generateDesk, NOW, TODAY, type SizeName } from '../data/generate';
import { loadDesk, type LoadOptions } from '../data/load';
import { readReport } from '../../renderer/src/db/repositories/reports';
import { periodOf, previousPeriod, weekOf, type Period, type PeriodKind } from '@shared/reports/periods';
import { EMPTY_NOTES, summariesOf } from '@shared/reports/reportData';
import { keptKey } from '@shared/reports/keptSummaries';
import type { ExportFormat } from '../../renderer/src/features/reports/buildExport';
import { runJob } from '../../renderer/src/worker/client';
import { readLedger } from '../../renderer/src/features/residents/import/readLedger';
import { importResidents } from '../../renderer/src/db/repositories/residentImport';
import { acceptPledge } from '../../renderer/src/db/repositories/staff';
import { completeSetup } from '../../renderer/src/db/repositories/community';
import { hashSecret } from '../../renderer/src/db/secrets';
import { workbookBytes } from '../../renderer/src/components/workbook';
import { detectHeaderRow, guessMapping } from '@shared/residentImport/columns';
import { planImport } from '@shared/residentImport/plan';
import { DEFAULT_RESIDENT_TAGS } from '@shared/domain/records';
import { DEFAULT_OPENING_HOURS } from '@shared/domain/community';
import { parseCatalog } from '@shared/domain/catalog';
import catalogJson from '../../resources/catalog/default-matters.json';
import { GRIDS as LEDGER_GRIDS, residentLedger } from '../data/residentLedger';
import { auditChainRun } from './auditChainBench';
import { slimRowsRun } from './slimRowsBench';
import { outboxRun } from './outboxBench';
import { syncBench } from './syncBench';
import { backupRun as backupOf } from './backupBench';
import { clerkLoop, type ClerkLoop } from './heapBench';
import { bareAfter, bareCursorAt, listMeasures } from './listsBench';
import { sizedCommunityPackage, streetRun } from './streetBench';
import { dutyMeasures } from './dutyBench';
import { reportProfile as profileOf } from './reportProfile';

type Measure = {
  name: string;
  group: string;
  /** Fewer repetitions than the run's (the exports take seconds, not milliseconds). */
  reps?: number;
  subject: (rep: number) => Promise<unknown>;
  baseline: (rep: number) => Promise<unknown>;
};
export type Samples = { name: string; group: string; subject: number[]; baseline: number[] };

const PROFILE_KEY = 'duty-desk-bench-profile';
let db: DutyDeskDB | null = null;

/** Loads the generated desk unless this profile already holds it (`profile` names data + code). */
/** The cursor a queue's page `offset` rows in is read from: the pages before it read on, one after another. */
async function queueCursorAt(desk: Desk, queue: QueueName, filter: CaseFilter, offset: number) {
  let after: string | undefined;
  for (let at = 0; at < offset; at += 25)
    after = (await queuePage(desk, queue, filter, { ...(after !== undefined ? { after } : {}), limit: 25 })).next;
  return after;
}

/**
 * The app's wipe record (platform/browser.ts) left by an earlier run's sessions on this profile:
 * the desk loaded afresh holds fewer rows than it records, and the app rightly stops at
 * 本机数据可能已丢失 (s42: the save and start-up parts timed out on a reused profile).
 */
async function forgetAppSessions(): Promise<void> {
  localStorage.removeItem(INTEGRITY_KEY);
  const files = await navigator.storage.getDirectory();
  await files.removeEntry(INTEGRITY_FILE).catch(() => undefined);
}

async function prepare(
  size: SizeName,
  profile: string,
  load: LoadOptions = {},
): Promise<{ cached: boolean; loadMs: number; phases: Record<string, number>; counts: Record<string, number> }> {
  const t0 = performance.now();
  const cached = localStorage.getItem(PROFILE_KEY) === profile;
  /** Where the time went (ms): generation, then the loader's set-up and each table. */
  const phases: Record<string, number> = {};
  if (!cached) {
    localStorage.removeItem(PROFILE_KEY);
    await forgetAppSessions();
    await Dexie.delete(DB_NAME);
    const fresh = new DutyDeskDB();
    const data = generateDesk(size);
    let mark = performance.now();
    phases.generate = mark - t0;
    await loadDesk(fresh, data, {
      ...load,
      onProgress: (table) => {
        const now = performance.now();
        phases[table] = (phases[table] ?? 0) + now - mark;
        mark = now;
      },
    });
    fresh.close();
    localStorage.setItem(PROFILE_KEY, profile);
  }
  // A profile kept from an older build opens through the versions' data steps (loaded only when needed by the app).
  await loadUpgradeSteps();
  db = new DutyDeskDB();
  await db.open();
  const counts = {
    residents: await db.residents.count(),
    visits: await db.visits.count(),
    cases: await db.cases.count(),
    caseEvents: await db.caseEvents.count(),
    auditLog: await db.auditLog.count(),
  };
  return { cached, loadMs: performance.now() - t0, phases, counts };
}

async function deskOf(staffId: string): Promise<Desk> {
  if (!db) throw new Error('prepare first');
  const base = { db, clock: { now: () => NOW, today: () => TODAY }, newId: () => crypto.randomUUID() };
  const community = await getCommunity({ ...base, actor: null });
  if (!community) throw new Error('no community in the bench profile');
  return { ...base, actor: { id: staffId, role: '值班员' }, community, calendar: createCalendar() };
}

/** Bare baseline: `n` case rows by primary key (the cheapest indexed read of as many rows). */
const bareRows = (n: number) => bareAfter(db!, n);

async function measures(): Promise<Measure[]> {
  const d = db!;
  const desk = await deskOf('staff-3');
  const out: Measure[] = [];
  // --- resident search: 24 residents' queries of each kind, rotating per repetition ---
  const sample = (await d.residents.toArray()).filter((_, i) => i % 97 === 5).slice(0, 24);
  const kinds: [string, (r: (typeof sample)[number]) => string][] = [
    ['姓名', (r) => r.name],
    ['拼音首字母', (r) => r.searchKeys.find((k) => /^[a-z]{2,4}$/.test(k)) ?? r.name],
    ['电话后四位', (r) => (r.phone ?? '').slice(-4)],
    ['身份证后六位', (r) => (r.idNumber ?? '').slice(-6)],
  ];
  for (const [kind, queryOf] of kinds) {
    const qs = sample.map(queryOf);
    const q = (rep: number) => qs[rep % qs.length] ?? '';
    out.push({
      name: `居民检索 ${kind}`,
      group: 'search',
      subject: (rep) => searchResidents(desk, q(rep), 20),
      baseline: (rep) =>
        d.residents
          .where('searchKeys')
          .startsWith(normalizeQuery(q(rep)))
          .limit(20)
          .toArray(),
    });
  }
  // --- every queue, first and a deep page, without and with each filter ---
  const all = await d.cases.toArray();
  const freq = new Map<string, number>();
  for (const c of all) freq.set(c.matterCode, (freq.get(c.matterCode) ?? 0) + 1);
  const matter = [...freq].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const statusFor = (queue: QueueName) =>
    queue === '全部办件' || queue === '我的已办结'
      ? '已归档'
      : ['待回访', '整改', '待归档'].includes(queue)
        ? '已办结'
        : '办理中';
  for (const queue of QUEUES) {
    const filters: [string, CaseFilter][] = [
      ['', {}],
      ['网格', { gridId: 'grid-2' }],
      ['状态', { status: statusFor(queue) }],
      ['事项', { matterCode: matter }],
    ];
    for (const [label, filter] of filters) {
      const total = await queueTotal(desk, queue, filter);
      const deep = Math.min(500, Math.floor((total - 1) / 25) * 25); // page 21, or the last
      for (const offset of deep > 0 ? [0, deep] : [0]) {
        const rows = Math.min(25, Math.max(0, total - offset));
        // A deep page's baseline reads from a cursor (the key `offset` rows in, found before the timing), as a page could.
        const after = await bareCursorAt(d, offset);
        // The page's own cursor, as the screen holds it after paging there (found before the timing).
        const cursor = await queueCursorAt(desk, queue, filter, offset);
        out.push({
          name: `${queue}${label ? ` 按${label}` : ''} ${offset === 0 ? '首页' : `第${offset / 25 + 1}页`} (${countLabel(total)})`,
          group: 'queue',
          subject: () =>
            queuePage(desk, queue, filter, { ...(cursor !== undefined ? { after: cursor } : {}), limit: 25 }),
          baseline: () => bareAfter(d, rows, after),
        });
      }
    }
  }
  // The totals beside the pages, counted no further than one past the cap.
  for (const queue of ['全部在办', '我的已办结', '全部办件'] as const) {
    const total = await queueTotal(desk, queue, {});
    out.push({
      name: `${queue} 总数 (${countLabel(total)})`,
      group: 'counts',
      subject: () => queueTotal(desk, queue, {}),
      baseline: () => d.cases.where('flags').equals('在办').count(),
    });
  }
  // Kept counts (issue 28): next to as many bare primary-key reads as they read rows (12 queues;
  // the 工作台's 16 counts), a baseline that does not grow with the desk either.
  const someCase = all[0]?.id ?? '';
  const bareGets = (n: number) => Promise.all(Array.from({ length: n }, () => d.cases.get(someCase)));
  out.push({
    name: '各队列计数',
    group: 'counts',
    subject: () => queueCounts(desk),
    baseline: () => bareGets(12),
  });
  out.push({
    name: '工作台计数',
    group: 'counts',
    subject: () => dashboardCounts(desk),
    baseline: () => bareGets(16),
  });
  // --- 帮代办: the queues and the documents out, each one index range ---
  for (const queue of ['待上门', '办理中', '待送达'] as const) {
    const n = (await proxyQueue(desk, queue)).length;
    out.push({
      name: `帮代办 ${queue} (${n})`,
      group: 'proxy',
      subject: () => proxyQueue(desk, queue),
      baseline: () => bareRows(n),
    });
  }
  out.push({
    name: '帮代办 各队列计数',
    group: 'proxy',
    subject: () => proxyQueueCounts(desk),
    baseline: () => d.cases.where('flags').equals('在办').count(),
  });
  const outNow = (await documentsOutWithCases(desk)).length;
  out.push({
    name: `材料在外 (${outNow})`,
    group: 'proxy',
    subject: () => documentsOutWithCases(desk),
    baseline: () => bareRows(outNow),
  });
  // --- case search ---
  const some = all[Math.floor(all.length / 3)]!;
  const caseQueries: [string, string][] = [
    ['办件检索 当日编号', some.trackingNumber.slice(-4)],
    ['办件检索 日期+编号', some.trackingNumber.slice(-13)],
    ['办件检索 事项名称', some.matterName.slice(0, 2)],
    ['办件检索 诉求内容', '登记'],
  ];
  for (const [name, text] of caseQueries) {
    const n = (await searchCases(desk, text, [])).length;
    out.push({
      name: `${name} (${n})`,
      group: 'search',
      subject: () => searchCases(desk, text, []),
      baseline: () => bareRows(n),
    });
  }
  // --- a resident with a long history, a case with a long timeline ---
  const visitsPer = new Map<string, number>();
  await d.visits.each((v) => v.residentId && visitsPer.set(v.residentId, (visitsPer.get(v.residentId) ?? 0) + 1));
  const [busiest, visitCount] = [...visitsPer].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const rowsOfResident = visitCount + (await casesOfResident(desk, busiest)).length;
  out.push({
    name: `居民来访和办件 (${rowsOfResident} 条)`,
    group: 'record',
    subject: () => Promise.all([visitsOfResident(desk, busiest), casesOfResident(desk, busiest)]),
    baseline: () => bareRows(rowsOfResident),
  });
  const eventsPer = new Map<string, number>();
  await d.caseEvents.each((e) => eventsPer.set(e.caseId, (eventsPer.get(e.caseId) ?? 0) + 1));
  const [longest, eventCount] = [...eventsPer].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  out.push({
    name: `办件页 (${eventCount} 条过程)`,
    group: 'record',
    subject: () => getCaseFile(desk, longest),
    baseline: () => bareRows(eventCount + 3),
  });
  out.push(...(await listMeasures(d, desk)));
  // --- 值班: the week grid, the 错时服务 month table, the unvisited list (dutyBench.ts) ---
  out.push(...(await dutyMeasures(d, desk)));
  out.push(...(await exportMeasures(desk)));
  return out;
}

/** The busiest week of the desk and the year 2025 (the year the issue measured). */
async function reportPeriods(): Promise<{ week: Period; year: Period }> {
  const perWeek = new Map<string, number>();
  await db!.visits.each((v) => perWeek.set(weekOf(v.day).from, (perWeek.get(weekOf(v.day).from) ?? 0) + 1));
  const busiest = [...perWeek].sort((a, b) => b[1] - a[1])[0]?.[0] ?? TODAY;
  return { week: weekOf(busiest), year: periodOf('year', '2025-06-01') };
}

const requestOf = (kind: PeriodKind, period: Period) => ({ kind, period, previous: previousPeriod(period, kind) });

/**
 * The report runs as the screen makes them: the figures (`reportView`) and the files
 * (`reportFile`) in the desk's worker, which reads the period's records by index itself — next to
 * a bare read of the period's visits and cases. The worker's read alone (readReportData on this
 * thread) shows where the time goes. A closed period's summaries are kept (keptSummaries): the
 * rows after the first read the kept row; `首次…` deletes the year's before each run.
 */
async function exportMeasures(desk: Desk): Promise<Measure[]> {
  const d = db!;
  const { week, year } = await reportPeriods();
  const rawRead = (p: Period) => () =>
    Promise.all([
      d.visits.where('day').between(p.from, p.to, true, true).toArray(),
      d.cases.where('acceptedDay').between(p.from, p.to, true, true).toArray(),
    ]);
  const view = (kind: PeriodKind, p: Period) => () => runJob('reportView', desk, requestOf(kind, p));
  // What the first statistics read: the visits and cases as their slim rows (slimRows).
  const read = (kind: PeriodKind, p: Period) => () => readReport(desk, requestOf(kind, p), EMPTY_NOTES, 'summary');
  const exportOf = (kind: PeriodKind, p: Period, format: ExportFormat) => () =>
    runJob('reportFile', desk, {
      ...requestOf(kind, p),
      notes: EMPTY_NOTES,
      format,
      named: false,
      installId: 'bench-install',
      generatedAt: NOW,
    });
  const cold = (run: () => Promise<unknown>) => async () => {
    await d.keptSummaries.delete(keptKey('year', year, previousPeriod(year, 'year')));
    return run();
  };
  const weekRows = (await rawRead(week)()).reduce((n, r) => n + r.length, 0);
  const yearRows = (await rawRead(year)()).reduce((n, r) => n + r.length, 0);
  const w = `周报 ${week.from} (${weekRows} 条)`;
  const y = `年报 2025 (${yearRows} 条)`;
  return [
    { name: `${w} 统计 (后台)`, subject: view('week', week), baseline: rawRead(week) },
    { name: `${w} 导出 Excel`, subject: exportOf('week', week, 'xlsx'), baseline: rawRead(week) },
    { name: `${w} 导出报送包`, subject: exportOf('week', week, 'json'), baseline: rawRead(week) },
    { name: `${y} 统计 (后台)`, subject: view('year', year), baseline: rawRead(year) },
    { name: `${y} 其中读取`, subject: read('year', year), baseline: rawRead(year) },
    { name: `${y} 导出 Excel`, subject: exportOf('year', year, 'xlsx'), baseline: rawRead(year) },
    // The same with no kept summaries (the first time a closed year is asked for, or after a write
    // it could read): the records of both years are read and summarised, then kept.
    { name: `${y} 首次统计 (无留存)`, subject: cold(view('year', year)), baseline: rawRead(year) },
    { name: `${y} 首次导出 Excel (无留存)`, subject: cold(exportOf('year', year, 'xlsx')), baseline: rawRead(year) },
  ].map((m) => ({ ...m, group: 'export', reps: 5 }));
}

/**
 * Input while a year is summarised: a text box takes the keys Playwright types (the Node side,
 * bench/chromium.bench.test.ts) while the year's figures are computed — in the worker as the
 * screen does (`worker`), or on this thread as before (`main`, the baseline). Each key's delay is
 * the time from the event's creation to its handler (`performance.now() - e.timeStamp`).
 */
const probe = { delays: [] as number[], running: false, ms: 0, longestStall: 0 };
/** The longest gap between two turns of the page's event loop while the probe runs (a 4 ms timer chain). */
function watchStalls(): void {
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    probe.longestStall = Math.max(probe.longestStall, now - last);
    last = now;
    if (probe.running) setTimeout(tick, 4);
  };
  setTimeout(tick, 4);
}
async function inputProbeStart(where: 'worker' | 'main'): Promise<void> {
  const { year } = await reportPeriods();
  const desk = await deskOf('staff-3');
  // The year computed, not read from its kept row (keptSummaries): the first time it is asked for.
  await db!.keptSummaries.delete(keptKey('year', year, previousPeriod(year, 'year')));
  let box = document.getElementById('probe') as HTMLInputElement | null;
  if (!box) {
    box = document.createElement('input');
    box.id = 'probe';
    box.setAttribute('aria-label', '输入探测');
    box.addEventListener('keydown', (e) => {
      if (probe.running) probe.delays.push(performance.now() - e.timeStamp);
    });
    document.body.append(box);
  }
  box.value = '';
  box.focus();
  probe.delays = [];
  probe.longestStall = 0;
  probe.running = true;
  watchStalls();
  const t0 = performance.now();
  // Started after the keys begin (a task later), so the first keys meet the computation.
  setTimeout(() => {
    const work =
      where === 'worker'
        ? runJob('reportView', desk, requestOf('year', year))
        : readReport(desk, requestOf('year', year), EMPTY_NOTES, 'summary').then(({ data }) => summariesOf(data));
    void work.finally(() => {
      probe.ms = performance.now() - t0;
      probe.running = false;
    });
  }, 50);
}
const inputProbeResult = () => ({
  running: probe.running,
  delays: probe.delays,
  ms: probe.ms,
  longestStall: probe.longestStall,
});

/**
 * 居民台账导入 of `size` rows, as a clerk runs it: the ledger written as .xlsx, read back
 * (exceljs), the header found, every row checked, then saved in parts by the app's repository
 * into a fresh database — next to a bare Dexie bulkAdd of as many resident records.
 */
async function importRun(size: number) {
  const ledger = residentLedger(size);
  const bytes = await workbookBytes([
    {
      name: '居民台账',
      title: ledger.title,
      columns: ledger.header.map((title) => ({ title, width: 12 })),
      rows: ledger.rows,
    },
  ]);
  await Promise.all([Dexie.delete('bench-import'), Dexie.delete('bench-import-bare')]);
  const target = new DutyDeskDB('bench-import');
  const setupDesk = {
    db: target,
    clock: { now: () => NOW, today: () => TODAY },
    newId: () => crypto.randomUUID(),
    actor: null,
  };
  const catalog = parseCatalog(catalogJson);
  if (!catalog.ok) throw new Error('catalog');
  const password = await hashSecret('246810', undefined, 1000);
  const admin = await completeSetup(setupDesk, {
    name: '桃花岭社区',
    code: 'THL',
    population: 11_500,
    phone: '0731-88886666',
    gridNames: LEDGER_GRIDS,
    openingHours: DEFAULT_OPENING_HOURS,
    admin: { name: '王秀英', password },
    catalog: catalog.catalog.matters,
  });
  const community = (await getCommunity(setupDesk))!;
  const desk: Desk = {
    ...setupDesk,
    actor: { id: admin.id, role: '站长/管理员' },
    community,
    calendar: createCalendar(),
  };
  // The admin signs the 保密承诺 first, as at the desk (writes of the desk's work need it).
  await acceptPledge(desk);
  const t0 = performance.now();
  const { sheet } = await readLedger('台账.xlsx', bytes);
  const header = detectHeaderRow(sheet)!;
  const plan = planImport(sheet, header, guessMapping(sheet[header]!), {
    today: TODAY,
    grids: community.grids,
    tags: DEFAULT_RESIDENT_TAGS,
  });
  const t1 = performance.now();
  const rows = plan.rows.flatMap((r) => (r.ok ? [{ row: r.row, value: r.value }] : []));
  const out = await importResidents(desk, {
    fileName: '台账.xlsx',
    mode: 'skip',
    rows,
    rejected: plan.rejected,
    mapping: {},
  });
  const t2 = performance.now();
  const saved = await target.residents.count();
  target.close();
  // Baseline: the same number of resident records, bulk-added bare.
  const bare = new Dexie('bench-import-bare');
  bare.version(1).stores({ residents: 'id, &idNumber, name, phone, gridId, *searchKeys, *tags, updatedAt' });
  const records = rows.map((r, i) => ({
    id: `r${i}`,
    ...r.value,
    searchKeys: [],
    createdAt: NOW,
    createdBy: 'x',
    updatedAt: NOW,
    updatedBy: 'x',
  }));
  const b0 = performance.now();
  await bare.table('residents').bulkAdd(records);
  const b1 = performance.now();
  bare.close();
  await Promise.all([Dexie.delete('bench-import'), Dexie.delete('bench-import-bare')]);
  return {
    rows: size,
    created: out.created,
    rejected: plan.rejected,
    saved,
    readMs: t1 - t0,
    saveMs: t2 - t1,
    bareMs: b1 - b0,
  };
}

/** `reps` interleaved repetitions after `warmup` untimed ones; subject and baseline alternate who goes first. */
async function run(reps: number, warmup = 2, groups?: readonly string[]): Promise<Samples[]> {
  const list = (await measures()).filter((m) => !groups || groups.includes(m.group));
  const samples: Samples[] = list.map((m) => ({ name: m.name, group: m.group, subject: [], baseline: [] }));
  for (let rep = 0; rep < warmup + reps; rep++) {
    for (const [i, m] of list.entries()) {
      if (rep >= warmup + Math.min(reps, m.reps ?? reps)) continue;
      const order = rep % 2 === 0 ? (['subject', 'baseline'] as const) : (['baseline', 'subject'] as const);
      for (const which of order) {
        const t0 = performance.now();
        await m[which](rep);
        const ms = performance.now() - t0;
        if (rep >= warmup) samples[i]![which].push(ms);
      }
    }
  }
  return samples;
}

/** The generated records themselves (for e2e tests that count their expectations from them). */
function raw(size: SizeName) {
  const d = generateDesk(size);
  return {
    visits: d.visits.map((v) => ({ day: v.day })),
    cases: d.cases.map((c) => ({
      acceptedDay: c.acceptedDay,
      rating: c.rating,
      ratedAt: c.ratedAt,
      residentId: c.residentId,
      status: c.status,
      trackingNumber: c.trackingNumber,
    })),
    residents: d.residents.map((r) => ({
      id: r.id,
      name: r.name,
      idNumber: r.idNumber,
      phone: r.phone,
      contactPhone: r.care?.contactPhone,
    })),
    proxyTasks: d.proxyTasks.map((t) => ({ requestedDay: t.requestedDay, visitedDay: t.visitedDay })),
    custodyItems: d.custodyItems.map((i) => ({
      collectedAt: i.collectedAt,
      settledAt: i.events.find((e) => e.type === '归还' || e.type === '留存' || e.type === '遗失损坏')?.at,
    })),
    problems: d.problems.map((p) => ({ raisedDay: p.raisedDay, merged: p.status === '已合并' })),
    meetings: d.meetings.map((m) => ({ id: m.id, day: m.day, status: m.status })),
    agendaItems: d.agendaItems.map((i) => ({ meetingId: i.meetingId, decided: i.decision !== undefined })),
  };
}

async function check(everyStatus: boolean): Promise<string[]> {
  return checkLoadedDesk(db!, { everyStatus });
}

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- declaration merging needs an interface
  interface Window {
    bench: {
      prepare: typeof prepare;
      run: typeof run;
      check: typeof check;
      raw: typeof raw;
      importRun: typeof importRun;
      inputProbeStart: typeof inputProbeStart;
      inputProbeResult: typeof inputProbeResult;
      auditChainRun: typeof auditChainRun;
      slimRowsRun: typeof slimRowsRun;
      outboxRun: typeof outboxRun;
      streetRun: (o: Parameters<typeof streetRun>[1]) => ReturnType<typeof streetRun>;
      sizedCommunityPackage: typeof sizedCommunityPackage;
      sync: typeof syncBench;
      backupRun: typeof backupRun;
      shift: typeof shift;
      personalOf: typeof personalOf;
      reportProfile: typeof reportProfile;
    };
  }
}
/** The generated desk's residents' names, ID numbers and phones (for the e2e scans that none reaches a screen). */
const personalOf = (size: SizeName) =>
  generateDesk(size).residents.map((r) => ({ name: r.name, idNumber: r.idNumber, phone: r.phone }));

/** Where the year's report spends its time (reportProfile.ts). */
const reportProfile = async () => profileOf(db!, await deskOf('staff-3'), (await reportPeriods()).year);

/** Backup, 检查备份 and restore of the prepared desk next to their bare floors (backupBench.ts). */
const backupRun = (withRestore: boolean) => backupOf(db!, withRestore);

let loop: ClerkLoop | null = null;
/** `n` more of a clerk's loops (heapBench.ts); it writes, so the profile is loaded afresh next run. */
async function shift(from: number, n: number): Promise<number> {
  localStorage.removeItem(PROFILE_KEY);
  loop ??= await clerkLoop(db!, await deskOf('staff-3'));
  return loop(from, n);
}

window.bench = {
  prepare,
  run,
  check,
  raw,
  importRun,
  inputProbeStart,
  inputProbeResult,
  auditChainRun,
  slimRowsRun,
  outboxRun,
  streetRun: async (o) => streetRun(await deskOf('staff-3'), o),
  sizedCommunityPackage,
  sync: syncBench,
  backupRun,
  shift,
  personalOf,
  reportProfile,
};
document.getElementById('status')!.textContent = 'ready';
