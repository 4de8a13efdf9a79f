/**
 * 走访记录 through the data layer: a 走访岗 person logs visits in their zone; the entry's 问题 /
 * 走访 visit / 帮代办 request are written in the entry's one transaction (all or nothing); the
 * month figures count days and households; a correction is a new entry; the unvisited list
 * follows the 站长's N; an 审计员 writes nothing; a v23 database opens with the table empty; an
 * entry travels to another desk as it is.
 */
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { createCalendar } from '@shared/domain/workingCalendar';
import type { HomeVisitInput } from '@shared/domain/homeVisits';
import { residentAddress } from '@shared/domain/resident';
import { hashSecret } from '../../renderer/src/db/secrets';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { schemaAt } from '../../renderer/src/db/backup/upgradeTables';
import {
  homeVisitListOfMonth,
  homeVisitMonth,
  logHomeVisit,
  recentHomeVisits,
} from '../../renderer/src/db/repositories/homeVisits';
import { unvisitedCarePage } from '../../renderer/src/db/repositories/unvisitedCare';
import { planMeeting } from '../../renderer/src/db/repositories/meetings';
import { createResident } from '../../renderer/src/db/repositories/residents';
import { updateCommunity } from '../../renderer/src/db/repositories/community';
import { acted, exchange, follow, memoryPouch, pump } from './support/syncHarness';
import { generateDesk, GRID_IDS } from '../../bench/data/generate';
import { homeVisitProblems } from '../../bench/data/homeVisits';
import { addSignedStaff, communityDesk, fails, freshDb, idsOf, setUpCommunity, T0, testDesk, WANG_WU } from './testDb';

const calendar = createCalendar();
const MON = '2026-11-23';
const FRI = '2026-11-27';

async function center() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const adminDesk = await communityDesk(db, { staffId: admin.id, role: '站长/管理员', today: MON, calendar });
  const [g1, g2] = adminDesk.community.grids.map((g) => g.id) as [string, string];
  const zhou = await addSignedStaff(adminDesk, {
    name: '周敏',
    role: '值班员',
    grids: [g1],
    password: await hashSecret('864209', undefined, 1000),
  });
  const residentOf = (name: string, tags: string[], room: string) =>
    createResident(adminDesk, {
      ...WANG_WU,
      phone: `1390000${room}0`,
      name,
      tags,
      gridId: g1,
      building: '3栋',
      unit: '1单元',
      room,
    });
  const li = await residentOf('李奶奶', ['独居老人'], '101');
  const zhao = await residentOf('赵爷爷', ['高龄'], '102');
  const qian = await residentOf('钱阿姨', ['残疾人'], '103');
  const desk = (today = MON, now = T0) => communityDesk(db, { staffId: zhou.id, role: '值班员', today, now, calendar });
  return { db, admin, adminDesk, zhou, g1, g2, li, zhao, qian, desk };
}

const entry = (patch: Partial<HomeVisitInput>): HomeVisitInput => ({
  day: MON,
  gridId: '',
  purpose: '重点人员关怀',
  found: '身体尚好，独自生活',
  followUp: '',
  then: { kind: '无' },
  ...patch,
});

describe('logging a home visit', () => {
  it('a 问题 from the entry reaches the pool and Friday’s agenda, in the entry’s transaction', async () => {
    const c = await center();
    const d = await c.desk();
    const logged = await logHomeVisit(
      d,
      entry({
        residentId: c.li.id,
        gridId: c.g1,
        then: { kind: '问题', title: '楼道扶手松动', category: '公共设施' },
      }),
    );
    expect(logged.entry).toMatchObject({
      day: MON,
      staffId: c.zhou.id,
      gridId: c.g1,
      residentId: c.li.id,
      household: '3栋-1单元-101',
      link: { kind: '问题', problemId: logged.problem!.id },
    });
    expect(logged.problem).toMatchObject({ title: '楼道扶手松动', gridId: c.g1, status: '待研究' });
    expect(logged.problem!.sources[0]).toMatchObject({ kind: '入户走访', residentId: c.li.id });
    const audit = (await c.db.auditLog.toArray()).filter((a) => a.at === T0 && a.staffId === c.zhou.id);
    expect(audit.map((a) => [a.action, a.detail])).toEqual([
      ['problem.add', '入户走访'],
      ['homeVisit.log', '重点人员关怀/问题'],
    ]);
    expect(JSON.stringify(audit)).not.toContain('李奶奶');
    const meeting = await planMeeting(await c.desk(FRI), FRI);
    const items = await c.db.agendaItems.where('meetingId').equals(meeting.id).toArray();
    expect(items.map((i) => i.problemId)).toContain(logged.problem!.id);
  });

  it('a registered 走访 visit with its matter, and a 帮代办 request (待确认)', async () => {
    const c = await center();
    const d = await c.desk();
    const matter = (await c.db.matterTypes.toArray()).find((m) => m.active)!;
    const asVisit = await logHomeVisit(
      d,
      entry({
        residentId: c.zhao.id,
        gridId: c.g1,
        purpose: '帮代办',
        then: { kind: '来访', matterCode: matter.code },
      }),
    );
    expect(asVisit.visit!.visit).toMatchObject({ channel: '走访', residentId: c.zhao.id, kind: '办件' });
    expect(asVisit.visit!.cases.map((x) => x.matterCode)).toEqual([matter.code]);
    expect(asVisit.entry.link).toEqual({ kind: '来访', visitId: asVisit.visit!.visit.id });
    const asProxy = await logHomeVisit(
      d,
      entry({ residentId: c.qian.id, gridId: c.g1, purpose: '帮代办', then: { kind: '帮代办', request: '代缴医保' } }),
    );
    expect(asProxy.proxyTask).toMatchObject({ status: '待确认', source: '入户走访', request: '代缴医保' });
    expect(asProxy.entry.link).toEqual({ kind: '帮代办', proxyTaskId: asProxy.proxyTask!.id });
  });

  it('refuses bad input at its field and writes nothing; a failure after the 问题 keeps neither', async () => {
    const c = await center();
    const d = await c.desk();
    expect(await fails(logHomeVisit(d, entry({ gridId: c.g1 })))).toEqual({
      message: '请从居民档案中选定居民，或填写走访地址',
      field: 'household',
    });
    const taken = await logHomeVisit(d, entry({ address: '5栋', gridId: c.g1 }));
    const problemsBefore = await c.db.problems.count();
    // The entry's id collides with a stored one after its 问题 was written: the whole write is undone.
    const clash = await communityDesk(c.db, {
      staffId: c.zhou.id,
      today: MON,
      newId: idsOf(taken.entry.id, 'p-new'),
    });
    expect(
      await fails(
        logHomeVisit(
          clash,
          entry({ address: '6栋', gridId: c.g1, then: { kind: '问题', title: '垃圾未清运', category: '环境卫生' } }),
        ),
      ),
    ).not.toBeNull();
    expect([await c.db.problems.count(), await c.db.homeVisits.count()]).toEqual([problemsBefore, 1]);
  });

  it('an 审计员 logs nothing', async () => {
    const c = await center();
    const auditor = await communityDesk(c.db, { staffId: c.admin.id, role: '审计员', today: MON });
    expect(await fails(logHomeVisit(auditor, entry({ address: '5栋', gridId: c.g1 })))).not.toBeNull();
    expect(await c.db.homeVisits.count()).toBe(0);
  });
});

describe('the month figures and the unvisited list', () => {
  it('counts days in the zone and households; a correction replaces its entry', async () => {
    const c = await center();
    const d = await c.desk();
    await logHomeVisit(d, entry({ day: '2026-11-20', residentId: c.li.id, gridId: c.g1 }));
    await logHomeVisit(d, entry({ day: MON, residentId: c.zhao.id, gridId: c.g1 }));
    await logHomeVisit(d, entry({ day: MON, address: '8栋 2单元 301', gridId: c.g1 }));
    const wrong = await logHomeVisit(d, entry({ day: '2026-11-21', address: '9栋', gridId: c.g2 }));
    let month = await homeVisitMonth(d, '2026-11');
    expect(month.people.find((p) => p.staffId === c.zhou.id)).toMatchObject({ days: 2, elsewhere: 1, met: false });
    expect(month.zones.map((z) => [z.gridId, z.month, z.quarter])).toEqual([
      [c.g1, 3, 3],
      [c.g2, 1, 1],
    ]);
    // 9栋 was in the person's own zone on the 21st: corrected by a new entry.
    await logHomeVisit(d, entry({ day: '2026-11-21', address: '9栋', gridId: c.g1, corrects: wrong.entry.id }));
    month = await homeVisitMonth(d, '2026-11');
    expect(month.people.find((p) => p.staffId === c.zhou.id)).toMatchObject({ days: 3, elsewhere: 0 });
    expect(month.zones.map((z) => z.month)).toEqual([4, 0]);
    const list = await recentHomeVisits(d);
    expect(list.filter((r) => r.corrected).map((r) => r.entry.id)).toEqual([wrong.entry.id]);
    expect(await c.db.homeVisits.count()).toBe(5);
    // The printed month list: current entries only, by day, the resident's name and address as stored.
    const printed = await homeVisitListOfMonth(d, '2026-11');
    expect(printed.map((l) => [l.day, l.gridName, l.residentName ?? null, l.address])).toEqual([
      ['2026-11-20', '第一网格', '李奶奶', residentAddress(c.li)],
      ['2026-11-21', '第一网格', null, '9栋'],
      ['2026-11-23', '第一网格', '赵爷爷', residentAddress(c.zhao)],
      ['2026-11-23', '第一网格', null, '8栋 2单元 301'],
    ]);
    expect(printed.every((l) => l.staffName === '周敏')).toBe(true);
  });

  it('lists 重点服务对象 not visited for more than N days, by zone; the 站长 sets N and households', async () => {
    const c = await center();
    await logHomeVisit(await c.desk('2026-11-13'), entry({ day: '2026-11-13', residentId: c.li.id, gridId: c.g1 }));
    await logHomeVisit(await c.desk('2026-10-20'), entry({ day: '2026-10-14', residentId: c.zhao.id, gridId: c.g1 }));
    // The zone's page longest unvisited first (never, then the oldest last visit); 第二网格 has none.
    const names = async () => {
      const d = await c.desk();
      expect((await unvisitedCarePage(d, c.g2)).rows).toEqual([]);
      const page = await unvisitedCarePage(d, c.g1);
      expect(page.hasMore).toBe(false);
      return page.rows.map((r) => [r.resident.name, r.lastDay ?? '从未', String(r.daysSince ?? '')]);
    };
    expect(await names()).toEqual([
      ['钱阿姨', '从未', ''],
      ['赵爷爷', '2026-10-14', '40'],
    ]);
    expect(await fails(updateCommunity(c.adminDesk, { unvisitedDays: 0 }))).toEqual({
      message: '未走访提醒天数应为 1–365 的整数',
      field: 'unvisitedDays',
    });
    expect(
      await fails(
        updateCommunity(c.adminDesk, { grids: c.adminDesk.community.grids.map((g) => ({ ...g, households: -1 })) }),
      ),
    ).toMatchObject({ message: '网格户数应为 0–100000 的整数' });
    expect(await fails(updateCommunity(await c.desk(), { unvisitedDays: 60 }))).not.toBeNull();
    await updateCommunity(c.adminDesk, {
      unvisitedDays: 5,
      grids: c.adminDesk.community.grids.map((g, i) => ({ ...g, households: 400 + i })),
    });
    expect(await names()).toEqual([
      ['钱阿姨', '从未', ''],
      ['赵爷爷', '2026-10-14', '40'],
      ['李奶奶', '2026-11-13', '10'],
    ]);
    const month = await homeVisitMonth(await c.desk(), '2026-11');
    expect(month.zones.map((z) => z.households)).toEqual([400, 401]);
  });
});

describe('DB v25 and sync', () => {
  it('a v23 database opens with its rows kept and homeVisits empty', async () => {
    const old = new Dexie('home-visits-v23');
    old.version(23).stores(schemaAt(23));
    await old.open();
    await old.table('meta').put({ key: 'importMapping', value: { 姓名: 'name' } });
    old.close();
    const db = new DutyDeskDB('home-visits-v23');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.meta.get('importMapping')).toEqual({ key: 'importMapping', value: { 姓名: 'name' } });
    expect(await db.homeVisits.count()).toBe(0);
    db.close();
  });

  it('an entry travels to another desk as stored', async () => {
    const c = await center();
    const local1 = memoryPouch();
    const logged = await acted(c.db, local1, 1, async () =>
      logHomeVisit(await c.desk(), entry({ residentId: c.li.id, gridId: c.g1 })),
    );
    // Desk 1's earlier records (setup, residents) go up too, as a join's upload does.
    await pump(c.db, local1, 1, new Map());
    const db2 = freshDb();
    const local2 = memoryPouch();
    await exchange(local1, local2);
    const { inbound, warnings } = follow(testDesk(db2, { identity: { no: 2, name: '二号窗口' } }), local2);
    await inbound.idle();
    inbound.stop();
    expect(warnings).toEqual([]);
    expect(await db2.homeVisits.get(logged.entry.id)).toEqual(await c.db.homeVisits.get(logged.entry.id));
  });
});

describe('the generator’s 走访记录', () => {
  it('pass the app’s own rule; the check names a broken entry', () => {
    const data = generateDesk('tiny');
    const residents = new Map(data.residents.map((r) => [r.id, r]));
    expect(data.homeVisits.length).toBeGreaterThan(5);
    expect(homeVisitProblems(data.homeVisits, residents, GRID_IDS)).toEqual([]);
    const broken = { ...data.homeVisits[0]!, gridId: 'grid-x', household: 'elsewhere' };
    expect(homeVisitProblems([broken], residents, GRID_IDS)).toEqual([
      `homeVisit ${broken.id}: gridId`,
      `homeVisit ${broken.id}: household`,
    ]);
  });
});
