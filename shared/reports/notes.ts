/**
 * The two free-text sections of a report (本周重点工作, 问题与建议): their labels, their limit and
 * how they leave the desk. Apart from reportData.ts (which re-exports them) so that the report
 * screen, which edits them, loads none of the summary's code (it is computed in the worker).
 */
import { maskNumbersInText } from '../domain/masking';
import type { PeriodKind } from './periods';

/** The two free-text sections written before export. */
export type ReportNotes = { focus: string; issues: string };
export const EMPTY_NOTES: ReportNotes = { focus: '', issues: '' };
export const NOTE_LABELS: Record<keyof ReportNotes, string> = { focus: '本周重点工作', issues: '问题与建议' };

/** The notes' headings for a kind of report: a month or a year has its 本期重点工作. */
export function noteLabels(kind: PeriodKind): Record<keyof ReportNotes, string> {
  return kind === 'week' ? NOTE_LABELS : { ...NOTE_LABELS, focus: '本期重点工作' };
}
export const MAX_NOTE_CHARS = 2000;

/** The notes as they leave the desk: numbers shaped like an ID or a phone masked. */
export function notesForExport(notes: ReportNotes): ReportNotes {
  return { focus: maskNumbersInText(notes.focus.trim()), issues: maskNumbersInText(notes.issues.trim()) };
}
