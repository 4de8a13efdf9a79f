/** The free-text notes of a report's period (统计报表 → 本期重点 / 存在问题), kept in meta and audited. */
import { EMPTY_NOTES, MAX_NOTE_CHARS, NOTE_LABELS, type ReportNotes } from '@shared/reports/notes';
import type { Period } from '@shared/reports/periods';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx } from '../write';

const notesKey = (p: Period) => `reportNotes:${p.from}:${p.to}` as const;

export async function getReportNotes(desk: Desk, period: Period): Promise<ReportNotes> {
  const row = await desk.db.meta.get(notesKey(period));
  if (!row || !row.key.startsWith('reportNotes:')) return EMPTY_NOTES;
  const { focus, issues } = row.value as ReportNotes;
  return { focus: focus ?? '', issues: issues ?? '' };
}

export async function saveReportNotes(desk: Desk, period: Period, notes: ReportNotes): Promise<void> {
  for (const k of Object.keys(NOTE_LABELS) as (keyof ReportNotes)[])
    if (notes[k].length > MAX_NOTE_CHARS)
      throw new DomainRefusal(`不超过 ${MAX_NOTE_CHARS} 个字（现有 ${notes[k].length} 个）`, k);
  await writeTx(desk, ['meta'], async (tx) => {
    const value = { focus: notes.focus, issues: notes.issues, updatedAt: tx.now, updatedBy: desk.actor.id };
    await tx.meta.put({ key: notesKey(period), value });
    await tx.audit({ action: 'report.notes', entity: 'report', entityId: `${period.from}:${period.to}` });
  });
}
