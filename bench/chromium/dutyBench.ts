/**
 * Issue 26: the 值班 section's reads at full size (five years of rotas, 走访 logs and 错时 lines),
 * each next to a bare Dexie read of the same rows — the goal ≤ 3× bare, flat from 1/10 to 2×:
 * - the 值班 week grid (this week's cells, its checks and the staff);
 * - the 错时服务 month table of last month (its rota, visits, case events, 走访 entries and lines);
 * - the first page of one 网格's 重点服务对象 not visited for more than N days (unvisitedCare.ts),
 *   next to a bare read of that page's rows, the cheapest way: the 50 residents and their 50 kept
 *   last 走访 (`careLastVisits`) by id, in one read transaction as the page reads them.
 *   The same 50 rows at every size: with the default register tags (独居老人, 高龄, 残疾人, 重病) a
 *   网格 of the 1/10 desk holds 28–49 重点服务对象 (grid-1: 47), a page not full — at full and 2× the
 *   page is full, so the sizes did not do the same work. The row's center also puts 困难家庭 and
 *   优抚对象 on its register: the 站长's 帮代办 setting, written once per profile through the app's
 *   `updateCommunity` (which re-keys the kept rows in its transaction) before the first page is
 *   read, and left stored (the next run finds it set and writes nothing). grid-1 then lists 75 at
 *   1/10, 6 register tags. The row's name prints the rows shown.
 * The week and the page are a fixed number of rows at every size: judged flat. The month table's
 * rows are the month's records of a desk, which a bigger desk has more of (the bare read grows
 * alike): judged against its bare read at each size (bench/goals.mjs).
 */
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { readTx } from '../../renderer/src/db/readTx';
import { getRotaWeek } from '../../renderer/src/db/repositories/rota';
import { readOffHoursTable } from '../../renderer/src/db/repositories/offHours';
import { unvisitedCarePage } from '../../renderer/src/db/repositories/unvisitedCare';
import { updateCommunity } from '../../renderer/src/db/repositories/community';
import { monthSpan, shiftMonth } from '@shared/domain/offHours';
import { weekStart } from '@shared/domain/rota';
import { DEFAULT_PROXY_SETTINGS, proxySettings, registerTagsOf, sameRegister } from '@shared/domain/proxy';
import { addDays } from '@shared/domain/localDate';
import { ADMIN_ID, GRID_IDS, TODAY } from '../data/generate';

/** The register tags the 超期未走访 row's center adds to the default ones (see above). */
const MORE_TAGS = ['困难家庭', '优抚对象'];

type DutyMeasure = { name: string; group: 'duty'; subject: () => Promise<unknown>; baseline: () => Promise<unknown> };

/** The case events' clock key of a local day's first ms (as readOffHoursTable reads them). */
const wallOf = (day: string) => String(new Date(`${day}T00:00:00`).getTime()).padStart(13, '0');

export async function dutyMeasures(d: DutyDeskDB, desk: Desk): Promise<DutyMeasure[]> {
  const monday = weekStart(TODAY);
  const weekCells = () => d.rota.where('day').between(monday, addDays(monday, 7), true, false).toArray();

  const month = shiftMonth(TODAY.slice(0, 7), -1);
  const { from, to } = monthSpan(month);
  const between = <T>(t: {
    where(i: string): { between(a: string, b: string, c: boolean, e: boolean): { toArray(): Promise<T[]> } };
  }) => t.where('day').between(from, to, true, true).toArray();
  const monthRows = () =>
    Promise.all([
      d.staff.toArray(),
      between(d.rota),
      between(d.visits),
      d.caseEvents
        .where('clock')
        .between(wallOf(addDays(from, -1)), wallOf(addDays(to, 2)))
        .toArray(),
      between(d.offHoursLines),
      between(d.homeVisits),
    ]);
  const monthCount = (await monthRows()).reduce((n, rows) => n + rows.length, 0);

  const zone = GRID_IDS[0]!;
  const careDesk = await withRegister(desk, [...DEFAULT_PROXY_SETTINGS.registerTags, ...MORE_TAGS]);
  const firstPage = await unvisitedCarePage(careDesk, zone);
  const pageIds = firstPage.rows.map((r) => r.residentId);
  const pageRows = (): Promise<unknown> =>
    readTx(d, ['careLastVisits', 'residents'], () =>
      Promise.all([d.careLastVisits.bulkGet(pageIds), d.residents.bulkGet(pageIds)]),
    );

  return [
    {
      name: `值班 本周值班表 (${(await weekCells()).length} 格)`,
      group: 'duty',
      subject: () => getRotaWeek(desk, TODAY),
      baseline: weekCells,
    },
    {
      name: `错时服务 ${month} 月表 (${monthCount} 条)`,
      group: 'duty',
      subject: () => readOffHoursTable(desk, from, to),
      baseline: monthRows,
    },
    {
      name: `超期未走访 重点服务对象 首页 (${zone}, ${pageIds.length} 人)`,
      group: 'duty',
      subject: () => unvisitedCarePage(careDesk, zone),
      baseline: pageRows,
    },
  ];
}

/** The desk with `registerTags` as its stored register (written by its 站长 when it differs). */
async function withRegister(desk: Desk, registerTags: string[]): Promise<Desk> {
  const proxy = { ...proxySettings(desk.community), registerTags };
  if (!sameRegister(registerTagsOf(desk.community), new Set(registerTags)))
    await updateCommunity({ ...desk, actor: { id: ADMIN_ID, role: '站长/管理员' } }, { proxy });
  return { ...desk, community: { ...desk.community, proxy } };
}
