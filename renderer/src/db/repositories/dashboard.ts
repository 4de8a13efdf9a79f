/**
 * Real counts for the 工作台. Index reads only (`dueDay` holds only open, running cases), so
 * they stay fast on a full database.
 */
import type { DutyDeskDB } from '../database';

export type DashboardCounts = {
  visitsToday: number;
  openCases: number;
  dueToday: number;
  dueSoon: number;
  overdueCases: number;
  residents: number;
  activeMatters: number;
  staff: number;
};

/** `soonUntil`: the next working day after `today` (即将超期 runs up to it). */
export async function dashboardCounts(db: DutyDeskDB, today: string, soonUntil: string): Promise<DashboardCounts> {
  const [residents, visitsToday, openCases, dueToday, dueSoon, overdueCases, activeMatters, staff] = await Promise.all([
    db.residents.count(),
    db.visits.where('day').equals(today).count(),
    db.cases.where('flags').equals('在办').count(),
    db.cases.where('dueDay').equals(today).count(),
    db.cases.where('dueDay').between(today, soonUntil, true, true).count(),
    db.cases.where('dueDay').below(today).count(),
    db.matterTypes.filter((m) => m.active).count(),
    db.staff.filter((s) => s.active).count(),
  ]);
  return { residents, visitsToday, openCases, dueToday, dueSoon, overdueCases, activeMatters, staff };
}
