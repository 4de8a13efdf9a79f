/**
 * Real counts for the 工作台: the clerk's to-do (待我签收, 今日到期, 已超期, 待回访, 整改 due
 * today or overdue) and the day's overview. Index reads only (`dueDay` holds only open, running
 * cases; flags and queue keys name the queues), so they stay fast on a full database.
 */
import { FLAGS, unfilteredPrefix } from '@shared/domain/caseQueues';
import type { Desk } from '../desk';
import { queueContextOf } from './cases';
import { custodyAlertDays } from '@shared/domain/custody';

export type DashboardCounts = {
  /** 转办 waiting for this staff member's 签收. */
  toSignFor: number;
  callbacks: number;
  rectificationDueToday: number;
  rectificationOverdue: number;
  visitsToday: number;
  openCases: number;
  dueToday: number;
  dueSoon: number;
  overdueCases: number;
  residents: number;
  activeMatters: number;
  staff: number;
  /** Residents' documents out of their homes now (材料交接), and those out longer than the center's limit. */
  documentsOut: number;
  documentsOutLong: number;
  /** 帮代办: home visits booked for today, and results waiting to reach the resident (送达). */
  homeVisitsToday: number;
  proxyToDeliver: number;
};

/** For the desk's actor on the desk's today; 即将超期 runs up to the next working day. */
export async function dashboardCounts(desk: Desk): Promise<DashboardCounts> {
  const { db } = desk;
  const { staffId, today, soonUntil } = queueContextOf(desk);
  // 整改 queue keys are `整改||<due day>|<tracking number>` (caseQueues.ts).
  const rect = (from: string, to: string) => db.cases.where('queueKeys').between(from, to, true, false).count();
  const r = unfilteredPrefix(FLAGS.rectification);
  const outSince = desk.clock.now() - custodyAlertDays(desk.community) * 86_400_000;
  return countAll({
    toSignFor: db.cases.where('flags').equals(FLAGS.toSignFor(staffId)).count(),
    callbacks: db.cases.where('flags').equals(FLAGS.callback).count(),
    rectificationDueToday: rect(`${r}${today}|`, `${r}${today}|\uffff`),
    rectificationOverdue: rect(r, `${r}${today}|`),
    visitsToday: db.visits.where('day').equals(today).count(),
    openCases: db.cases.where('flags').equals(FLAGS.open).count(),
    dueToday: db.cases.where('dueDay').equals(today).count(),
    dueSoon: db.cases.where('dueDay').between(today, soonUntil, true, true).count(),
    overdueCases: db.cases.where('dueDay').below(today).count(),
    // Tombstones (deleted, merged away) are no residents.
    residents: Promise.all([db.residents.count(), db.residents.where('deleted.at').above(0).count()]).then(
      ([all, tombstones]) => all - tombstones,
    ),
    activeMatters: db.matterTypes.filter((m) => m.active).count(),
    staff: db.staff.filter((s) => s.active).count(),
    // Only items out carry a holder key: the count never walks the returned ones.
    documentsOut: db.custodyItems.where('holderKey').above('').count(),
    documentsOutLong: db.custodyItems
      .where('holderKey')
      .above('')
      .filter((i) => i.collectedAt < outSince)
      .count(),
    homeVisitsToday: db.proxyTasks.where('visitDay').equals(today).count(),
    proxyToDeliver: db.proxyTasks.where('status').equals('待送达').count(),
  });
}

/** Runs the counts side by side and keeps their names. */
async function countAll<K extends string>(counts: Record<K, Promise<number>>): Promise<Record<K, number>> {
  const keys = Object.keys(counts) as K[];
  const values = await Promise.all(keys.map((k) => counts[k]));
  return Object.fromEntries(keys.map((k, i) => [k, values[i] ?? 0])) as Record<K, number>;
}
