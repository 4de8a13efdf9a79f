/**
 * The 办件 queues and the index flags behind them, in one place: `flagsOf` (caseIndex.ts)
 * writes these flags onto every stored case, and the repository reads each queue as the one
 * key range named here (db/repositories/cases.ts). A new queue is one entry in QUEUE_INDEX.
 *
 * Order, by index only (a queue is never loaded whole to be sorted): every flag also gives an
 * ordering key `<flag>|<sort>|<tracking number>` (multiEntry `queueKeys`), so a queue's page is
 * one key range read in order —
 * - open work by promised date, soonest first (no date last); 整改 by its own due date;
 * - finished work (待回访, 待归档) and 全部办件 by acceptance, newest first.
 */
import type { CaseRecord } from './records';

/** The flag strings of the multiEntry `flags` index. */
export const FLAGS = {
  open: '在办',
  callback: '待回访',
  rectification: '整改',
  escalated: '上报',
  awaitingDocuments: '待补正',
  toArchive: '待归档',
  /** First-contact person or current handler, while the case still needs work. */
  mine: (staffId: string) => `我的:${staffId}`,
  /** The receiver of a pending 转办. */
  toSignFor: (staffId: string) => `待签收:${staffId}`,
} as const;

export const QUEUES = [
  '我的办件',
  '待签收',
  '今日到期',
  '即将超期',
  '已超期',
  '待回访',
  '整改',
  '已上报街道',
  '待归档',
  '全部在办',
  '全部办件',
] as const;
export type QueueName = (typeof QUEUES)[number];

/** Whose queues, on which day; 即将超期 runs up to `soonUntil`, the next working day. */
export type QueueContext = { staffId: string; today: string; soonUntil: string };

/**
 * The one index read behind each queue:
 * - `flag`: cases whose `flags` contain it;
 * - `due`: a range of `dueDay` (only open, running cases have one), in promised-date order;
 * - `all`: every case, newest accepted first.
 */
export type QueueIndex = { flag: (q: QueueContext) => string } | { due: 'today' | 'soon' | 'overdue' } | { all: true };

/** How the cases of a flag are ordered in its queue. */
export type QueueOrder = 'deadline' | 'rectificationDue' | 'newest';

/** The order of each flag's queue (the staff-bound flags by their prefix). */
export function orderOfFlag(flag: string): QueueOrder {
  if (flag === FLAGS.rectification) return 'rectificationDue';
  if (flag === FLAGS.callback || flag === FLAGS.toArchive) return 'newest';
  return 'deadline';
}

/** Sorts after every real date: cases without one come last in date order. */
const NO_DATE = '9999-12-31';

/** The ordering key of a case in the queue of `flag`. */
export function queueKeyOf(flag: string, c: CaseRecord): string {
  const order = orderOfFlag(flag);
  const sort =
    order === 'newest'
      ? c.acceptedDay
      : order === 'rectificationDue'
        ? (c.rectification?.dueDay ?? NO_DATE)
        : (c.deadline ?? NO_DATE);
  return `${flag}|${sort}|${c.trackingNumber}`;
}

/** The key range of a flag's queue in `queueKeys`; `newest` queues are read in reverse. */
export function queueKeyRange(flag: string): { lower: string; upper: string; reverse: boolean } {
  return { lower: `${flag}|`, upper: `${flag}|\uffff`, reverse: orderOfFlag(flag) === 'newest' };
}

export const QUEUE_INDEX: Record<QueueName, QueueIndex> = {
  我的办件: { flag: (q) => FLAGS.mine(q.staffId) },
  待签收: { flag: (q) => FLAGS.toSignFor(q.staffId) },
  今日到期: { due: 'today' },
  即将超期: { due: 'soon' },
  已超期: { due: 'overdue' },
  待回访: { flag: () => FLAGS.callback },
  整改: { flag: () => FLAGS.rectification },
  已上报街道: { flag: () => FLAGS.escalated },
  待归档: { flag: () => FLAGS.toArchive },
  全部在办: { flag: () => FLAGS.open },
  全部办件: { all: true },
};
