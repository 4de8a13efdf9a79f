/** 居民台账导入: one import of a ledger file, kept so an admin can undo it the same day. */
import type { Resident } from './resident';
import type { Stamp } from './staff';

export type ImportBatch = Stamp & {
  id: string;
  /** Local day of the import (undo is possible that day only). */
  day: string;
  fileName: string;
  /** What to do with a row that is already on file. */
  mode: 'skip' | 'update';
  /** Residents this import created, with their row in the file and the instant it was saved. */
  created: { id: string; row: number; at: number }[];
  /**
   * Residents this import changed, as they were before (undo puts them back); the copy is
   * dropped once the day is over (no undo then), leaving only the id.
   */
  updated: { id: string; row: number; at: number; before?: Resident }[];
  /** Rows already on file left as they were (skip mode, or nothing to change). */
  skipped: number;
  /** Rows refused (their reasons are in the rejected-rows report the clerk downloads). */
  rejected: number;
  /** The instant of the last saved part. */
  savedAt: number;
  undone?: { at: number; by: string };
};
