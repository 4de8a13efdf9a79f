/**
 * The reads of the v10 seed (fixtures/v10-seed.json.gz): which reads (`readKeys`, chosen from
 * the stored rows) and how each is read (`readOne`). The same file ran on the v10 build (commit
 * 09cfa02) to record the answers (make.v10.ts); the seed test runs it on this build and
 * compares. Imports only what both builds have, under the same paths and signatures.
 */
import type { DutyDeskDB } from '../../../renderer/src/db/database';
import { auditPage } from '../../../renderer/src/db/repositories/auditLog';
import {
  getCaseFile,
  queueCounts,
  queuePage,
  queueTotal,
  searchCases,
} from '../../../renderer/src/db/repositories/cases';
import { loadCalendar, getCalendarSettings } from '../../../renderer/src/db/repositories/calendar';
import { careRegister } from '../../../renderer/src/db/repositories/careRegister';
import { listMatterTypes } from '../../../renderer/src/db/repositories/catalog';
import { getCommunity } from '../../../renderer/src/db/repositories/community';
import { custodyOfCase, custodyOfResident, documentsOutWithCases } from '../../../renderer/src/db/repositories/custody';
import { dashboardCounts } from '../../../renderer/src/db/repositories/dashboard';
import { getMeetingFile, listMeetings, meetingGuests } from '../../../renderer/src/db/repositories/meetings';
import { poolCounts, problemPool, problemsOfResident } from '../../../renderer/src/db/repositories/problems';
import {
  PROXY_QUEUES,
  proxyQueue,
  proxyQueueCounts,
  proxyTaskOfCase,
  proxyTasksOfResident,
} from '../../../renderer/src/db/repositories/proxy';
import { readReportData, weeklyCounts } from '../../../renderer/src/db/repositories/reports';
import { getReportNotes } from '../../../renderer/src/db/repositories/reportNotes';
import { listImportBatches } from '../../../renderer/src/db/repositories/residentImport';
import { getResident, residentsByIds } from '../../../renderer/src/db/repositories/residents';
import { listRecentResidents, searchResidents } from '../../../renderer/src/db/repositories/residentSearch';
import { listStaff } from '../../../renderer/src/db/repositories/staff';
import { casesOfResident, registerOfDay, visitsOfResident } from '../../../renderer/src/db/repositories/visits';
import { buildReceiptData } from '../../../renderer/src/components/receiptData';
import { receiptDocument } from '../../../renderer/src/components/receiptDocument';
import { localDateTime } from '../../../renderer/src/app/clock';
import { agendaPaper, entryViews, minutesPaper } from '../../../renderer/src/features/meetings/meetingText';
import { registerLines } from '@shared/domain/registerLines';
import { renderRegister } from '@shared/receipts/registerDocument';
import { renderMeetingAgenda } from '@shared/receipts/meetingAgenda';
import { renderMeetingMinutes } from '@shared/receipts/meetingMinutes';
import { QUEUES, type CaseFilter, type QueueName } from '@shared/domain/caseQueues';
import { receiptKindsFor } from '@shared/domain/receiptKinds';
import type { CaseRecord, Resident, StaffRole } from '@shared/domain/records';
import { periodOf, previousPeriod, type PeriodKind } from '@shared/reports/periods';
import { meetingSummary, proxySummary } from '@shared/reports/summary';
import { namesOf, summariesOf } from '@shared/reports/reportData';
import { ledgersOf } from '@shared/reports/ledgers';
import { renderSummaryDocument } from '@shared/reports/summaryDocument';
import { packageContent } from '@shared/reports/package';
import { testDesk } from '../testDb';

export const SEED_TODAY = '2026-11-24';
export const SEED_NOW = Date.parse('2026-11-24T09:30:00+08:00');
export const ADMIN = 'staff-admin';
const CLERKS = ['staff-1', 'staff-2', 'staff-3'];

type Tables = Record<string, Record<string, unknown>[]>;

/** The keys of the reads, chosen from the stored rows (the same rows give the same keys). */
export function readKeys(tables: Tables): string[] {
  const cases = [...(tables.cases as CaseRecord[])].sort((a, b) => (a.id < b.id ? -1 : 1));
  const keys = ['community', 'calendar', 'staff', 'catalog', 'meetingGuests', 'importBatches', 'recentResidents'];
  const days = [SEED_TODAY, '2026-11-23', '2026-11-20', '2026-10-15'];
  for (const staff of [ADMIN, ...CLERKS])
    for (const day of days.slice(0, 2)) keys.push(`dashboard ${staff} ${day}`, `counts ${staff} ${day}`);
  for (const queue of QUEUES)
    for (const staff of [ADMIN, CLERKS[0]!]) keys.push(`queue ${queue} ${staff} ${SEED_TODAY}`);
  // Queues filtered (事项, 网格, 状态): one key range each.
  const filters = [
    ...['已受理', '待补正', '办理中', '待签收', '已上报街道', '已办结', '已归档', '不予受理'].map((status) => ({
      status,
    })),
    { gridId: 'grid-1' },
    { gridId: 'grid-2', status: '已归档' },
    { matterCode: cases[7]!.matterCode },
  ];
  for (const queue of ['全部办件', '全部在办'])
    for (const f of filters) keys.push(`queue ${queue} ${ADMIN} ${SEED_TODAY} ${JSON.stringify(f)}`);
  for (const day of days) keys.push(`register ${day}`, `registerPaper ${day}`);
  // Cases: one of each status × mode, each callback and rectification state, and every 帮代办 case.
  const picked = new Map<string, CaseRecord>();
  for (const c of cases) {
    for (const facet of [
      `${c.status}/${c.mode}`,
      c.callback && `callback/${c.callback.status}`,
      c.rectification && `rect/${c.rectification.status}`,
      // v10 kept one 上报街道 as `escalation` (later versions: `escalations`).
      (c as { escalation?: unknown }).escalation ? `esc/${c.status}` : undefined,
    ])
      if (facet && !picked.has(facet)) picked.set(facet, c);
    if (c.mode === '帮代办') picked.set(`proxy/${c.id}`, c);
  }
  for (const c of new Set(picked.values())) {
    keys.push(`case ${c.id}`);
    for (const kind of receiptKindsFor(c)) keys.push(`receipt ${kind} ${c.id}`);
  }
  // Searches: a whole number, its tails, a matter, a resident's name and ID tail.
  const sample = cases[7]!;
  const tail = sample.trackingNumber.slice(-4);
  for (const q of [
    sample.trackingNumber,
    tail,
    sample.trackingNumber.slice(-13),
    sample.matterName.slice(0, 3),
    '楼道',
  ])
    keys.push(`searchCases ${q}`);
  const residents = [...(tables.residents as Resident[])].sort((a, b) => (a.id < b.id ? -1 : 1));
  const busiest = residents
    .map((r) => ({ r, n: cases.filter((c) => c.residentId === r.id).length }))
    .sort((a, b) => b.n - a.n || (a.r.id < b.r.id ? -1 : 1))
    .slice(0, 6)
    .map((x) => x.r);
  const tagged = residents.filter((r) => r.tags.length > 0).slice(0, 3);
  for (const r of new Set([...busiest, ...tagged])) keys.push(`resident ${r.id}`);
  for (const r of busiest.slice(0, 3))
    keys.push(
      `searchResidents ${r.name}`,
      `searchResidents ${(r.idNumber ?? '').slice(-6)}`,
      `searchResidents ${r.name[0]}`,
    );
  keys.push('proxyCounts', 'documentsOut', 'pool', 'poolCounts', 'meetings', 'careRegister', 'weeklyCounts');
  for (const q of PROXY_QUEUES) keys.push(`proxyQueue ${q}`);
  for (const status of ['已解决', '已合并', '已上报街道']) keys.push(`pool ${status}`);
  const meetings = [...(tables.meetings as { id: string; status: string }[])].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const status of ['已召开', '已取消', '筹备中']) {
    const m = meetings.find((x) => x.status === status);
    if (m) keys.push(`meeting ${m.id}`, `meetingPapers ${m.id}`);
  }
  for (const kind of ['week', 'month', 'quarter'] as const) keys.push(`report ${kind} ${SEED_TODAY}`);
  keys.push(`report week 2026-11-13`);
  for (const filter of ['- - -', 'case - -', 'resident - -', '- staff-1 -', '- - 900']) keys.push(`audit ${filter}`);
  return keys;
}

/** A desk of the seeded community acting as `staffId` on `today`. */
async function seedDesk(db: DutyDeskDB, staffId = ADMIN, today = SEED_TODAY) {
  const staff = await db.staff.get(staffId);
  const base = testDesk(db, { staffId, today, role: (staff?.role ?? '值班员') as StaffRole, now: SEED_NOW });
  const community = (await getCommunity(base))!;
  return { ...base, community, calendar: await loadCalendar(base) };
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/** One read, as the app's screens read it. */
export async function readOne(db: DutyDeskDB, key: string): Promise<unknown> {
  const [kind, ...rest] = key.split(' ');
  const arg = rest.join(' ');
  const desk = await seedDesk(db);
  switch (kind) {
    case 'community':
      return desk.community;
    case 'calendar':
      return getCalendarSettings(desk);
    case 'staff':
      return listStaff(desk);
    case 'catalog':
      return listMatterTypes(desk);
    case 'meetingGuests':
      return meetingGuests(desk);
    case 'importBatches':
      return listImportBatches(desk, 50);
    case 'recentResidents':
      return ids(await listRecentResidents(desk, 20));
    case 'dashboard':
      return dashboardCounts(await seedDesk(db, rest[0], rest[1]));
    case 'counts':
      return queueCounts(await seedDesk(db, rest[0], rest[1]));
    case 'queue': {
      const d = await seedDesk(db, rest[1], rest[2]);
      const filter = JSON.parse(rest.slice(3).join(' ') || '{}') as CaseFilter;
      const page = await queuePage(d, rest[0] as QueueName, filter, { limit: 25 });
      return { total: await queueTotal(d, rest[0] as QueueName, filter), ids: ids(page.rows), hasMore: page.hasMore };
    }
    case 'register': {
      const { rows, residents } = await registerOfDay(desk, arg);
      return { rows, residents: [...residents.keys()].sort() };
    }
    case 'registerPaper': {
      const { rows, residents } = await registerOfDay(desk, arg);
      const lines = registerLines(rows, residents, await staffNames(desk), (ms) => localDateTime(ms).slice(11));
      return renderRegister(desk.community.name, arg, lines, '2026-11-24 09:30', '王秀英');
    }
    case 'meetingPapers':
      return meetingPapers(desk, arg);
    case 'case':
      return {
        file: await getCaseFile(desk, arg),

        custody: await custodyOfCase(desk, arg),
        proxy: (await proxyTaskOfCase(desk, arg)) ?? null,
      };
    case 'receipt':
      return receiptOf(desk, rest[0]!, rest[1]!);
    case 'searchCases':
      return ids(await searchCases(desk, arg, []));
    case 'searchResidents':
      return ids(await searchResidents(desk, arg, 20));
    case 'resident':
      return {
        resident: (await getResident(desk, arg)) ?? null,
        visits: ids(await visitsOfResident(desk, arg)),
        cases: ids(await casesOfResident(desk, arg)),
        proxy: ids(await proxyTasksOfResident(desk, arg)),
        custody: (await custodyOfResident(desk, arg)).map((i) => `${i.id} ${i.trackingNumber} ${i.status}`),
        problems: ids(await problemsOfResident(desk, arg)),
      };
    case 'proxyCounts':
      return proxyQueueCounts(desk);
    case 'proxyQueue':
      return (await proxyQueue(desk, arg as (typeof PROXY_QUEUES)[number])).map((r) => r.task.id);
    case 'documentsOut':
      return (await documentsOutWithCases(desk)).map((i) => `${i.id} ${i.trackingNumber}`);
    case 'pool':
      return (await problemPool(desk, arg ? { status: arg as never } : {})).map((r) => ({
        id: r.problem.id,
        status: r.problem.status,
        caseId: r.record?.id ?? null,
        residents: r.residents,
      }));
    case 'poolCounts':
      return poolCounts(desk);
    case 'meetings':
      return listMeetings(desk);
    case 'meeting':
      return (await getMeetingFile(desk, arg)) ?? null;
    case 'careRegister':
      return careRegister(desk, { includeInactive: true } as never);
    case 'weeklyCounts':
      return weeklyCounts(desk, [periodOf('week', SEED_TODAY), periodOf('week', '2026-11-13')]);
    case 'report':
      return reportOf(desk, rest[0] as Exclude<PeriodKind, 'custom'>, rest[1]!);
    case 'audit': {
      const [domain, staffId, before] = rest.map((x) => (x === '-' ? undefined : x));
      return auditPage(desk, { domain, staffId, ...(before ? { before: Number(before) } : {}) });
    }
    default:
      throw new Error(`seed read not understood: ${key}`);
  }
}

type SeedDesk = Awaited<ReturnType<typeof seedDesk>>;

async function receiptOf(desk: SeedDesk, kind: string, caseId: string): Promise<string> {
  const file = (await getCaseFile(desk, caseId))!;
  const record = file.record;
  const staff = await desk.db.staff.get(record.handlerId);
  const data = buildReceiptData({
    record,
    resident: file.resident ?? undefined,
    community: desk.community,
    staffName: staff?.name ?? '',
    printedBy: '王秀英',
    matter: (await desk.db.matterTypes.get(record.matterCode)) ?? undefined,
    now: SEED_NOW,
  });
  return receiptDocument(kind as never, data, record.mode === '即办' ? 'thermal80' : 'a4');
}

async function reportOf(desk: SeedDesk, kind: Exclude<PeriodKind, 'custom'>, day: string) {
  const period = periodOf(kind, day);
  const previous = previousPeriod(period, kind);
  const notes = await getReportNotes(desk, period);
  const data = await readReportData(desk, kind, period, previous, notes);
  const input = { ...data, categoryOf: namesOf(data).category };
  return {
    counts: { visits: data.visits.length, cases: data.cases.length, residents: data.residents.length },
    summary: summariesOf(data),
    proxy: proxySummary(input, period),
    meetings: meetingSummary(input, period),
    ledgers: ledgersOf(data),
    printed: renderSummaryDocument(data, '2026-11-24 09:30', '王秀英'),
    package: packageContent(data, 'seed-install', '2026-11-24T09:30:00+08:00'),
  };
}

async function staffNames(desk: SeedDesk): Promise<(id: string) => string> {
  const names = new Map((await listStaff(desk)).map((s) => [s.id, s.name]));
  return (id) => names.get(id) ?? '工作人员';
}

/** 会议议程 and 会议纪要 as printed from the meeting's page. */
async function meetingPapers(desk: SeedDesk, meetingId: string) {
  const file = (await getMeetingFile(desk, meetingId))!;
  const residents = await residentsByIds(
    desk,
    [...file.problems.values()].flatMap((p) => p.residentIds ?? []),
  );
  const staffName = await staffNames(desk);
  const paper = {
    file,
    entries: entryViews(file, residents, staffName),
    community: desk.community,
    staffName,
    printedAt: '2026-11-24 09:30',
    printedBy: '王秀英',
  };
  return { agenda: renderMeetingAgenda(agendaPaper(paper)), minutes: renderMeetingMinutes(minutesPaper(paper)) };
}
