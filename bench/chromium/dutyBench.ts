/**
 * Issue 26: the 值班 section's reads at full size (five years of rotas, 走访 logs and 错时 lines),
 * each next to a bare Dexie read of the same rows — the goal ≤ 3× bare, flat from 1/10 to 2×:
 * - the 值班 week grid (this week's cells, its checks and the staff);
 * - the 错时服务 month table of last month (its rota, visits, case events, 走访 entries and lines);
 * - the 重点服务对象 not visited for more than N days, by 网格 (the register, the window's 走访 log,
 *   the last visit of each one not seen in it).
 */
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { getRotaWeek } from '../../renderer/src/db/repositories/rota';
import { readOffHoursTable } from '../../renderer/src/db/repositories/offHours';
import { unvisitedCareList, unvisitedDaysOf } from '../../renderer/src/db/repositories/homeVisits';
import { unvisitedSince } from '@shared/domain/homeVisits';
import { monthSpan, shiftMonth } from '@shared/domain/offHours';
import { proxySettings } from '@shared/domain/proxy';
import { weekStart } from '@shared/domain/rota';
import { addDays } from '@shared/domain/localDate';
import { TODAY } from '../data/generate';

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

  const since = unvisitedSince(TODAY, unvisitedDaysOf(desk));
  const tags = proxySettings(desk.community).registerTags;
  const unvisitedRows = async () => {
    const [cared, recent] = await Promise.all([
      d.residents.where('tags').anyOf(tags).toArray(),
      d.homeVisits.where('day').between(since, TODAY, true, true).toArray(),
    ]);
    const seen = new Set(recent.map((e) => e.residentId));
    const others = cared.filter((r) => !seen.has(r.id));
    const lasts = await Promise.all(
      others.map((r) => d.homeVisits.where('[residentId+day]').between([r.id, ''], [r.id, '\uffff']).last()),
    );
    return [cared, recent, lasts];
  };
  const [cared, recent] = await unvisitedRows();

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
      name: `超期未走访 重点服务对象 (${cared!.length} 人, ${recent!.length} 条走访)`,
      group: 'duty',
      subject: () => unvisitedCareList(desk),
      baseline: unvisitedRows,
    },
  ];
}
