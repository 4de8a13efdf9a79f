/**
 * Derived index fields of a stored case, so the queues (办件) are answered by index reads even
 * with tens of thousands of cases:
 * - `dueDay`: the promised date, present ONLY while the case is open with its clock running
 *   (not paused, not finished). IndexedDB leaves absent values out of an index, so 已超期 /
 *   今日到期 / 即将超期 read just the open cases instead of every case ever accepted.
 * - `flags`: the queues a case is in (FLAGS in caseQueues.ts), for a multiEntry index: one key
 *   range per queue (a multi-value `anyOf` over statuses is far slower on large stores).
 * - `queueKeys`: the keys that order (and filter) the case in each of its queues (caseQueues.ts).
 * - `reportMonths`: the months the case can count in a summary (shared/reports/reportIndex.ts).
 * All are recomputed on every write (`withIndexes`, applied by db/derived.ts).
 */
import { FLAGS, queueKeysOf } from './caseQueues';
import { caseSearchKeysOf } from './caseSearch';
import { reportMonthsOf } from '../reports/reportIndex';
import { OPEN_CASE_STATUSES, type CaseRecord, type CaseStatus } from './records';

export const RUNNING_STATUSES: readonly CaseStatus[] = ['已受理', '办理中', '待签收', '已上报街道'];

export function dueDayOf(c: CaseRecord): string | undefined {
  if (!c.deadline) return undefined;
  // A case paused (待补正) after its deadline had already passed stays in 已超期.
  if (c.pause) return c.status === '待补正' && c.deadline < c.pause.from ? c.deadline : undefined;
  return RUNNING_STATUSES.includes(c.status) ? c.deadline : undefined;
}

export function flagsOf(c: CaseRecord): string[] {
  const flags: string[] = [];
  if (OPEN_CASE_STATUSES.includes(c.status)) flags.push(FLAGS.open);
  if (c.status === '待签收' && c.transfer) flags.push(FLAGS.toSignFor(c.transfer.toStaffId));
  if (c.callback && c.callback.status !== '已回访' && c.status === '已办结') flags.push(FLAGS.callback);
  if (c.rectification && c.rectification.status !== '已完成') flags.push(FLAGS.rectification);
  if (c.status === '已上报街道') flags.push(FLAGS.escalated);
  if (c.status === '待补正') flags.push(FLAGS.awaitingDocuments);
  const followUpOpen =
    (c.callback && c.callback.status === '待回访') || (c.rectification && c.rectification.status !== '已完成');
  if ((c.status === '已办结' || c.status === '不予受理') && !followUpOpen) flags.push(FLAGS.toArchive);
  if (c.syncConflicts && c.syncConflicts.length > 0) flags.push(FLAGS.syncConflict);
  // 我的办件 (open) and 我的已办结: the first-contact person and the current handler.
  const open = OPEN_CASE_STATUSES.includes(c.status);
  for (const id of new Set([c.firstContactId, c.handlerId])) flags.push(open ? FLAGS.mine(id) : FLAGS.mineFinished(id));
  return flags;
}

/** The derived index fields of a case (stored for the indexes only; never an event's concern). */
export const CASE_DERIVED_KEYS = ['dueDay', 'flags', 'queueKeys', 'searchKeys', 'reportMonths'] as const;

/** The record with its derived index fields brought up to date. */
export function withIndexes(c: CaseRecord): CaseRecord {
  const flags = flagsOf(c);
  const due = dueDayOf(c);
  const next: CaseRecord = {
    ...c,
    flags,
    queueKeys: queueKeysOf(c, flags, due),
    searchKeys: caseSearchKeysOf(c),
    reportMonths: reportMonthsOf(c),
  };
  if (due) next.dueDay = due;
  else delete next.dueDay;
  return next;
}
