/**
 * 交接班 (issue 26 item 3): hand-over notes and their read marks (签阅). Both append-only and
 * center data: a note, once written, is never changed (contract.ts IMMUTABLE_TABLES), and each
 * 签阅 is its own event row, so two desks never overwrite a "read" flag.
 */
import type { Stamp } from './staff';

/** What the desk knew when the note was written: one line per kind (shared/domain/handover/facts.ts). */
export type HandoverFactKind = '明日到期' | '已超期' | '待签收' | '材料在外' | '待回访' | '明日上门' | '会议决定到期';

/** One line of what the desk knew: how many, and the first few tracking numbers (never a name or number of a person). */
export type HandoverFact = { kind: HandoverFactKind; count: number; refs: string[] };

export type HandoverNote = Stamp & {
  id: string;
  /** The writer's duty day (the day it was written). */
  day: string;
  /** The day whose 值班岗 receives it: the next day with someone on the 值班岗 after `day`. */
  forDay: string;
  /** Who wrote it (also `createdBy`; kept apart so the record reads without its stamp). */
  staffId: string;
  /** What the desk knew, as counted when written. */
  facts: HandoverFact[];
  /** The writer's own notes (numbers masked when saved). */
  text: string;
  /** 需关注事项: one short line each (numbers masked when saved). */
  watch: string[];
};

/** One 签阅 of one note by one staff member (an event: never changed; the first per person counts). */
export type HandoverRead = { id: string; noteId: string; staffId: string; at: number; day: string };
