/**
 * The report's heavy work, run in the desk's worker (renderer/src/worker: these are entries of its
 * job table): each reads the period's records by index itself (`readReportData` on the worker's
 * own read-only desk, so no record is copied between threads) and hands back only what the page
 * needs — the view, a file, or the printed page's HTML.
 */
import type { CoveredDesk } from '@shared/domain/records';
import { coveredDesks } from '@shared/reports/centerDesks';
import type { Correction } from '@shared/reports/package';
import type { Period, PeriodKind } from '@shared/reports/periods';
import { baseName, namesOf, summariesOf } from '@shared/reports/reportData';
import { EMPTY_NOTES, type ReportNotes } from '@shared/reports/notes';
import { reportViewFrom, type ReportView } from '@shared/reports/reportView';
import { renderSummaryDocument } from '@shared/reports/summaryDocument';
import { summarySections } from '@shared/reports/summaryRows';
import type { Desk } from '../../db/desk';
import { readReport, readReportData, reportNames } from '../../db/repositories/reports';
import { reportSummaries, summariesFrom } from '../../db/repositories/reportSummaries';
import { buildExport, type ExportFile, type ExportFormat } from './buildExport';

/** A period of a kind, compared with the one before it. */
export type ReportRequest = { kind: PeriodKind; period: Period; previous: Period };

const dataOf = (desk: Desk, r: ReportRequest, notes: ReportNotes = EMPTY_NOTES) =>
  readReportData(desk, r.kind, r.period, r.previous, notes);

/**
 * The screen's figures (a live job: it runs again when a record it read changes — for a closed
 * period, its kept row, which a write touching the period drops).
 */
export async function reportView(desk: Desk, r: ReportRequest): Promise<ReportView> {
  const { summaries, data } = await reportSummaries(desk, r, EMPTY_NOTES);
  return reportViewFrom(r, summaries, namesOf(data ?? (await reportNames(desk))));
}

export type ReportFileRequest = ReportRequest & {
  notes: ReportNotes;
  format: ExportFormat;
  /** 实名台账 (the caller has checked the permission and the reason). */
  named: boolean;
  installId: string;
  /** Epoch ms of the export. */
  generatedAt: number;
  /** For the JSON package: which sending of the period it is (read before the job: nextCorrection). */
  correction?: Correction;
};

/**
 * An export file, and the desks it covers (recorded with the export). The JSON package reads
 * every record of both periods; the xlsx and the CSV files take the summaries (kept ones for a
 * closed period) and read the period's own cases for the ledgers.
 */
export async function reportFile(
  desk: Desk,
  r: ReportFileRequest,
): Promise<{ file: ExportFile; covered: CoveredDesk[] }> {
  const job = {
    format: r.format,
    named: r.named,
    installId: r.installId,
    generatedAt: r.generatedAt,
    ...(desk.identity ? { desk: desk.identity } : {}),
    ...(r.correction ? { correction: r.correction } : {}),
  };
  if (r.format === 'json') {
    const data = await dataOf(desk, r, r.notes);
    const file = await buildExport({ ...job, data });
    return { file, covered: file.package?.desks ?? coveredDesks(data.desks, data.cases, r.period) };
  }
  // The summaries from their slim rows (or kept) and the period's own cases for the ledgers, side by side.
  const [summed, ledgers] = await Promise.all([
    reportSummaries(desk, r, r.notes),
    readReport(desk, r, r.notes, 'ledgers'),
  ]);
  // Summaries read from the records and a ledger read by itself must see the same records: a save
  // committed between the two reads (their write tokens differ) would make the file disagree with
  // itself (N accepted above, N+1 rows below). Then both come from ONE read of everything.
  if (summed.data && summed.token !== ledgers.token) {
    const data = await dataOf(desk, r, r.notes);
    const summaries = summariesFrom(data, r.period);
    return { file: await buildExport({ ...job, data, summaries }), covered: summaries.covered };
  }
  const file = await buildExport({ ...job, data: ledgers.data, summaries: summed.summaries });
  return { file, covered: summed.summaries.covered };
}

export type ReportPaperRequest = ReportRequest & { notes: ReportNotes; printedAt: string; printedBy: string };

/** The printed summary (周报 on paper, its PDF): the HTML, its row count, the desks it covers, the PDF's name. */
export async function reportPaper(
  desk: Desk,
  r: ReportPaperRequest,
): Promise<{ html: string; rows: number; covered: CoveredDesk[]; fileName: string }> {
  const data = await dataOf(desk, r, r.notes);
  const { now, before } = summariesOf(data);
  return {
    html: renderSummaryDocument(data, r.printedAt, r.printedBy),
    rows: summarySections(now, before, namesOf(data)).reduce((n, s) => n + s.rows.length, 0),
    covered: coveredDesks(data.desks, data.cases, r.period),
    fileName: `${baseName(data)}.pdf`,
  };
}
