/**
 * Real counts for the 工作台. Indexed counts only, so they stay fast on a full database.
 */
import { OPEN_CASE_STATUSES } from '@shared/domain/records';
import type { DutyDeskDB } from '../database';

export type DashboardCounts = {
  residents: number;
  visitsToday: number;
  openCases: number;
  overdueCases: number;
  activeMatters: number;
  staff: number;
};

export async function dashboardCounts(db: DutyDeskDB, today: string): Promise<DashboardCounts> {
  const [residents, visitsToday, openCases, overdueCases, activeMatters, staff] = await Promise.all([
    db.residents.count(),
    db.visits.where('day').equals(today).count(),
    db.cases.where('status').anyOf(OPEN_CASE_STATUSES).count(),
    db.cases
      .where('deadline')
      .below(today)
      .filter((c) => OPEN_CASE_STATUSES.includes(c.status))
      .count(),
    db.matterTypes.filter((m) => m.active).count(),
    db.staff.filter((s) => s.active).count(),
  ]);
  return { residents, visitsToday, openCases, overdueCases, activeMatters, staff };
}
