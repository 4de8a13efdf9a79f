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
 * The formats a period's report is exported or printed in: the Excel workbook, one CSV part, the
 * JSON 报送包, the PDF and the printed summary.
 */
export type ReportExportFormat =
  'xlsx' | 'json' | 'csv:summary' | 'csv:cases' | 'csv:escalations' | 'csv:ratings' | 'pdf' | 'print';

/**
 * One export of a period's report (DB v22; `format` since issue 24's re-export confirm): who
 * (staff id), from which desk, when, in which format, the desks it covered and, for the JSON
 * package, its hash. Append-only: two desks exporting the same week while offline both keep
 * their row (nothing to conflict), and every desk shows the export(s) of a format before another
 * one is made. The 实名台账 (named, with its reason) is not recorded here: it is asked for by itself.
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
  /** Absent on rows made before formats were recorded: those were all JSON packages. */
  format?: ReportExportFormat;
  /** The JSON package's `sha256` (which file the street office received); absent for the other formats. */
  sha256?: string;
};

/** The format of an export row (rows made before formats were recorded are the JSON package's). */
export const exportFormatOf = (row: Pick<PackageExport, 'format'>): ReportExportFormat => row.format ?? 'json';
