/** The 联席会议 part of the period summary (summary.ts): problems, meetings, decisions, what is still open. */
import type { Problem } from '../domain/records';
import type { SummaryCase } from './slimRows';
import type { Period } from './periods';
import type { SummaryInput } from './summary';
import { asOfDay, caseFinishedBy, inside, tally } from './summaryParts';

export type MeetingSummary = {
  /** Problems raised in the period (merged ones once), by the kind of their first report and by category. */
  problems: { raised: number; bySource: Record<string, number>; byCategory: Record<string, number> };
  /** Meetings of the period: held, moved to another day (改期), cancelled, still being prepared. */
  held: number;
  moved: number;
  cancelled: number;
  planned: number;
  /** Of the held meetings: everyone listed and those present. */
  attendance: { expected: number; present: number; rate: number | null };
  /** Agenda items of the held meetings, by kind. */
  items: { total: number; byKind: Record<string, number> };
  /** Decisions of the period's meetings, by type. */
  decisions: { total: number; byType: Record<string, number> };
  /**
   * The 社区处置 among them; `due`: those whose due day is on or before the period's end (or
   * today); `finishedByDue`: of those, the ones whose case was finished (办结) by the due day.
   */
  assigned: { total: number; due: number; finishedByDue: number; finishedByDueRate: number | null };
  /** Problems open at the period's end (or today). */
  openAtEnd: number;
};

/**
 * Whether the problem was open at the end of `day`, replayed from its days: raised by then, not
 * merged into another, and its last decision by then none, 继续跟踪, or 社区处置 / 上报街道 with its
 * case not finished by then. `caseOf` finds the case; one it does not find is taken as finished
 * (the report reads every case open at its period's end).
 */
export function problemOpenAtEndOf(
  p: Pick<Problem, 'status' | 'raisedDay' | 'decisions' | 'caseId'>,
  day: string,
  caseOf: (id: string) => SummaryCase | undefined,
): boolean {
  if (p.status === '已合并' || p.raisedDay > day) return false;
  const last = p.decisions.filter((d) => d.day <= day).at(-1);
  if (!last || last.type === '继续跟踪') return true;
  if (last.type === '已解决') return false;
  const c = p.caseId ? caseOf(p.caseId) : undefined;
  return c !== undefined && !caseFinishedBy(c, day);
}

/** The 联席会议 part of the summary of `period`. */
export function meetingSummary(input: SummaryInput, period: Period): MeetingSummary {
  const raised = input.problems.filter((p) => p.status !== '已合并' && inside(p.raisedDay, period));
  const meetings = input.meetings.filter((m) => inside(m.day, period));
  const held = meetings.filter((m) => m.status === '已召开');
  const heldIds = new Set(held.map((m) => m.id));
  const deciding = new Set(meetings.filter((m) => m.status !== '已取消').map((m) => m.id));
  const items = input.agendaItems.filter((i) => heldIds.has(i.meetingId));
  const decided = input.agendaItems.filter((i) => i.decision && deciding.has(i.meetingId));
  const cases = new Map(input.cases.map((c) => [c.id, c]));
  const asOf = asOfDay(input, period);
  const assigned = decided.flatMap((i) =>
    i.decision?.type === '社区处置' ? [{ item: i, dueDay: i.decision.dueDay }] : [],
  );
  const due = assigned.filter((a) => a.dueDay <= asOf);
  const finishedByDue = due.filter(({ item, dueDay }) => {
    const done = item.caseId ? cases.get(item.caseId)?.completedDay : undefined;
    return done !== undefined && done <= dueDay;
  }).length;
  const expected = held.reduce((n, m) => n + m.attendees.length, 0);
  const present = held.reduce((n, m) => n + m.attendees.filter((a) => a.present).length, 0);
  return {
    problems: {
      raised: raised.length,
      bySource: tally(raised.map((p) => p.sources[0]?.kind ?? '会上提出')),
      byCategory: tally(raised.map((p) => p.category)),
    },
    held: held.length,
    moved: meetings.filter((m) => (m.movedFrom?.length ?? 0) > 0).length,
    cancelled: meetings.filter((m) => m.status === '已取消').length,
    planned: meetings.filter((m) => m.status === '筹备中').length,
    attendance: { expected, present, rate: expected === 0 ? null : present / expected },
    items: { total: items.length, byKind: tally(items.map((i) => i.kind)) },
    decisions: { total: decided.length, byType: tally(decided.map((i) => i.decision!.type)) },
    assigned: {
      total: assigned.length,
      due: due.length,
      finishedByDue,
      finishedByDueRate: due.length === 0 ? null : finishedByDue / due.length,
    },
    openAtEnd: input.problems.filter((p) => problemOpenAtEndOf(p, asOf, (id) => cases.get(id))).length,
  };
}
