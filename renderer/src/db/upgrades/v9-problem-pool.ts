/**
 * v8 → v9: the problem pool (问题库) and the meetings reshaped.
 * - Every 诉求 visit (free text, no number) becomes a problem of the pool (source 窗口诉求, its
 *   resident, a title from its text with numbers masked, a first-guess category), and every open
 *   case of a 投诉建议 matter (TS-…) becomes one linked to its case: the two paths meet.
 * - A placeholder meeting (weekOf, heldOn, minutes) gets its day (the day held, else the Friday
 *   of its week), no attendees and its minutes as the summary; a placeholder agenda row becomes an
 *   entry added by hand (临时增加) of its meeting, its case kept, 持续关注 kept as 继续跟踪.
 * Idempotent: problems are keyed by their visit or case; rows in the new shape are kept.
 */
import type { Transaction } from 'dexie';
import type { AgendaItem, CaseRecord, Meeting, Problem, Visit } from '@shared/domain/records';
import { addDays } from '@shared/domain/localDate';
import { categoryOfMatter, guessCategory, problemTitleOf } from '@shared/domain/meetings';

type OldMeeting = { id: string; weekOf: string; heldOn?: string; status: '筹备中' | '已召开'; minutes?: string };
type OldAgendaItem = {
  id: string;
  meetingId: string;
  sourceType: 'visit' | 'case';
  sourceId: string;
  category: string;
  decision?: string;
};
const CLOSED = new Set(['已办结', '已归档', '不予受理']);

export async function upgradeV9ProblemPool(tx: Transaction): Promise<void> {
  const problems = tx.table<Problem, string>('problems');
  const stamp = (at: number, by: string) => ({ createdAt: at, createdBy: by, updatedAt: at, updatedBy: by });
  for (const v of await tx.table<Visit, string>('visits').where('kind').equals('诉求').toArray()) {
    const id = `problem-visit-${v.id}`;
    if (await problems.get(id)) continue;
    await problems.add({
      id,
      title: problemTitleOf(v.content) || '居民诉求',
      category: guessCategory(v.content),
      raisedDay: v.day,
      status: '待研究',
      sources: [
        {
          kind: '窗口诉求',
          day: v.day,
          visitId: v.id,
          by: v.firstContactId,
          ...(v.residentId ? { residentId: v.residentId } : {}),
        },
      ],
      decisions: [],
      ...stamp(v.visitedAt, v.firstContactId),
    });
  }
  const complaints = await tx
    .table<CaseRecord, string>('cases')
    .where('matterCode')
    .startsWith('TS-')
    .filter((c) => !CLOSED.has(c.status))
    .toArray();
  for (const c of complaints) {
    const id = `problem-case-${c.id}`;
    if (await problems.get(id)) continue;
    await problems.add({
      id,
      title: c.matterName,
      category: categoryOfMatter(c.matterCode),
      raisedDay: c.acceptedDay,
      status: '待研究',
      caseId: c.id,
      ...(c.gridId ? { gridId: c.gridId } : {}),
      sources: [
        {
          kind: '窗口诉求',
          day: c.acceptedDay,
          caseId: c.id,
          by: c.firstContactId,
          ...(c.visitId ? { visitId: c.visitId } : {}),
          ...(c.residentId ? { residentId: c.residentId } : {}),
        },
      ],
      decisions: [],
      ...stamp(c.createdAt, c.createdBy),
    });
  }
  const meetings = tx.table<Meeting | (OldMeeting & Meeting), string>('meetings');
  for (const m of await meetings.toArray()) {
    if (!('weekOf' in m)) continue;
    const { weekOf, heldOn, minutes, ...rest } = m as OldMeeting & Meeting;
    await meetings.put({
      ...rest,
      day: heldOn ?? addDays(weekOf, 4),
      attendees: [],
      ...(minutes ? { summary: minutes } : {}),
    });
  }
  const items = tx.table<AgendaItem | OldAgendaItem, string>('agendaItems');
  const rows = await items.toArray();
  for (const [i, row] of rows.entries()) {
    if (!('sourceType' in row)) continue;
    const entry: AgendaItem = {
      id: row.id,
      meetingId: row.meetingId,
      order: i + 1,
      kind: '临时增加',
      title: row.category || '议题',
      category: row.category || '其他',
      ...(row.sourceType === 'case' ? { caseId: row.sourceId } : {}),
      ...(row.decision === '持续关注' ? { decision: { type: '继续跟踪', note: '（原有议题）' } } : {}),
    };
    await items.put(entry);
  }
}
