/**
 * Makes fixtures/v10-seed.json.gz WITH THE V10 BUILD (commit 09cfa02, schema v10): not part of
 * this build's suite (it imports that build's generator and repositories). How to run it is in
 * README.md beside it. It fills a fake-indexeddb database with the generator of that build
 * (bench/data, 1/200 of a desk over the last four months, seed 20261124), tops it up through
 * that build's repositories until every status of every machine occurs (and the tables and meta
 * keys the generator leaves empty are written), then dumps every table as stored (derived fields
 * included) and the answers of reads.ts computed by that build.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { SIZES, generateDesk } from '../../../bench/data/generate';
import { idSource, prng } from '../../../bench/data/random';
import { loadDesk } from '../../../bench/data/load';
import { GRIDS, residentLedger } from '../../../bench/data/residentLedger';
import { DutyDeskDB } from '../../../renderer/src/db/database';
import {
  loadCalendar,
  saveCalendarOverrides,
  setCalendarYearComplete,
} from '../../../renderer/src/db/repositories/calendar';
import { saveCareProfile } from '../../../renderer/src/db/repositories/careRegister';
import { addCaseNote, performCaseAction } from '../../../renderer/src/db/repositories/cases';
import { getCommunity } from '../../../renderer/src/db/repositories/community';
import { recordCustody } from '../../../renderer/src/db/repositories/custody';
import { addProblem, mergeIntoProblem } from '../../../renderer/src/db/repositories/problems';
import { acceptProxyRequest, performProxyAction } from '../../../renderer/src/db/repositories/proxy';
import { saveReportNotes } from '../../../renderer/src/db/repositories/reportNotes';
import { ensureInstallId } from '../../../renderer/src/db/repositories/reportExports';
import { importResidents } from '../../../renderer/src/db/repositories/residentImport';
import { markResidentStatus, revealResidentField } from '../../../renderer/src/db/repositories/residents';
import { signIn, updateStaff } from '../../../renderer/src/db/repositories/staff';
import { DEFAULT_RESIDENT_TAGS, type CaseRecord } from '@shared/domain/records';
import { detectHeaderRow, guessMapping } from '@shared/residentImport/columns';
import { planImport } from '@shared/residentImport/plan';
import { periodOf } from '@shared/reports/periods';
import { ADMIN, SEED_NOW, SEED_TODAY, readKeys, readOne } from './reads';
import { testDesk } from '../testDb';

const OUT = process.env.SEED_OUT ?? 'v10-seed.json.gz';

it('makes the v10 seed', { timeout: 600_000 }, async () => {
  (SIZES as Record<string, unknown>).seed = { scale: 0.005, firstDay: '2026-08-01' };
  const data = generateDesk('seed' as never, 20261124);
  const db = new DutyDeskDB('v10-seed');
  await db.open();
  expect(db.verno).toBe(10);
  await loadDesk(db, data, { iterations: 1000 });
  await (db as unknown as Dexie)
    .table('staff')
    .toCollection()
    .modify({ pledgeAcceptedAt: SEED_NOW - 86_400_000 });
  // Ids as the app makes them (UUIDs), from their own stream: the same on every run.
  const newId = idSource(prng(20261124 + 99));
  let minute = 0;
  const desk = async (staffId = ADMIN) => {
    const staff = (await db.staff.get(staffId))!;
    minute += 1;
    const base = testDesk(db, { staffId, role: staff.role, now: SEED_NOW + minute * 60_000, today: SEED_TODAY, newId });
    return { ...base, community: (await getCommunity(base))!, calendar: await loadCalendar(base) };
  };
  const cases = () => db.cases.toArray();
  const has = async (pred: (c: CaseRecord) => boolean) => (await cases()).some(pred);

  // Every case status: an open case taken there through the machine where the generator missed it.
  const reach: [CaseRecord['status'], object[]][] = [
    ['待补正', [{ type: '开始办理' }, { type: '要求补正', missing: ['户口簿'] }]],
    ['待签收', [{ type: '开始办理' }, { type: '转办', toStaffId: 'staff-2', reason: '属第二网格' }]],
    ['不予受理', [{ type: '不予受理', reason: '不属于本社区受理范围', redirectTo: '区政务服务中心' }]],
    [
      '已上报街道',
      [{ type: '开始办理' }, { type: '上报街道', level: '日常', request: '协调解决', office: '街道城管办' }],
    ],
  ];
  for (const [status, actions] of reach) {
    if (await has((c) => c.status === status)) continue;
    // 办理中 ones first (an 已受理 one stays in the seed).
    const c = (await cases())
      .filter((x) => x.status === '办理中' && !x.escalation && x.mode !== '帮代办')
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    const d = await desk(c.handlerId);
    for (const a of actions)
      if ((a as { type: string }).type !== '开始办理') await performCaseAction(d, c.id, a as never);
  }
  // 回访 in each state.
  for (const [status, action] of [
    ['回访未接通', { type: '回访未接通' }],
    ['已回访', { type: '回访', outcome: '居民表示满意' }],
  ] as const) {
    if (await has((c) => c.callback?.status === status)) continue;
    const c = (await cases()).find((x) => x.callback?.status === '待回访' && x.status === '已办结')!;
    await performCaseAction(await desk(), c.id, action as never);
  }
  if (!(await has((c) => c.callback?.status === '待回访'))) {
    const c = (await cases())
      .filter((x) => x.status === '办理中' && !x.escalation && x.mode !== '帮代办')
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    await performCaseAction(await desk(c.handlerId), c.id, {
      type: '办结',
      result: '已为居民办理完毕',
      notifiedBy: '电话',
      needsCallback: true,
    } as never);
  }
  // 整改 in each state: a callback moves one to 待复核; a 不满意 rating opens another.
  if (!(await has((c) => c.rectification?.status === '待复核'))) {
    const c = (await cases()).find((x) => x.rectification?.status === '整改中')!;
    await performCaseAction(await desk(c.handlerId), c.id, { type: '整改回访', outcome: '居民认可整改结果' } as never);
  }
  if (!(await has((c) => c.rectification?.status === '整改中'))) {
    const c = (await cases())
      .filter((x) => x.status === '已办结' && !x.rating && !x.rectification)
      .sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    await performCaseAction(await desk(c.handlerId), c.id, { type: '评价', rating: '不满意', by: '本人' } as never);
  }
  // A 帮代办 request booked for a home visit (待上门) and a document lost (遗失损坏).
  // 待确认 requests accepted: one stays 待上门, one is visited (办理中) after another went on to 待送达.
  const waiting = (await db.proxyTasks.toArray())
    .filter((t) => t.status === '待确认')
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(waiting.length).toBeGreaterThan(2);
  const proxyCode = (await cases()).find((c) => c.mode === '帮代办')!.matterCode;
  const proxyMatter = data.catalog.find((m) => m.code === proxyCode)!;
  await acceptProxyRequest(await desk(), waiting[0]!.id, proxyMatter);
  const toVisit = (await db.proxyTasks.toArray()).find((t) => t.status === '办理中');
  if (toVisit) await performProxyAction(await desk(), toVisit.id, { type: '办理完毕' });
  await acceptProxyRequest(await desk(), waiting[1]!.id, proxyMatter);
  const visit = { type: '预约上门', day: '2026-11-24', slot: '上午', staffIds: ['staff-1', 'staff-2'] } as const;
  await performProxyAction(await desk(), waiting[1]!.id, visit as never);
  await performProxyAction(await desk(), waiting[1]!.id, { type: '上门完成' });
  // Documents collected at that visit: one kept by the office (已留存), one lost (遗失损坏).
  const visitedCase = (await db.proxyTasks.get(waiting[1]!.id))!.caseId!;
  const collect = async (document: string) =>
    recordCustody(await desk(), visitedCase, { document, original: true, count: 1 }, { type: '收取' });
  const kept = await collect('户口簿');
  await recordCustody(
    await desk(),
    visitedCase,
    { itemId: kept.id },
    { type: '移交', to: { kind: 'department', name: '街道民政办' } },
  );
  await recordCustody(await desk(), visitedCase, { itemId: kept.id }, { type: '留存', reason: '街道办理需留存原件' });
  const lost = await collect('残疾人证');
  await recordCustody(
    await desk(),
    visitedCase,
    { itemId: lost.id },
    { type: '遗失损坏', report: '转交途中遗失，已告知居民' },
  );
  // 已合并: two reports of one problem from home visits, merged.
  const [into, dup] = [
    await addProblem(await desk(), {
      title: '12栋楼道灯坏了',
      category: '公共设施',
      gridId: 'grid-2',
      source: '入户走访',
    }),
    await addProblem(await desk(), {
      title: '12栋楼道灯不亮',
      category: '公共设施',
      gridId: 'grid-2',
      source: '入户走访',
    }),
  ];
  await mergeIntoProblem(await desk(), into.id, [dup.id]);
  // Staff: one stopped, one with wrong PINs counted, one locked.
  await updateStaff(await desk(), 'staff-11', { active: false });
  await signIn(await desk('staff-9'), 'staff-9', '000000');
  for (let i = 0; i < 5; i++) await signIn(await desk('staff-10'), 'staff-10', '000000');
  // Residents: moved away, deceased, a care profile, a reveal, an import of a ledger (with its batch).
  const residents = (await db.residents.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));
  await markResidentStatus(await desk(), residents[0]!.id, {
    status: '已迁出',
    day: '2026-11-20',
    note: '迁往岳麓区',
    confirmOpen: true,
  });
  await markResidentStatus(await desk(), residents[1]!.id, {
    status: '已故',
    day: '2026-11-23',
    note: '家属来电告知',
    confirmOpen: true,
  });
  await saveCareProfile(await desk(), residents[2]!.id, {
    contactName: '李建国',
    contactRelation: '儿子',
    needs: ['行动不便'],
  } as never);
  await revealResidentField(await desk(), residents[3]!.id, 'idNumber' as never, '核对身份办理业务');
  const ledger = residentLedger(30);
  const sheet = [[ledger.title], ledger.groups, ledger.header, ...ledger.rows];
  const admin = await desk();
  const header = detectHeaderRow(sheet)!;
  const mapping = guessMapping(sheet[header]!);
  const plan = planImport(sheet, header, mapping, {
    today: SEED_TODAY,
    grids: GRIDS.map((name, i) => ({ id: admin.community.grids[i % admin.community.grids.length]!.id, name })),
    tags: DEFAULT_RESIDENT_TAGS,
  });
  const rows = plan.rows.flatMap((r) => (r.ok ? [{ row: r.row, value: r.value }] : []));
  expect(rows.length, JSON.stringify(plan.rows.slice(0, 2))).toBeGreaterThan(0);
  await importResidents(admin, {
    fileName: '居民台账.xlsx',
    mode: 'skip',
    rows,
    rejected: plan.rejected,
    mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, String(v)])),
  });
  // A case note; the meta keys the generator leaves out.
  const anOpen = (await cases()).find((c) => c.status === '办理中')!;
  await addCaseNote(await desk(anOpen.handlerId), anOpen.id, '已电话联系居民，材料齐全');
  await saveReportNotes(await desk(), periodOf('week', SEED_TODAY), {
    focus: '完成养老认证集中办理',
    issues: '楼道照明报修多',
  });
  await ensureInstallId(await desk());
  await saveCalendarOverrides(await desk(), [{ date: '2026-12-31', kind: 'holiday', name: '社区调休' }]);
  await setCalendarYearComplete(await desk(), 2027, false);

  // Every status of every machine is in the seed.
  const all = await cases();
  const statuses = (rows: { status: string }[]) => [...new Set(rows.map((r) => r.status))].sort();
  expect(statuses(all)).toHaveLength(8);
  expect(statuses(all.flatMap((c) => (c.callback ? [c.callback] : [])))).toHaveLength(3);
  expect(statuses(all.flatMap((c) => (c.rectification ? [c.rectification] : [])))).toHaveLength(3);
  expect(statuses(await db.proxyTasks.toArray())).toHaveLength(6);
  expect(statuses(await db.custodyItems.toArray())).toHaveLength(4);
  expect(statuses(await db.problems.toArray())).toHaveLength(6);
  expect(statuses(await db.meetings.toArray())).toHaveLength(3);

  const tables: Record<string, unknown[]> = {};
  for (const t of (db as unknown as Dexie).tables) tables[t.name] = await t.toArray();
  const reads: Record<string, unknown> = {};
  for (const key of readKeys(tables as never)) reads[key] = JSON.parse(JSON.stringify(await readOne(db, key)));
  const text = JSON.stringify({ made: { commit: '09cfa02', schema: db.verno, today: SEED_TODAY }, tables, reads });
  writeFileSync(OUT, gzipSync(text, { level: 9 }));
  console.log(
    'seed',
    Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])),
    'reads',
    Object.keys(reads).length,
    'json',
    text.length,
  );
});
