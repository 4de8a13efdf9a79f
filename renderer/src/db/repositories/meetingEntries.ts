/**
 * 联席会议's agenda entries by hand: a problem raised at the meeting itself (临时增加, added to
 * the pool through the problem's door), an entry moved up or down, its title and discussion
 * notes (会议纪要). Each one transaction with its audit row.
 */
import { agendaTitleRefusal, problemInputRefusal, type ProblemInput } from '@shared/domain/meetings';
import type { AgendaItem, Problem } from '@shared/domain/records';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx } from '../write';
import { openProblem } from './changeProblem';

/** A problem raised at the meeting itself, added to the pool and to the agenda (临时增加). */
export async function addAgendaEntry(desk: Desk, meetingId: string, input: ProblemInput): Promise<AgendaItem> {
  const refused = problemInputRefusal(input);
  if (refused) throw new DomainRefusal(refused.reason, refused.field);
  const [problemId, itemId] = [desk.newId(), desk.newId()];
  return writeTx(desk, ['meetings', 'agendaItems', 'problems', 'problemEvents', 'counters'], async (tx) => {
    const meeting = await tx.meetings.get(meetingId);
    if (!meeting || meeting.status === '已取消') throw new DomainRefusal('已取消的会议不能增加议题');
    const place = input.place?.trim();
    const problem = await openProblem(desk, tx, {
      id: problemId,
      title: input.title.trim(),
      category: input.category as Problem['category'],
      ...(input.gridId ? { gridId: input.gridId } : {}),
      ...(place ? { place } : {}),
      raisedDay: tx.today,
      status: '待研究',
      sources: [{ kind: '会上提出', day: tx.today, by: desk.actor.id }],
      decisions: [],
    });
    const count = await tx.agendaItems.where('meetingId').equals(meetingId).count();
    const item = await tx.agendaItems.add({
      id: itemId,
      meetingId,
      order: count + 1,
      kind: '临时增加',
      problemId,
      title: problem.title,
      category: problem.category,
      ...(problem.gridId ? { gridId: problem.gridId } : {}),
    });
    await tx.audit({ action: 'problem.add', entity: 'problem', entityId: problemId, detail: '会上提出' });
    return item;
  });
}

/** Moves an entry one place up (-1) or down (+1) on its agenda. */
export async function moveAgendaEntry(desk: Desk, itemId: string, delta: -1 | 1): Promise<void> {
  await writeTx(desk, ['agendaItems', 'meetings'], async (tx) => {
    const item = await tx.agendaItems.get(itemId);
    if (!item) throw new DomainRefusal('未找到该议题');
    const all = (await tx.agendaItems.where('meetingId').equals(item.meetingId).toArray()).sort(
      (a, b) => a.order - b.order,
    );
    const i = all.findIndex((x) => x.id === itemId);
    const other = all[i + delta];
    if (!other) return;
    await tx.agendaItems.put({ ...item, order: other.order });
    await tx.agendaItems.put({ ...other, order: item.order });
    await tx.audit({ action: 'meeting.item', entity: 'agendaItem', entityId: itemId, detail: 'order' });
  });
}

/** The title and the discussion notes (会议纪要) of an entry. */
export async function editAgendaEntry(
  desk: Desk,
  itemId: string,
  patch: { title?: string; discussion?: string },
): Promise<void> {
  const title = patch.title?.trim();
  const refused = title !== undefined ? agendaTitleRefusal(title) : null;
  if (refused) throw new DomainRefusal(refused.reason, refused.field);
  if ((patch.discussion?.length ?? 0) > 1000) throw new DomainRefusal('讨论记录不超过 1000 字', 'discussion');
  await writeTx(desk, ['agendaItems', 'meetings'], async (tx) => {
    const item = await tx.agendaItems.get(itemId);
    if (!item) throw new DomainRefusal('未找到该议题');
    const meeting = await tx.meetings.get(item.meetingId);
    if (meeting?.status === '已取消') throw new DomainRefusal('已取消的会议不能修改');
    await tx.agendaItems.put({
      ...item,
      ...(title !== undefined ? { title } : {}),
      ...(patch.discussion !== undefined ? { discussion: patch.discussion.trim() } : {}),
    });
    await tx.audit({
      action: 'meeting.item',
      entity: 'agendaItem',
      entityId: itemId,
      detail: Object.keys(patch).join(','),
    });
  });
}
