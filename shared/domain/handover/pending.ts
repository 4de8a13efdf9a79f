/**
 * Who a note is for and who still has to read it. A note goes to the next day with someone on the
 * 值班岗 after the writer's day; a duty person must 签阅 every note addressed to a day since their
 * previous duty day (up to today) that someone else wrote and they have not signed.
 */
import { addDays } from '../localDate';
import type { HandoverNote, HandoverRead } from '../records';

/** How far back a note still stands in front of the desk when the reader has no earlier duty day. */
export const HANDOVER_LOOKBACK_DAYS = 14;

/** The first day after `day` among the rota's 值班岗 days; without one, the next calendar day. */
export function nextDutyDay(day: string, dutyDays: readonly string[]): string {
  const later = dutyDays.filter((d) => d > day).sort();
  return later[0] ?? addDays(day, 1);
}

export type PendingQuery = {
  staffId: string;
  today: string;
  /** The reader's last 值班岗 day before today (undefined: none in the lookback). */
  previousDutyDay?: string;
};

/** The days (from, today] whose notes a reader on duty today must have read. */
export function pendingSpan(q: Pick<PendingQuery, 'today' | 'previousDutyDay'>): { after: string; upTo: string } {
  const floor = addDays(q.today, -HANDOVER_LOOKBACK_DAYS);
  const after = q.previousDutyDay && q.previousDutyDay > floor ? q.previousDutyDay : floor;
  return { after, upTo: q.today };
}

/** The notes the reader must 签阅 before the 工作台, oldest first. */
export function pendingNotes(
  notes: readonly HandoverNote[],
  reads: readonly HandoverRead[],
  q: PendingQuery,
): HandoverNote[] {
  const { after, upTo } = pendingSpan(q);
  const signed = new Set(reads.filter((r) => r.staffId === q.staffId).map((r) => r.noteId));
  return notes
    .filter((n) => n.forDay > after && n.forDay <= upTo && n.staffId !== q.staffId && !signed.has(n.id))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** Who signed a note and when: each person once (their first 签阅), in order. */
export function readersOf(noteId: string, reads: readonly HandoverRead[]): HandoverRead[] {
  const first = new Map<string, HandoverRead>();
  for (const r of [...reads].filter((x) => x.noteId === noteId).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)))
    if (!first.has(r.staffId)) first.set(r.staffId, r);
  return [...first.values()];
}
