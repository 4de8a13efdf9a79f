/**
 * Real counts for the 工作台: the clerk's to-do (待我签收, 今日到期, 已超期, 待回访, 整改 due
 * today or overdue) and the day's overview, from the kept counts (db/tallies), so they cost the
 * same on a full database as on an empty one.
 */
import { FLAGS, type QueueName } from '@shared/domain/caseQueues';
import { queueTally, rectificationDays, TALLY } from '@shared/domain/tallies';
import { readTally, tallyOf } from '../tallies/read';
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

/**
 * For the desk's actor on the desk's today; 即将超期 runs up to the next working day. Kept counts
 * (shared/domain/tallies.ts: a row each, or a few per-day rows) for everything that grows with the
 * years; the catalog's active matters and the active staff are small tables read whole, and the
 * documents out longer than the limit are one count over an index range (在外, collected before
 * the limit: 移交 never hands to the resident, so 在外 is exactly what carries a holder key).
 */
export async function dashboardCounts(desk: Desk): Promise<DashboardCounts> {
  const { db } = desk;
  const q = queueContextOf(desk);
  const { today } = q;
  const tally = (key: string) => tallyOf(db, key);
  const queue = (name: QueueName) => readTally(db, queueTally(name, q));
  const outSince = desk.clock.now() - custodyAlertDays(desk.community) * 86_400_000;
  return countAll({
    toSignFor: queue('待签收'),
    callbacks: queue('待回访'),
    rectificationDueToday: tally(TALLY.rectificationDueOn(today)),
    // 整改 cases minus those due from today on (no date sorts last: never overdue).
    rectificationOverdue: readTally(db, { key: TALLY.caseFlag(FLAGS.rectification), minus: rectificationDays(today) }),
    visitsToday: tally(TALLY.visitsOn(today)),
    openCases: queue('全部在办'),
    dueToday: queue('今日到期'),
    dueSoon: queue('即将超期'),
    overdueCases: queue('已超期'),
    residents: tally(TALLY.residents),
    activeMatters: countOf(db.matterTypes.toArray(), (m) => m.active),
    staff: countOf(db.staff.toArray(), (s) => s.active),
    documentsOut: tally(TALLY.documentsOut),
    // ONE count of index keys: the items 在外 collected before the limit (no item read: an item
    // carries its events, and reading the 43 out at 2× cost ~5 ms, what made these counts grow).
    documentsOutLong: db.custodyItems
      .where('[status+collectedAt+id]')
      .between(['在外', -Infinity], ['在外', outSince], true, false)
      .count(),
    homeVisitsToday: tally(TALLY.homeVisitsOn(today)),
    proxyToDeliver: tally(TALLY.proxyToDeliver),
  });
}

/**
 * The rows that pass `keep`, counted in JS: the rows come in one bulk read (`getAll`), where a
 * Dexie `filter(…).count()` walks a cursor, one round trip per row (s42, Chromium, 54 matter-like
 * rows: 5.3 ms by cursor, 1.3 ms by getAll, on a loaded machine). Small tables only.
 */
async function countOf<T>(rows: Promise<T[]>, keep: (row: T) => boolean): Promise<number> {
  return (await rows).filter(keep).length;
}

/** Runs the counts side by side and keeps their names. */
async function countAll<K extends string>(counts: Record<K, Promise<number>>): Promise<Record<K, number>> {
  const keys = Object.keys(counts) as K[];
  const values = await Promise.all(keys.map((k) => counts[k]));
  return Object.fromEntries(keys.map((k, i) => [k, values[i] ?? 0])) as Record<K, number>;
}
