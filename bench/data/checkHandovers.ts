/**
 * 交接班 in a generated desk (check.ts): every note is the app's — its text and watch list pass
 * the note's check unchanged (masked, within limits), its facts are the kinds in order, it is for
 * a later day, written by staff of the desk; every 签阅 is of an existing note, by someone else,
 * once per person, not before the day the note is for. Records named by id only.
 */
import { checkHandoverInput, orderedFacts } from '@shared/domain/handover';
import type { HandoverNote, HandoverRead } from '@shared/domain/records';

export function handoverProblems(
  notes: readonly HandoverNote[],
  reads: readonly HandoverRead[],
  staffIds: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const byId = new Map(notes.map((n) => [n.id, n]));
  for (const n of notes) {
    const checked = checkHandoverInput(n);
    if (!checked.ok || checked.value.text !== n.text || JSON.stringify(checked.value.watch) !== JSON.stringify(n.watch))
      problems.push(`handover ${n.id}: text or watch list not as the app keeps them`);
    if (JSON.stringify(orderedFacts(n.facts)) !== JSON.stringify(n.facts))
      problems.push(`handover ${n.id}: facts out of order`);
    if (!(n.forDay > n.day)) problems.push(`handover ${n.id}: for a day not after its own`);
    if (!staffIds.has(n.staffId)) problems.push(`handover ${n.id}: written by unknown staff`);
  }
  const seen = new Set<string>();
  for (const r of reads) {
    const n = byId.get(r.noteId);
    if (!n) {
      problems.push(`handover read ${r.id}: note ${r.noteId} does not exist`);
      continue;
    }
    if (r.staffId === n.staffId) problems.push(`handover read ${r.id}: signed by its writer`);
    if (seen.has(`${r.noteId}|${r.staffId}`)) problems.push(`handover read ${r.id}: signed twice by one person`);
    seen.add(`${r.noteId}|${r.staffId}`);
    if (r.day < n.forDay) problems.push(`handover read ${r.id}: signed before the day it is for`);
  }
  return problems;
}
