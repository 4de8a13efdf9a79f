/**
 * Five years of 走访记录 (issue 26 item 2): on each working day the zone staff (clerks, each with
 * their loader-given 网格) visit households, mostly in their own zone; a visit is a resident of the
 * zone (the register's 重点服务对象 cared for more often) or an address typed. Its own random
 * stream and ids, so the rest of the desk does not move. `homeVisitProblems` (check.ts) validates
 * every entry with the app's own rule (validateHomeVisit) and the household it counts for.
 */
import { HOME_VISIT_PURPOSES, type HomeVisit, type Resident } from '@shared/domain/records';
import { householdOf, validateHomeVisit } from '@shared/domain/homeVisits';
import { instantOn } from './lifecycle';
import { chance, int, pick, type Rand } from './random';

export type HomeVisitContext = {
  rand: Rand;
  newId: () => string;
  /** Working days, oldest first. */
  days: readonly string[];
  /** Each visiting staff member's own 网格. */
  zones: readonly (readonly [staffId: string, gridId: string])[];
  gridIds: readonly string[];
  residents: readonly Resident[];
  /** The register's residents (重点服务对象). */
  cared: ReadonlySet<string>;
  /** Visits a day over the whole desk (the size's scale applied). */
  perDay: number;
};

const FOUND = [
  '身体尚好，生活自理',
  '讲解医保缴费政策',
  '核实出租房屋信息',
  '调解邻里漏水纠纷',
  '收集代办材料清单',
  '家中无人，留联系卡',
];

export function generateHomeVisits(c: HomeVisitContext): HomeVisit[] {
  const byGrid = new Map<string, Resident[]>(c.gridIds.map((g) => [g, []]));
  for (const r of c.residents) if (r.gridId) byGrid.get(r.gridId)?.push(r);
  const out: HomeVisit[] = [];
  c.days.forEach((day, i) => {
    const count = Math.floor((i + 1) * c.perDay) - Math.floor(i * c.perDay);
    for (let n = 0; n < count; n++) {
      const [staffId, own] = pick(c.rand, c.zones);
      const gridId = chance(c.rand, 0.9) ? own : pick(c.rand, c.gridIds);
      const zone = byGrid.get(gridId) ?? [];
      const resident = zone.length > 0 && chance(c.rand, 0.7) ? pick(c.rand, zone) : undefined;
      const address = resident
        ? undefined
        : `${int(c.rand, 1, 40)}栋${int(c.rand, 1, 4)}单元${int(c.rand, 1, 18)}0${int(c.rand, 1, 4)}`;
      const purpose = resident && c.cared.has(resident.id) ? '重点人员关怀' : pick(c.rand, HOME_VISIT_PURPOSES);
      // Logged the same evening, or (one in five) on the next working day's morning.
      const logged = chance(c.rand, 0.2) ? (c.days[i + 1] ?? day) : day;
      const at = instantOn(logged, logged === day ? 9 * 60 + int(c.rand, 0, 59) : int(c.rand, 30, 59));
      out.push({
        id: c.newId(),
        day,
        at: new Date(at).toISOString(),
        staffId,
        gridId,
        purpose,
        ...(resident ? { residentId: resident.id } : { address }),
        household: householdOf(resident ? { resident } : { address }),
        found: pick(c.rand, FOUND),
        followUp: '',
        createdAt: at,
        createdBy: staffId,
        updatedAt: at,
        updatedBy: staffId,
      });
    }
  });
  return out;
}

/** Every entry as the app would have written it (its own rule, the household, a known resident and zone). */
export function homeVisitProblems(
  entries: readonly HomeVisit[],
  residents: ReadonlyMap<string, Resident>,
  gridIds: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const e of entries) {
    // Logged on the day it was (the instant's UTC date is its local date: logged 08:30–17:59 +08:00).
    const errors = validateHomeVisit({ ...e, then: { kind: '无' } }, e.at.slice(0, 10), gridIds);
    if (Object.keys(errors).length > 0) problems.push(`homeVisit ${e.id}: ${Object.keys(errors).join(',')}`);
    const resident = e.residentId ? residents.get(e.residentId) : undefined;
    if (e.residentId && !resident) problems.push(`homeVisit ${e.id}: resident not on file`);
    if (e.household !== householdOf(resident ? { resident } : { address: e.address }))
      problems.push(`homeVisit ${e.id}: household`);
    if (e.createdAt !== Date.parse(e.at)) problems.push(`homeVisit ${e.id}: stamp`);
  }
  return problems;
}
