/**
 * 超期未走访 a page at a time (issue 26 item 2, DB v32, v34): one 网格's 重点服务对象 not visited for
 * more than N days, read from the kept last 走访 (`careLastVisits`) by pages of any size — longest
 * unvisited first (never, then the oldest last visit, ties by id), no row twice, none missing,
 * against an oracle over the same rows (two register tags on one resident, other tags, 已迁出,
 * tombstones, other zones, a visit in the window, one corrected away to someone else, one
 * corrected to an earlier day, one before it); and the v31 → v32 upgrade gives stored residents
 * their keys.
 */
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { createCalendar } from '@shared/domain/workingCalendar';
import { addDays, toDayNumber } from '@shared/domain/localDate';
import type { HomeVisit, Resident } from '@shared/domain/records';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { schemaAt } from '../../renderer/src/db/backup/upgradeTables';
import { ensureSearchKeys } from '../../renderer/src/db/searchKeys';
import { unvisitedCarePage, type UnvisitedCareRow } from '../../renderer/src/db/repositories/unvisitedCare';
import { updateCommunity } from '../../renderer/src/db/repositories/community';
import { proxySettings } from '@shared/domain/proxy';
import type { Desk } from '../../renderer/src/db/desk';
import { communityDesk, freshDb, setUpCommunity, T0 } from './testDb';

const TODAY = '2026-11-23';
const SINCE = addDays(TODAY, -30);
const REGISTER = ['独居老人', '高龄', '残疾人', '重病'];
const calendar = createCalendar();

const resident = (i: number, patch: Partial<Resident>): Resident => ({
  id: `r-${String(i).padStart(3, '0')}`,
  name: `居民${i}`,
  idNumber: '',
  phone: '',
  building: `${i % 7}栋`,
  unit: '1单元',
  room: `${100 + i}`,
  tags: [],
  searchKeys: [],
  createdAt: T0,
  createdBy: 's1',
  updatedAt: T0,
  updatedBy: 's1',
  ...patch,
});

const visit = (id: string, residentId: string, day: string, corrects?: string): HomeVisit =>
  ({
    id,
    day,
    at: `${day}T10:00:00.000Z`,
    staffId: 's1',
    gridId: 'g1',
    purpose: '重点人员关怀',
    residentId,
    household: residentId,
    found: '好',
    followUp: '',
    ...(corrects ? { corrects } : {}),
    createdAt: T0,
    createdBy: 's1',
    updatedAt: T0,
    updatedBy: 's1',
  }) as HomeVisit;

/**
 * 60 residents of every kind; visits before, in and corrected out of the window. `entriesFirst`:
 * the entries stored before their residents (as the inbound sync may bring them).
 */
async function seed(db: DutyDeskDB, g1: string, g2: string, entriesFirst = false) {
  const rows: Resident[] = [];
  for (let i = 0; i < 60; i++) {
    const kind = i % 10;
    rows.push(
      resident(i, {
        gridId: kind === 9 ? g2 : g1,
        tags: kind === 1 ? ['独居老人', '高龄'] : kind === 2 ? ['党员'] : kind === 3 ? ['残疾人', '党员'] : ['重病'],
        ...(kind === 4 ? { status: '已迁出' as const } : {}),
        ...(kind === 5 && i > 30 ? { deleted: { at: T0, by: 's1', reason: '删除' } as Resident['deleted'] } : {}),
      }),
    );
  }
  await ensureSearchKeys();
  const visits: HomeVisit[] = [];
  rows.forEach((r, i) => {
    if (i % 3 === 0) visits.push(visit(`v-old-${i}`, r.id, addDays(SINCE, -1 - i)));
    if (i % 4 === 0) visits.push(visit(`v-new-${i}`, r.id, addDays(TODAY, -(i % 30))));
    // In the window, then corrected to another resident: not a visit of this one.
    if (i % 7 === 0) {
      visits.push(visit(`v-wrong-${i}`, r.id, SINCE));
      visits.push(visit(`v-fix-${i}`, 'someone-else', SINCE, `v-wrong-${i}`));
    }
    // Logged on a wrong day before the window, corrected to an earlier one: the earlier day is the last.
    if (i % 11 === 0) {
      visits.push(visit(`v-mis-${i}`, r.id, addDays(SINCE, -2)));
      visits.push(visit(`v-re-${i}`, r.id, addDays(SINCE, -40 - i), `v-mis-${i}`));
    }
  });
  if (entriesFirst) {
    await db.homeVisits.bulkAdd(visits);
    await db.residents.bulkAdd(rows);
  } else {
    await db.residents.bulkAdd(rows);
    // One by one, in no order of day: each moves the kept row, or reads the resident's entries again.
    for (const v of [...visits].reverse()) await db.homeVisits.add(v);
  }
  return { rows, visits };
}

/**
 * What the list must hold for `gridId`, by reading everything (the oracle): the residents with a
 * tag of `register`, the last day of their entries no entry corrects, before the window (or none),
 * longest unvisited first.
 */
function oracle(rows: Resident[], visits: HomeVisit[], gridId: string, register: readonly string[] = REGISTER) {
  const replaced = new Set(visits.flatMap((v) => (v.corrects ? [v.corrects] : [])));
  return rows
    .filter((r) => (r.gridId ?? '') === gridId && !r.deleted && !r.status && r.tags.some((t) => register.includes(t)))
    .flatMap((r) => {
      const last = visits
        .filter((v) => v.residentId === r.id && !replaced.has(v.id))
        .map((v) => v.day)
        .sort()
        .at(-1);
      if (last !== undefined && last >= SINCE) return [];
      return [last ? [r.id, last, toDayNumber(TODAY) - toDayNumber(last)] : [r.id, undefined, undefined]];
    })
    .sort((a, b) => String(a[1] ?? '').localeCompare(String(b[1] ?? '')) || String(a[0]).localeCompare(String(b[0])));
}

async function allPages(desk: Desk, gridId: string, size: number) {
  const seen: UnvisitedCareRow[] = [];
  let after: string | undefined;
  for (let n = 0; n < 100; n++) {
    const page = await unvisitedCarePage(desk, gridId, { size, ...(after === undefined ? {} : { after }) });
    expect(page.rows.length).toBeLessThanOrEqual(size);
    seen.push(...page.rows);
    if (!page.hasMore) return seen;
    expect(page.rows).toHaveLength(size);
    after = page.next;
  }
  throw new Error('more than 100 pages');
}

describe('超期未走访 pages (DB v32)', () => {
  it.each([
    ['residents stored first', false],
    ['entries stored first', true],
  ])(
    'pages each zone longest-unvisited first across every boundary, %s: no row twice, none missing',
    async (_, entriesFirst) => {
      const db = freshDb();
      const admin = await setUpCommunity(db);
      const desk = await communityDesk(db, { staffId: admin.id, role: '站长/管理员', today: TODAY, calendar });
      const [g1, g2] = desk.community.grids.map((g) => g.id) as [string, string];
      const { rows, visits } = await seed(db, g1, g2, entriesFirst);
      for (const gridId of [g1, g2, '']) {
        const want = oracle(rows, visits, gridId);
        for (const size of [1, 2, 3, 5, 7, 13, 26, 50]) {
          const got = await allPages(desk, gridId, size);
          expect(got.map((r) => [r.residentId, r.lastDay, r.daysSince])).toEqual(want);
          expect(new Set(got.map((r) => r.residentId)).size).toBe(got.length);
          expect(got.every((r) => r.resident.id === r.residentId)).toBe(true);
        }
      }
      // The oracle is not empty and leaves people out: the test can fail both ways.
      expect(oracle(rows, visits, g1).length).toBeGreaterThan(10);
      const listed = oracle(rows, visits, g1).map((r) => r[0]);
      expect(listed).not.toContain('r-000'); // visited today
      expect(listed).toContain('r-007'); // its window visit corrected to someone else: never visited
      expect(listed).not.toContain('r-004'); // 已迁出
      // r-011: its wrong day (2 days before the window) corrected to 51 days before it.
      expect(oracle(rows, visits, g1).find((r) => r[0] === 'r-011')?.[1]).toBe(addDays(SINCE, -51));
      // The order is not the id order (never visited first, then the oldest).
      expect(listed).not.toEqual([...listed].sort());
      expect(oracle(rows, visits, g1)[0]?.[1]).toBeUndefined();
    },
  );

  it.each([
    ['spread evenly over the register tags', (i: number) => [REGISTER[i % 4]!]],
    ['all on one tag', () => ['重病']],
    // One in five on two register tags, one in seven on a tag off the register as well: one row each.
    [
      'most on one tag, one in five on two',
      (i: number) => (i % 5 === 0 ? ['独居老人', '高龄'] : i % 7 === 0 ? ['残疾人', '党员'] : ['残疾人']),
    ],
  ])('a page reads the rows it shows and one more, ONE range whatever the register tags: %s', async (_, tagsOf) => {
    const db = freshDb();
    let read = 0;
    // Every kept row the page's reads return (a DBCore layer under Dexie's own).
    db.use({
      stack: 'dbcore',
      name: 'countCareRows',
      create: (down) => ({
        ...down,
        table: (name) => {
          const t = down.table(name);
          return name !== 'careLastVisits'
            ? t
            : {
                ...t,
                query: async (req) => {
                  const res = await t.query(req);
                  read += res.result.length;
                  return res;
                },
              };
        },
      }),
    });
    const admin = await setUpCommunity(db);
    const desk = await communityDesk(db, { staffId: admin.id, role: '站长/管理员', today: TODAY, calendar });
    const g1 = desk.community.grids[0]!.id;
    await db.residents.bulkAdd(Array.from({ length: 240 }, (_, i) => resident(i, { gridId: g1, tags: tagsOf(i) })));
    let after: string | undefined;
    const seen: string[] = [];
    for (let n = 0; n < 4; n++) {
      read = 0;
      const page = await unvisitedCarePage(desk, g1, after === undefined ? {} : { after });
      expect(page.rows).toHaveLength(50);
      seen.push(...page.rows.map((r) => r.residentId));
      // 51 rows vouch for the page (and that there is more): the page's 50 and one more, once each.
      expect(read).toBe(51);
      after = page.hasMore ? page.next : undefined;
    }
    // Never visited: the id order, every row once.
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => `r-${String(i).padStart(3, '0')}`));
  });

  it('a change of the register tags re-keys the rows in its write: the list right after equals the oracle', async () => {
    const db = freshDb();
    const admin = await setUpCommunity(db);
    const desk = await communityDesk(db, { staffId: admin.id, role: '站长/管理员', today: TODAY, calendar });
    const [g1, g2] = desk.community.grids.map((g) => g.id) as [string, string];
    const { rows, visits } = await seed(db, g1, g2);
    // 党员 on, 独居老人 / 高龄 / 残疾人 off: kind 2 (党员 only) comes in, kind 1 goes, kind 3 stays.
    // The page reads the stored rows only (the desk's copy of the profile is left as it was).
    for (const register of [['党员', '重病'], [], ['高龄'], REGISTER]) {
      await updateCommunity(desk, { proxy: { ...proxySettings(desk.community), registerTags: register } });
      for (const gridId of [g1, g2, '']) {
        const want = oracle(rows, visits, gridId, register);
        for (const size of [1, 7, 50]) {
          const got = await allPages(desk, gridId, size);
          expect(got.map((r) => [r.residentId, r.lastDay, r.daysSince])).toEqual(want);
        }
      }
    }
    // The oracles differ from one register to the next: the test can fail.
    const listed = (register: string[]) => oracle(rows, visits, g1, register).map((r) => r[0]);
    expect(listed(['党员', '重病'])).toContain('r-002');
    expect(listed(REGISTER)).not.toContain('r-002');
    expect(listed(['党员', '重病'])).not.toContain('r-001');
    // 高龄 alone: only the residents on 独居老人 and 高龄 (every tenth from r-001).
    expect(listed(['高龄']).length).toBeGreaterThan(2);
    expect(listed(['高龄']).every((id) => Number(String(id).slice(2)) % 10 === 1)).toBe(true);
    db.close();
  });

  it('v31 → v32 gives stored residents their careKeys (none when 已迁出 or deleted)', async () => {
    const name = `upgrade-v32-${Math.random()}`;
    const old = new Dexie(name);
    old.version(31).stores(schemaAt(31));
    await old.open();
    await old
      .table('residents')
      .bulkAdd([
        resident(1, { gridId: 'g1', tags: ['独居老人', '党员'] }),
        resident(2, { gridId: 'g1', tags: ['高龄'], status: '已迁出' }),
        resident(3, { tags: ['重病'] }),
      ]);
    old.close();
    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.residents.get('r-001'))?.careKeys).toEqual([
      'g1\u001f独居老人\u001fr-001',
      'g1\u001f党员\u001fr-001',
    ]);
    expect((await db.residents.get('r-002'))?.careKeys).toBeUndefined();
    expect((await db.residents.get('r-003'))?.careKeys).toEqual(['\u001f重病\u001fr-003']);
    expect(await db.residents.where('careKeys').startsWith('g1\u001f').primaryKeys()).toEqual(['r-001', 'r-001']);
    db.close();
  });
});
