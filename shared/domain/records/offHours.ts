/**
 * 错时服务 (issue 26 item 4): a line a staff member adds for work done outside standard hours
 * that no record shows (a call answered at home, an evening meeting). Append-only: a line once
 * written never changes (it travels as an immutable document); a wrong one is corrected by a
 * new line, never by an edit.
 */
export type OffHoursLine = {
  id: string;
  /** Who did the work (the signed-in staff member who added the line). */
  staffId: string;
  /** Local date of the work. */
  day: string;
  /** Local times 'HH:MM', start < end. */
  start: string;
  end: string;
  /** What was done (free text, masked where listed). */
  content: string;
  /** When the line was written. */
  at: number;
  /** The desk that wrote it. */
  desk?: number;
};
