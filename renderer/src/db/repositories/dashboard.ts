/**
 * Real counts for the 工作台. Index reads only (`dueDay` holds only open, running cases), so
 * they stay fast on a full database.
 */
import type { Desk } from '../desk';
import { queueContextOf } from './cases';

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

/** For the desk's today; 即将超期 runs up to the next working day. */
export async function dashboardCounts(desk: Desk): Promise<DashboardCounts> {
  const { db } = desk;
  const { today, soonUntil } = queueContextOf(desk);
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
