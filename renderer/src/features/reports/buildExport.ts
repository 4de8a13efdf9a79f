/**
 * Every export file of a report, made from the one ReportData (runs in the export worker; the
 * tests call it directly): the xlsx (汇总, 办件台账, 上报事项, 评价与整改), a CSV per ledger or of
 * the summary, and the JSON package (validated against its schema before it is returned).
 * Each file says how many rows each part holds, for the audit log.
 */
import { sha256Hex } from '../../db/bytes';
import type { DeskIdentity } from '@shared/domain/deskNumber';
import { toCsv } from '@shared/reports/csv';
import { ledgersOf, type Ledger, type LedgerKey } from '@shared/reports/ledgers';
import { coveredDesks } from '@shared/reports/centerDesks';
import { packageContent, writePackage, type Correction } from '@shared/reports/package';
import type { CoveredDesk } from '@shared/domain/records';
import {
  baseName,
  namesOf,
  noteLabels,
  notesForExport,
  summariesOf,
  type ReportData,
} from '@shared/reports/reportData';
import { changeOf, summarySections } from '@shared/reports/summaryRows';
import type { PeriodSummary } from '@shared/reports/summary';
import { workbookBase64, type SheetSpec } from '../../components/workbook';

export type ExportFormat = 'xlsx' | 'json' | `csv:${'summary' | LedgerKey}`;

export type ExportJob = {
  format: ExportFormat;
  data: ReportData;
  /** 实名台账 (full personal fields); the caller has checked the permission and the reason. */
  named: boolean;
  /** For the JSON package. */
  installId: string;
  /** The desk that makes it (named in the JSON package). */
  desk?: DeskIdentity;
  /** For the JSON package: which sending of the period it is (the center's export rows; default the first). */
  correction?: Correction;
  /** Epoch ms of the export. */
  generatedAt: number;
  /**
   * The summaries (kept ones for a closed period: reportSummaries); without them they are made
   * from `data`, which must then hold both periods' records.
   */
  summaries?: { now: PeriodSummary; before: PeriodSummary };
};

export type ExportFile = {
  fileName: string;
  content: string;
  encoding: 'utf8' | 'base64';
  filters: { name: string; extensions: string[] }[];
  rows: Record<string, number>;
  /** The JSON package: its hash and the desks it covers (recorded for the whole center). */
  package?: { sha256: string; desks: CoveredDesk[] };
};

const SUMMARY_COLUMNS = [
  { title: '栏目', width: 18 },
  { title: '项目', width: 30 },
  { title: '本期', width: 12 },
  { title: '上期', width: 12 },
  { title: '增减', width: 10 },
];

function summaryTable(data: ReportData, summaries = summariesOf(data)): (string | number)[][] {
  const { now, before } = summaries;
  const rows: (string | number)[][] = summarySections(now, before, namesOf(data)).flatMap((s) =>
    s.rows.map((r) => [s.title, r.label, r.now, r.before, changeOf(r)]),
  );
  const written = notesForExport(data.notes);
  for (const [k, label] of Object.entries(noteLabels(data.kind)))
    rows.push([label, written[k as keyof typeof written] || '（无）', '', '', '']);
  return rows;
}

const rowCounts = (ledgers: readonly Ledger[]) => Object.fromEntries(ledgers.map((l) => [l.title, l.rows.length]));

export async function buildExport(job: ExportJob): Promise<ExportFile> {
  const { data } = job;
  const name = baseName(data) + (job.named ? '-实名' : '');
  const title = (what: string) => `${data.community.name} ${what} ${data.label}`;
  if (job.format === 'json') {
    const generatedAt = new Date(job.generatedAt).toISOString();
    const content = packageContent(data, job.installId, generatedAt, job.desk, job.correction);
    const text = await writePackage(content, sha256Hex);
    return {
      fileName: `${baseName(data)}.json`,
      content: text,
      encoding: 'utf8',
      filters: [{ name: '报送包 (JSON)', extensions: ['json'] }],
      rows: { 办件: content.ledger.length, 上报事项: content.escalations.length },
      package: {
        sha256: (JSON.parse(text) as { sha256: string }).sha256,
        desks: coveredDesks(data.desks, data.cases, data.period),
      },
    };
  }
  const ledgers = ledgersOf(data, job.named);
  if (job.format === 'xlsx') {
    const summary = summaryTable(data, job.summaries);
    const sheets: SheetSpec[] = [
      { name: '汇总', title: title('汇总'), columns: SUMMARY_COLUMNS, rows: summary },
      ...ledgers.map((l) => ({ name: l.title, title: title(l.title), columns: l.columns, rows: l.rows })),
    ];
    return {
      fileName: `${name}.xlsx`,
      content: await workbookBase64(sheets),
      encoding: 'base64',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      rows: { 汇总: summary.length, ...rowCounts(ledgers) },
    };
  }
  const which = job.format.slice(4) as 'summary' | LedgerKey;
  const table =
    which === 'summary'
      ? { title: '汇总', columns: SUMMARY_COLUMNS, rows: summaryTable(data, job.summaries) }
      : ledgers.find((l) => l.key === which)!;
  return {
    fileName: `${which === 'summary' ? baseName(data) : name}-${table.title}.csv`,
    content: toCsv(
      table.columns.map((c) => c.title),
      table.rows,
    ),
    encoding: 'utf8',
    filters: [{ name: 'CSV（逗号分隔）', extensions: ['csv'] }],
    rows: { [table.title]: table.rows.length },
  };
}
