/**
 * 统计报表: the summary of a week (周报), month, quarter, year or custom range — headline
 * figures against the previous period, charts, the summary tables — the two written sections,
 * and the exports to the street office. Opens on last week. It covers every desk of the center
 * whose records reached this desk (CenterCoverage) and says when the period's 报送包 was already
 * exported on any desk.
 */
import { useMemo, useState } from 'react';
import { Alert, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { can } from '@shared/domain/roles';
import { periodLabel, weeksEndingWith } from '@shared/reports/periods';
import { periodPlace } from '@shared/reports/likelyPeriod';
import { EMPTY_NOTES, type ReportNotes } from '@shared/reports/notes';
import { percent } from '@shared/reports/summaryRows';
import type { PeriodSummary } from '@shared/reports/summary';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useShortcut } from '../../app/useShortcut';
import { Loading } from '../../components/Loading';
import { packageExportsOf, type PackageExportView } from '../../db/repositories/packageExports';
import { weeklyCounts } from '../../db/repositories/reports';
import { getReportNotes, saveReportNotes } from '../../db/repositories/reportNotes';
import { useJob } from '../../worker/useJob';
import { CenterCoverage } from './CenterCoverage';
import { ExportPanel } from './ExportPanel';
import { PeriodBar } from './PeriodBar';
import { ReportCharts } from './ReportCharts';
import { ReportNotesEditor } from './ReportNotesEditor';
import { SummaryTables } from './SummaryTables';
import { initialChoice, rememberedKind, rememberKind, resolveChoice, type PeriodChoice } from './reportPeriod';
import type { ReportRequest } from './reportJobs';
import { useReportExport } from './useReportExport';

/** No export of the period yet (one array: the panel's props stay equal between renders). */
const NO_EXPORTS: readonly PackageExportView[] = [];

const sameNotes = (a: ReportNotes, b: ReportNotes) => a.focus === b.focus && a.issues === b.issues;

function Headline({ now, before }: { now: PeriodSummary; before: PeriodSummary }) {
  const figures: [string, string, string][] = [
    ['来访', `${now.visits.total} 人次`, `上期 ${before.visits.total}`],
    ['受理办件', `${now.accepted.total} 件`, `上期 ${before.accepted.total}`],
    ['按时办结率', percent(now.completed.onTimeRate), `上期 ${percent(before.completed.onTimeRate)}`],
    ['期末超期', `${now.open.overdue} 件`, `上期 ${before.open.overdue}`],
  ];
  return (
    <Stack
      component="ul"
      aria-label="本期要点"
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 2, p: 0, m: 0 }}
    >
      {figures.map(([label, value, was]) => (
        <Paper component="li" key={label} sx={{ p: 2, listStyle: 'none' }}>
          <Typography color="text.secondary">{label}</Typography>
          <Typography variant="h5" component="p" sx={{ fontWeight: 700 }}>
            {value}
          </Typography>
          <Typography color="text.secondary">{was}</Typography>
        </Paper>
      ))}
    </Stack>
  );
}

export function ReportsSection() {
  const desk = useDesk();
  const staff = useStaff();
  const [choice, setChoice] = useState<PeriodChoice>(() => initialChoice(desk.clock.today(), rememberedKind()));
  const choose = (c: PeriodChoice) => {
    rememberKind(c.kind);
    setChoice(c);
  };
  const resolved = useMemo(() => resolveChoice(choice), [choice]);
  const period = resolved.error ? null : resolved.period;
  const previous = resolved.error ? null : resolved.previous;
  // The notes belong to the days (as stored), whatever kind of report shows them.
  const key = period ? `${period.from}:${period.to}` : '';

  // The figures are computed in the desk's worker (reportJobs.ts), live: the screen keeps taking
  // input while a year is summarised. Only an answer for this period is shown.
  const request = useMemo<ReportRequest | null>(
    () => (period && previous ? { kind: choice.kind, period, previous } : null),
    [choice.kind, period, previous],
  );
  const { value: view, error: viewError } = useJob('reportView', request);
  const trendRead = useLiveQuery(
    async () => (period ? { key, weeks: await weeklyCounts(desk, weeksEndingWith(period.to, 8)) } : undefined),
    [desk, period, key],
  );
  const trend = trendRead?.key === key ? trendRead.weeks : undefined;
  const savedRead = useLiveQuery(
    async () => (period ? { key, notes: await getReportNotes(desk, period) } : undefined),
    [desk, period, key],
  );
  const saved = savedRead?.key === key ? savedRead.notes : undefined;
  const exportsRead = useLiveQuery(
    async () =>
      period ? { key, kind: choice.kind, rows: await packageExportsOf(desk, choice.kind, period) } : undefined,
    [desk, choice.kind, period, key],
  );
  const exports = exportsRead?.key === key && exportsRead.kind === choice.kind ? exportsRead.rows : NO_EXPORTS;
  const [drafts, setDrafts] = useState<Record<string, ReportNotes>>({});
  const notes = drafts[key] ?? saved ?? EMPTY_NOTES;
  const dirty = drafts[key] !== undefined && !sameNotes(drafts[key], saved ?? EMPTY_NOTES);
  const notesAction = useGuardedAction();
  const saveNotes = async () => {
    if (!period || !dirty) return true;
    return notesAction.run(() => saveReportNotes(desk, period, notes));
  };
  useShortcut('Ctrl+S', () => void saveNotes());

  // The figures come from the records alone (typing in the notes recomputes nothing); an
  // export reads the records again in the worker, with the notes.
  const target = useMemo(() => (request && view && saved ? { request, notes } : null), [request, view, saved, notes]);
  const exporter = useReportExport(target, saveNotes);
  const place = period ? periodPlace(choice.kind, period, desk.clock.today()) : '';
  const label = period ? `${place ? `${place}：` : ''}${periodLabel(choice.kind, period)}` : '请选择统计范围';

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        统计报表
      </Typography>
      <Paper sx={{ p: 2 }}>
        <PeriodBar
          choice={choice}
          onChange={choose}
          label={previous ? `${label}　对比上期 ${previous.from} 至 ${previous.to}` : label}
          error={resolved.error}
        />
      </Paper>
      {viewError ? (
        <Alert severity="error">统计未能完成：{viewError}</Alert>
      ) : !view ? (
        period && <Loading />
      ) : (
        <>
          <Headline now={view.now} before={view.before} />
          <Paper sx={{ p: 2 }}>
            <Stack spacing={2}>
              <Typography variant="h6" component="h2">
                报送说明与导出
              </Typography>
              <CenterCoverage covered={view.covered} known={view.desks} />
              <ReportNotesEditor
                kind={choice.kind}
                notes={notes}
                onChange={(n) => setDrafts((d) => ({ ...d, [key]: n }))}
                onSave={() => void saveNotes()}
                dirty={dirty}
                busy={notesAction.busy}
                error={notesAction.error}
                field={notesAction.field}
              />
              <ExportPanel
                exporter={exporter}
                canExportNamed={can(staff, 'report.exportNamed')}
                streetMissing={!desk.community.street}
                kind={choice.kind}
                exports={exports}
              />
            </Stack>
          </Paper>
          {trend && <ReportCharts trend={trend} summary={view.now} />}
          <SummaryTables sections={view.sections} />
        </>
      )}
    </Stack>
  );
}
