/**
 * The center as a whole (issue 24 item 7): which desks it has, and which report packages were
 * made for it. Both are center data (replicated to every desk), written once and never changed.
 */
import type { DeskIdentity } from '../deskNumber';

/**
 * A desk of the center, as it joined (DB v22): its number and name, written by the join in the
 * transaction that marks the desk joined, so every desk of the center learns the others' names.
 * Keyed by the number as text (a document id of its own: `centerDesks:<no>`).
 */
export type CenterDesk = DeskIdentity & { id: string; joinedAt: number };

/** A desk's work a report covers: the cases it accepted in the period (by their number's desk). */
export type CoveredDesk = DeskIdentity & { cases: number };

/**
 * One export of a period's JSON package (DB v22): who (staff id), from which desk, when, the desks
 * it covered and its hash. Append-only: two desks exporting the same week while offline both keep
 * their row (nothing to conflict), and every desk shows the export(s) before another one is made.
 */
export type PackageExport = {
  id: string;
  kind: 'week' | 'month' | 'quarter' | 'year' | 'custom';
  from: string;
  to: string;
  at: number;
  staffId: string;
  desk: DeskIdentity;
  desks: CoveredDesk[];
  /** The package's `sha256` (which file the street office received). */
  sha256: string;
};
