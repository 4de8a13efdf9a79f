/**
 * Issue 24 (同步冲突): cases whose merged history holds events the rules no longer allow (desk 1
 * 转办s while desk 2 办结s offline). The refold of inbound keeps them on the case
 * (`syncConflicts`, flag 同步冲突 for the 工作台's count); the fold itself stands (the recorded
 * decisions, the same on every desk) until a person acts. `acknowledgeCaseConflict` is that act:
 * the door action 确认同步冲突 through `changeCase` (an event, so every desk sees it handled, and
 * the `sync.resolve` audit row), taken by a holder of `sync.manage`.
 */
import { FLAGS } from '@shared/domain/caseQueues';
import { can, holdersOf } from '@shared/domain/roles';
import type { CaseEvent, CaseRecord, CaseSyncConflict } from '@shared/domain/records';
import type { Desk } from '../db/desk';
import { DomainRefusal } from '../db/refusal';
import { changeCase } from '../db/repositories/changeCase';
import { writeTx } from '../db/write';
import { requireSyncManage } from './syncRead';

/** One refused event as listed: the conflict (reason, desk, time, actor) and the event itself. */
export type CaseConflictItem = CaseSyncConflict & { event: CaseEvent };

/** A case in the 同步冲突 queue: what it is now, and the events refused by the merged history. */
export type CaseConflictEntry = { case: CaseRecord; conflicts: CaseConflictItem[] };

/** The cases with unhandled 同步冲突, the longest waiting first. */
export async function listCaseConflicts(desk: Desk): Promise<CaseConflictEntry[]> {
  await requireSyncManage(desk, '查看同步冲突');
  const cases = await desk.db.cases.where('flags').equals(FLAGS.syncConflict).toArray();
  const out: CaseConflictEntry[] = [];
  for (const c of cases) {
    const pending = c.syncConflicts ?? [];
    const events = await desk.db.caseEvents.bulkGet(pending.map((p) => p.eventId));
    const conflicts = pending.flatMap((p, i) => (events[i] ? [{ ...p, event: events[i] }] : []));
    out.push({ case: c, conflicts });
  }
  const first = (e: CaseConflictEntry) => Math.min(...e.conflicts.map((c) => c.at), Infinity);
  return out.sort((a, b) => first(a) - first(b) || (a.case.trackingNumber < b.case.trackingNumber ? -1 : 1));
}

/**
 * Marks the case's 同步冲突 handled, with `note` (what the 站长 decided). Later actions on the
 * case are the ordinary ones (the machine's rules as always).
 * @throws DomainRefusal without `sync.manage`, without a note, or when nothing is pending.
 */
export async function acknowledgeCaseConflict(desk: Desk, caseId: string, note: string): Promise<CaseRecord> {
  return writeTx(desk, ['cases', 'caseEvents', 'counters'], async (tx) => {
    if (!can(tx.actor, 'sync.manage')) throw new DomainRefusal(`只有${holdersOf('sync.manage')}可以处理同步冲突`);
    const record = await tx.cases.get(caseId);
    if (!record) throw new DomainRefusal('办件不存在');
    const eventIds = (record.syncConflicts ?? []).map((c) => c.eventId);
    const { record: stored } = await changeCase(desk, tx, record, { type: '确认同步冲突', eventIds, note });
    return stored;
  });
}
