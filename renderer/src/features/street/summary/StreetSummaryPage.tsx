/**
 * 汇总 (issue 27 item 4): a street office's view of every community's packages for a week, month,
 * quarter or year (the period control of 统计报表). The merged figures of all communities (counts
 * summed, rates from their parts: shared/reports/wire/merge.ts), each community side by side, who
 * did not report (未报送, said, never merged as zeros), the last 8 weeks, the outliers against the
 * street's threshold in words; the xlsx (a sheet per view) and the printed 街道周报. Opens on the
 * last complete week. Ctrl+P prints the 街道周报.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { can } from '@shared/domain/roles';
import { periodLabel, periodOf, previousPeriod, type PeriodKind } from '@shared/reports/periods';
import { periodPlace } from '@shared/reports/likelyPeriod';
import { streetSummaryView } from '@shared/reports/streetSummary/build';
import type { StreetSummaryView } from '@shared/reports/streetSummary/view';
import { useLiveQuery } from '../../../app/liveQuerier';
import { useDesk } from '../../../app/desk';
import { useStaff } from '../../../app/session';
import { useShortcut } from '../../../app/useShortcut';
import { Loading } from '../../../components/Loading';
import { readStreetSummary } from '../../../db/repositories/street/summary';
import { PeriodBar } from '../../reports/PeriodBar';
import { resolveChoice, type PeriodChoice } from '../../reports/reportPeriod';
import { CompareTable } from './CompareTable';
import { MergedFigures } from './MergedFigures';
import { SummaryCharts } from './SummaryCharts';
import { useSummaryExport } from './useSummaryExport';

const KINDS: readonly PeriodKind[] = ['week', 'month', 'quarter', 'year'];

/** The last complete week (the packages of a week arrive after it). */
function lastWeek(today: string): PeriodChoice {
  const p = previousPeriod(periodOf('week', today), 'week');
  return { kind: 'week', day: p.from, ...p };
}

function Headline({ view }: { view: StreetSummaryView }) {
  return (
    <Stack
      component="ul"
      aria-label="全街道要点"
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 2, p: 0, m: 0 }}
    >
      {[{ label: '报送社区', value: `${view.reportedCommunities}/${view.expected}` }, ...view.headline].map((f) => (
        <Paper component="li" key={f.label} sx={{ p: 2, listStyle: 'none' }}>
          <Typography color="text.secondary">{f.label}</Typography>
          <Typography variant="h5" component="p" sx={{ fontWeight: 700 }}>
            {f.value}
          </Typography>
        </Paper>
      ))}
    </Stack>
  );
}

/** Who did not report, and the outliers: in words, before the tables. */
function Attention({ view }: { view: StreetSummaryView }) {
  return (
    <Stack spacing={1}>
      {view.missing.length > 0 ? (
        <Alert severity="warning" role="status" aria-label="未报送社区">
          <strong>未报送 {view.missing.length} 个社区（未计入合计）：</strong>
          {view.missing
            .map((m) => (m.all ? m.name : `${m.name}（缺 ${m.weeks.length} 周：${m.weeks.join('、')}）`))
            .join('；')}
        </Alert>
      ) : (
        <Alert severity="success" role="status" aria-label="未报送社区">
          本期各社区均已报送。
        </Alert>
      )}
      {view.outliers.length > 0 && (
        <Alert severity="info" role="status" aria-label="异常社区">
          <strong>异常 {view.outliers.length} 项（表中以 ▲ 标出）：</strong>
          {view.outliers.map((o) => `${o.name}：${o.message}`).join('；')}
        </Alert>
      )}
    </Stack>
  );
}

function ExportBar({ exporter, allowed }: { exporter: ReturnType<typeof useSummaryExport>; allowed: boolean }) {
  const { exportXlsx, print, busy, error, done } = exporter;
  if (!allowed) return null;
  return (
    <Stack spacing={1} sx={{ displayPrint: 'none' }}>
      <Stack direction="row" spacing={1.5}>
        <Button variant="contained" onClick={() => void exportXlsx()} disabled={busy}>
          导出 Excel
        </Button>
        <Button variant="outlined" onClick={() => void print(false)} disabled={busy} aria-keyshortcuts="Control+P">
          打印街道周报（Ctrl+P）
        </Button>
        <Button variant="outlined" onClick={() => void print(true)} disabled={busy}>
          导出 PDF
        </Button>
      </Stack>
      {(error || done) && (
        <Alert severity={error ? 'error' : 'success'} role={error ? 'alert' : 'status'}>
          {error ?? done}
        </Alert>
      )}
    </Stack>
  );
}

export function StreetSummaryPage() {
  const desk = useDesk();
  const staff = useStaff();
  const today = desk.clock.today();
  const [choice, setChoice] = useState<PeriodChoice>(() => lastWeek(today));
  const resolved = useMemo(() => resolveChoice(choice), [choice]);
  const period = resolved.error ? null : resolved.period;
  const kind = choice.kind === 'custom' ? 'week' : choice.kind;
  const key = period ? `${kind}:${period.from}:${period.to}` : '';
  const street = desk.street;
  const read = useLiveQuery(
    async () => (period ? { key, data: await readStreetSummary(desk, kind, period) } : undefined),
    [desk, kind, period, key],
  );
  const view = useMemo(
    () =>
      read?.key === key && street
        ? streetSummaryView(read.data, { street: street.name, onTimeThreshold: street.settings.onTimeThreshold })
        : undefined,
    [read, key, street],
  );
  const exporter = useSummaryExport(view);
  const allowed = can(staff, 'street.work');
  useShortcut('Ctrl+P', () => void exporter.print(false), allowed && !!view && !exporter.busy);
  const place = period ? periodPlace(kind, period, today) : '';
  const label = period ? `${place ? `${place}：` : ''}${periodLabel(kind, period)}` : '请选择统计范围';

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        汇总
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack spacing={2}>
          <PeriodBar
            choice={choice}
            onChange={setChoice}
            kinds={KINDS}
            label={
              view && view.period.from !== period?.from
                ? `${label}（按周报计：${view.period.from} 至 ${view.period.to}）`
                : label
            }
            error={resolved.error}
          />
          <ExportBar exporter={exporter} allowed={allowed} />
        </Stack>
      </Paper>
      {!view ? (
        period && <Loading />
      ) : (
        <>
          <Headline view={view} />
          <Attention view={view} />
          <CompareTable view={view} />
          <SummaryCharts view={view} threshold={street?.settings.onTimeThreshold ?? 0} />
          <MergedFigures lines={view.merged} />
        </>
      )}
    </Stack>
  );
}
