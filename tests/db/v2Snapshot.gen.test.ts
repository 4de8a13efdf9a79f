// One-off generator (run with the data layer as it was BEFORE issue 7, then removed): builds a
// real-shaped version-2 database through the old repositories, dumps every table and records
// what every queue, count, search and case page read returned. tests/db/v2Snapshot.test.ts
// loads the dump and checks the new layer reads the same.
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { hashSecret } from '@shared/domain/credentials';
import { addStaff } from '../../renderer/src/db/repositories/staff';
import { registerVisit, visitsOfDay, visitsOfResident, casesOfResident } from '../../renderer/src/db/repositories/visits';
import { caseEvents, performCaseAction, queueCounts, queuePage, QUEUES, searchCases } from '../../renderer/src/db/repositories/cases';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import { createResident, getResident, searchResidents, listRecentResidents } from '../../renderer/src/db/repositories/residents';
import { computeCheckDigit } from '@shared/domain/idNumber';
import { counterIds, freshDb, setUpCommunity } from './testDb';
import type { CaseAction } from '@shared/domain/caseMachine';

const calendar = createCalendar();
const DAYS = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-20', '2026-11-24'];
const NAMES = ['张三', '李四', '王五', '单雪梅', '曾国华', '解放', '赵六', '钱七', '孙八', '周九', '吴十', '郑一'];

it('writes the v2 snapshot', async () => {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const community = (await db.meta.get('community'))!.value as { grids: { id: string }[] };
  const pw = await hashSecret('864209', undefined, 1000);
  const li = await addStaff(db, { name: '李明', role: '值班员', grids: [], password: pw }, admin.id, 1, 'staff-li');
  const chen = await addStaff(db, { name: '陈芳', role: '值班员', grids: [], password: pw }, admin.id, 2, 'staff-chen');
  const staff = [admin, li, chen];
  const residents = [];
  for (const [i, name] of NAMES.entries()) {
    const first17 = `4301041958${String(1 + (i % 12)).padStart(2, '0')}${String(10 + i).padStart(2, '0')}12${i % 10}`;
    residents.push(
      await createResident(
        db,
        {
          name,
          idNumber: first17.slice(0, 17) + computeCheckDigit(first17.slice(0, 17)),
          phone: `138${String(10000000 + i * 1234567).slice(0, 8)}`,
          building: String(1 + (i % 3)),
          unit: '1',
          room: `${100 + i}`,
          gridId: community.grids[i % 2]!.id,
          tags: i % 3 === 0 ? ['独居老人'] : [],
        },
        { staffId: admin.id, now: Date.parse('2026-11-01T09:00:00+08:00') + i, today: '2026-11-01' },
        `res-${i + 1}`,
      ),
    );
  }
  const matters = await db.matterTypes.toArray();
  const ids = counterIds('g');
  let caseCount = 0;
  const cases: { id: string; day: string; staffId: string }[] = [];
  for (const [d, day] of DAYS.entries()) {
    for (let k = 0; k < 6; k++) {
      const i = (d * 6 + k) % NAMES.length;
      const matter = matters[(d * 7 + k * 3) % matters.length]!;
      const by = staff[(d + k) % 3]!;
      const now = Date.parse(`${day}T09:${String(10 + k * 5).padStart(2, '0')}:00+08:00`);
      const missing = k === 4 && matter.documents.length > 0;
      const mode =
        matter.timeLimitDays === 0
          ? '即办'
          : k === 5 && matter.proxyEligible
            ? '帮代办'
            : k === 3
              ? '不予受理'
              : '承诺件';
      const kind = k === 2 && d % 2 === 0 ? '咨询' : '办件';
      const { cases: made } = await registerVisit(
        db,
        {
          residentId: residents[i]!.id,
          channel: (['来站', '来电', '走访', '网上'] as const)[k % 4],
          kind,
          content: kind === '咨询' ? '咨询养老保险缴费档次' : k === 1 ? '父亲党组织关系从外省转入' : '',
          cases:
            kind === '办件'
              ? [
                  {
                    matter,
                    mode,
                    received: missing ? [] : matter.documents.map((x) => x.name),
                    ...(mode === '不予受理' ? { refusalReason: '不属于社区受理范围', redirectTo: '区政务服务中心' } : {}),
                  },
                ]
              : [],
        },
        { staffId: by.id, now, today: day, communityCode: 'THL', calendar, ...ids },
      );
      for (const c of made) cases.push({ id: c.id, day, staffId: by.id });
      caseCount += made.length;
    }
  }
  // Carry cases into every state.
  const act = (c: { id: string; day: string }, staffId: string, a: CaseAction | { type: '归档' }, day = c.day) =>
    performCaseAction(db, c.id, a as never, {
      staffId,
      now: Date.parse(`${day}T15:00:00+08:00`),
      today: day,
      communityCode: 'THL',
      calendar,
      ...ids,
    }).catch((e: Error) => console.log('refused', a.type, e.message));
  for (const [n, c] of cases.entries()) {
    const rec = (await db.cases.get(c.id))!;
    if (rec.status !== '已受理') {
      if (rec.status === '已办结' && n % 2 === 0) {
        await act(c, admin.id, { type: '评价', rating: '满意', by: '本人' });
        await act(c, admin.id, { type: '归档' });
      }
      continue;
    }
    switch (n % 7) {
      case 0:
        await act(c, c.staffId, { type: '开始办理' });
        break;
      case 1:
        await act(c, c.staffId, { type: '转办', toStaffId: c.staffId === li.id ? chen.id : li.id });
        break;
      case 2:
        await act(c, c.staffId, { type: '上报街道', level: '重大', request: '协调处理', office: '街道党工委' });
        await act(c, c.staffId, { type: '报到', who: '街道城管办', at: Date.parse(`${c.day}T15:00:00+08:00`) });
        break;
      case 3:
        await act(c, c.staffId, { type: '开始办理' });
        await act(c, c.staffId, { type: '办结', result: '已办结', notifiedBy: '电话', needsCallback: true });
        break;
      case 4:
        await act(c, c.staffId, { type: '开始办理' });
        await act(c, c.staffId, { type: '办结', result: '已办结', notifiedBy: '当面', needsCallback: false });
        await act(c, c.staffId, { type: '评价', rating: '非常不满意', by: '代评' });
        break;
      case 5:
        await act(c, c.staffId, { type: '要求补正', missing: ['户口簿'] });
        break;
      case 6:
        await act(c, c.staffId, { type: '转办', toStaffId: c.staffId === admin.id ? li.id : admin.id });
        await act(c, c.staffId === admin.id ? li.id : admin.id, { type: '签收' });
        await act(c, c.staffId === admin.id ? li.id : admin.id, { type: '办结', result: '已办结', notifiedBy: '上门', needsCallback: false });
        await act(c, admin.id, { type: '评价', rating: '非常满意', by: '本人' });
        await act(c, admin.id, { type: '归档' });
        break;
      default:
        break; // stays 已受理 (some overdue by the snapshot days)
    }
  }

  const tables: Record<string, unknown[]> = {};
  for (const t of db.tables) tables[t.name] = await t.toArray();

  const reads: Record<string, unknown> = {};
  const deadlines = (tables['cases'] as { dueDay?: string }[]).flatMap((c) => (c.dueDay ? [c.dueDay] : []));
  const todays = [...new Set(['2026-11-24', '2026-12-01', '2026-12-15', ...deadlines.slice(0, 3)])];
  reads['todays'] = todays;
  for (const today of todays) {
    const soonUntil = calendar.addWorkingDays(today, 1).date;
    reads[`dashboard ${today}`] = await dashboardCounts(db, today, soonUntil);
    for (const s of staff) {
      const q = { staffId: s.id, today, soonUntil };
      reads[`counts ${today} ${s.id}`] = await queueCounts(db, q);
      for (const queue of QUEUES) {
        for (const filter of [{}, { gridId: community.grids[0]!.id }, { status: '已受理' }]) {
          const page = await queuePage(db, queue, q, filter, { offset: 0, limit: 25 });
          reads[`queue ${queue} ${today} ${s.id} ${JSON.stringify(filter)}`] = {
            total: page.total,
            ids: page.rows.map((r) => r.id),
          };
        }
      }
    }
    reads[`visitsOfDay ${today}`] = await visitsOfDay(db, today);
  }
  for (const day of DAYS) reads[`visitsOfDay ${day}`] = await visitsOfDay(db, day);
  for (const q of ['THL-20261124-0001', '0003', '党组织', '保险', '养老']) {
    reads[`searchCases ${q}`] = (await searchCases(db, q, [])).map((c) => c.id);
  }
  reads[`searchCases res-1`] = (await searchCases(db, '张三', ['res-1'])).map((c) => c.id);
  for (const q of ['张', 'zs', 'shan', 'zeng', '1381', '王五', 'x']) {
    reads[`searchResidents ${q}`] = (await searchResidents(db, q, 20)).map((r) => r.id);
  }
  reads['recentResidents'] = (await listRecentResidents(db, 20)).map((r) => r.id);
  for (const r of residents) {
    reads[`resident ${r.id}`] = await getResident(db, r.id);
    reads[`visitsOfResident ${r.id}`] = (await visitsOfResident(db, r.id)).map((v) => v.id);
    reads[`casesOfResident ${r.id}`] = (await casesOfResident(db, r.id)).map((c) => c.id);
  }
  for (const c of cases) {
    const rec = (await db.cases.get(c.id))!;
    reads[`case ${c.id}`] = {
      record: rec,
      events: await caseEvents(db, c.id),
      resident: rec.residentId ? await getResident(db, rec.residentId) : null,
      matter: await db.matterTypes.get(rec.matterCode),
      visit: rec.visitId ? await db.visits.get(rec.visitId) : null,
    };
  }
  const statuses = new Map<string, number>();
  for (const c of tables['cases'] as { status: string }[]) statuses.set(c.status, (statuses.get(c.status) ?? 0) + 1);
  console.log('cases', caseCount, Object.fromEntries(statuses));
  writeFileSync('tests/db/fixtures/v2-snapshot.json', JSON.stringify({ tables, reads }));
});
