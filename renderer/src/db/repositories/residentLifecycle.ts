/**
 * A resident who moves away, dies, or is deleted: 居民状态 (已迁出 / 已故, back to 在册) and
 * 删除居民, which leaves a tombstone (shared/domain/residentTombstone.ts). The rules are
 * shared/domain/residentStatus.ts.
 */
import type { Resident } from '@shared/domain/records';
import {
  DELETED_RESIDENT_ID,
  deleteReasonRefusal,
  openCount,
  openItemsOf,
  openSummary,
  residentStatusOf,
  statusInputRefusal,
  type DeletionPreview,
  type OpenItems,
  type StatusInput,
} from '@shared/domain/residentStatus';
import { maskReasonForLog } from '@shared/domain/masking';
import { tombstoneRow } from '@shared/domain/residentTombstone';
import { requirePermission } from '../authorize';
import type { Desk, DeskBase } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx } from '../write';
import {
  historyOf,
  historyScope,
  moveResidentHistory,
  WHOLE_RESIDENT_TABLES,
  type HistoryScope,
} from './residentHistory';
import { sweepMergeUndos } from './residentMerge';
import { liveResidentIn, NOT_FOUND } from './residents';

// ---------------------------------------------------------------------------------------------
// 居民状态 (已迁出 / 已故) and 删除居民
// ---------------------------------------------------------------------------------------------

/**
 * Something is still open for the resident (a running case, a document out, a 帮代办 request):
 * a marking needs `confirmOpen` (the screen has shown `open` first); a deletion is refused.
 */
export class OpenItemsRefusal extends DomainRefusal {
  readonly open: OpenItems;
  constructor(message: string, open: OpenItems) {
    super(message);
    this.name = 'OpenItemsRefusal';
    this.open = open;
  }
}

/** What is still open for the resident (shown before a marking or a deletion). */
export async function openItemsOfResident(desk: DeskBase, residentId: string): Promise<OpenItems> {
  const [cases, items, tasks] = await historyOf(desk.db, residentId);
  return openItemsOf(cases, items, tasks);
}

export type StatusMarking = StatusInput & {
  /** The clerk saw what is still open and marks anyway. */
  confirmOpen?: boolean;
};

/**
 * 标记迁出 / 已故 (or, for an admin, back to 在册): the status, its day and the note on the
 * resident's record, in one transaction with the audit row `resident.status` (the statuses and
 * the number of open items; never the note). Their cases, visits and documents stay as they are.
 *
 * Who: `resident.markInactive` to mark, `resident.reactivate` to undo (roles.ts), re-checked
 * inside the transaction. Open items do not block a marking (a resident who died may leave a
 * case to close) but must be acknowledged: without `confirmOpen` the marking is refused with an
 * `OpenItemsRefusal` carrying them, and nothing is written.
 * @throws DomainRefusal (at the field: status, day, note) — nothing written.
 */
export async function markResidentStatus(
  desk: Desk,
  id: string,
  input: StatusMarking,
): Promise<{ resident: Resident; open: OpenItems }> {
  return writeTx(desk, ['residents', 'staff', 'cases', 'custodyItems', 'proxyTasks'], async (tx) => {
    const current = await liveResidentIn(tx, id);
    if (!current) throw new DomainRefusal(NOT_FOUND);
    await (input.status === '在册'
      ? requirePermission(tx, desk.actor, 'resident.reactivate', '将已迁出、已故的居民恢复为在册')
      : requirePermission(tx, desk.actor, 'resident.markInactive', '标记居民已迁出或已故'));
    const refused = statusInputRefusal(input, current, tx.today);
    if (refused) throw new DomainRefusal(refused.reason, refused.field);
    const [cases, items, tasks] = await historyOf(tx, id);
    const open = input.status === '在册' ? openItemsOf([], [], []) : openItemsOf(cases, items, tasks);
    if (openCount(open) > 0 && !input.confirmOpen)
      throw new OpenItemsRefusal(`该居民还有未办完的事项（${openSummary(open)}），请先核对`, open);
    const { status: _s, statusDay: _d, statusNote: _n, ...rest } = current;
    const next =
      input.status === '在册'
        ? rest
        : { ...rest, status: input.status, statusDay: input.day, statusNote: input.note.trim() };
    const resident = await tx.residents.put(next);
    await tx.audit({
      action: 'resident.status',
      entity: 'resident',
      entityId: id,
      detail:
        `${residentStatusOf(current)}→${input.status}${openCount(open) > 0 ? `；未完成 ${openCount(open)}` : ''}` +
        (input.status === '在册' && input.note.trim() ? `；说明：${maskReasonForLog(input.note, current.name)}` : ''),
    });
    return { resident, open };
  });
}

type Scope = HistoryScope;

function previewOf(s: Scope): DeletionPreview {
  return {
    visits: s.visits.length,
    cases: s.cases.length,
    custodyItems: s.items.length,
    proxyRequests: s.tasks.length,
    problems: s.problems.length,
    open: openItemsOf(s.cases, s.items, s.tasks),
  };
}

/** What deleting the resident would touch (the counts shown before, and what is still open). */
export async function residentDeletionPreview(desk: DeskBase, id: string): Promise<DeletionPreview> {
  return previewOf(await historyScope(desk.db, id));
}

export type ResidentDeletion = {
  reason: string;
  /** The counts the admin was shown: the deletion is refused if the data changed since. */
  expected: Omit<DeletionPreview, 'open'>;
};

/**
 * 删除居民 (admins only, `resident.delete`, re-checked inside the transaction), with a reason
 * (at least 4 characters, at the field `reason`), refused while anything is open (a running
 * case, a document out, an open 帮代办 request) and when the counts differ from the preview the
 * admin confirmed. In ONE transaction:
 *   - the resident row becomes a tombstone (shared/domain/residentTombstone.ts): who, when and
 *     the reason (masked); its personal data, care profile and status are gone;
 *   - visits, cases, documents (材料交接), 帮代办 requests and problems are KEPT, their
 *     `residentId` (a problem source's too) replaced by DELETED_RESIDENT_ID, which names no one:
 *     tracking numbers, timelines, ratings and the reports' figures stay, and screens can tell
 *     "deleted" (已删除居民) from "never had a resident" (a 诉求 about a street lamp);
 *   - today's resident imports forget the resident (an undo must not bring the record back);
 *   - a merge's undo snapshot naming the resident is dropped (no copy of the person stays);
 *   - the audit row `resident.delete`: the reason's length and the counts, no personal data.
 * @throws DomainRefusal / OpenItemsRefusal — nothing written.
 */
export async function deleteResident(desk: Desk, id: string, input: ResidentDeletion): Promise<DeletionPreview> {
  return writeTx(desk, [...WHOLE_RESIDENT_TABLES, 'importBatches'], async (tx) => {
    await requirePermission(tx, desk.actor, 'resident.delete', '删除居民档案');
    const refused = deleteReasonRefusal(input.reason);
    if (refused) throw new DomainRefusal(refused.reason, refused.field);
    const current = await liveResidentIn(tx, id);
    if (!current) throw new DomainRefusal(NOT_FOUND);
    const scope = await historyScope(tx, id);
    const preview = previewOf(scope);
    if (openCount(preview.open) > 0)
      throw new OpenItemsRefusal(
        `该居民还有未办完的事项（${openSummary(preview.open)}），办完后才能删除；可先标记为已迁出或已故`,
        preview.open,
      );
    const { open: _open, ...counts } = preview;
    if (JSON.stringify(counts) !== JSON.stringify(input.expected))
      throw new DomainRefusal('该居民的记录刚有变动，请重新查看删除影响后再确认');
    // Every record that named the resident keeps its place and names no one (DELETED_RESIDENT_ID).
    await moveResidentHistory(desk, tx, id, DELETED_RESIDENT_ID);
    // No copy of the person stays in a merge's undo snapshot (nor any snapshot past its day).
    await sweepMergeUndos(tx, id);
    for (const b of await tx.importBatches.where('day').equals(tx.today).toArray()) {
      const created = b.created.filter((c) => c.id !== id);
      const updated = b.updated.filter((u) => u.id !== id);
      if (created.length !== b.created.length || updated.length !== b.updated.length)
        await tx.importBatches.put({ ...b, created, updated });
    }
    // The row stays as a tombstone without personal data (it travels to the other desks).
    const reason = `删除：${maskReasonForLog(input.reason, current.name)}`;
    await tx.residents.put(tombstoneRow(id, { at: tx.now, day: tx.today, by: desk.actor.id, reason }));
    await tx.audit({
      action: 'resident.delete',
      entity: 'resident',
      entityId: id,
      detail:
        `原因：${maskReasonForLog(input.reason, current.name)}；来访 ${counts.visits}，办件 ${counts.cases}，` +
        `材料 ${counts.custodyItems}，帮代办 ${counts.proxyRequests}，问题 ${counts.problems}`,
    });
    return preview;
  });
}
