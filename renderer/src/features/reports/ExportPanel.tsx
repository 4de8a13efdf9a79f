/**
 * 导出与报送: Excel (汇总 + three ledgers), a CSV of one part, the JSON 报送包 for the street
 * office's import, the printed summary and its PDF; for an admin, the 实名台账 with a reason.
 * Default files name no one (masked, no special-group tags per person).
 * The report is made once per center: when any desk already exported this period's 报送包, the
 * panel says so (who, which desk, when); another export in a format already exported — 报送包,
 * Excel, a CSV part, PDF or print — asks first, through the one ReexportDialog.
 */
import { useState } from 'react';
import type { ReportExportFormat } from '@shared/domain/records';
import type { PeriodKind } from '@shared/reports/periods';
import type { PackageExportView } from '../../db/repositories/packageExports';
import { exportedText } from './centerTexts';
import { Alert, Button, Menu, MenuItem, Stack, Typography } from '@mui/material';
import type { LedgerKey } from '@shared/reports/ledgers';
import { NamedExportDialog } from './NamedExportDialog';
import { ReexportDialog } from './ReexportDialog';
import type { useReportExport } from './useReportExport';

const CSV_PARTS: [`csv:${'summary' | LedgerKey}`, string][] = [
  ['csv:summary', '汇总'],
  ['csv:cases', '办件台账'],
  ['csv:escalations', '上报事项'],
  ['csv:ratings', '评价与整改'],
];

type Props = {
  exporter: ReturnType<typeof useReportExport>;
  canExportNamed: boolean;
  streetMissing: boolean;
  /** The period's kind and its exports in every format (any desk of the center). */
  kind: PeriodKind;
  exports: readonly PackageExportView[];
};

type Repeat = { format: ReportExportFormat; exported: string; run: () => Promise<boolean> };

export function ExportPanel({ exporter, canExportNamed, streetMissing, kind, exports }: Props) {
  const [csvAnchor, setCsvAnchor] = useState<HTMLElement | null>(null);
  const [named, setNamed] = useState(false);
  const [again, setAgain] = useState<Repeat | null>(null);
  const { exportFile, printSummary, busy, error, field, done } = exporter;
  const exported = exportedText(kind, exports);
  /** Runs an export, or asks first when this period was already exported in `format`. */
  const ask = (format: ReportExportFormat, run: () => Promise<boolean>) => {
    const made = exportedText(kind, exports, format);
    if (made) setAgain({ format, exported: made, run });
    else void run();
  };
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', rowGap: 1, displayPrint: 'none' }}>
        <Button variant="contained" onClick={() => ask('xlsx', () => exportFile('xlsx'))} disabled={busy}>
          导出 Excel
        </Button>
        <Button
          variant="outlined"
          onClick={(e) => setCsvAnchor(e.currentTarget)}
          disabled={busy}
          aria-haspopup="menu"
          aria-expanded={csvAnchor ? 'true' : undefined}
        >
          导出 CSV
        </Button>
        <Menu anchorEl={csvAnchor} open={Boolean(csvAnchor)} onClose={() => setCsvAnchor(null)}>
          {CSV_PARTS.map(([format, label]) => (
            <MenuItem
              key={format}
              onClick={() => {
                setCsvAnchor(null);
                ask(format, () => exportFile(format));
              }}
            >
              {label}（CSV）
            </MenuItem>
          ))}
        </Menu>
        <Button variant="outlined" onClick={() => ask('json', () => exportFile('json'))} disabled={busy}>
          导出报送包（JSON）
        </Button>
        <Button variant="outlined" onClick={() => ask('print', () => printSummary(false))} disabled={busy}>
          打印周报
        </Button>
        <Button variant="outlined" onClick={() => ask('pdf', () => printSummary(true))} disabled={busy}>
          导出 PDF
        </Button>
        {canExportNamed && (
          <Button color="error" onClick={() => setNamed(true)} disabled={busy}>
            实名台账…
          </Button>
        )}
      </Stack>
      <Typography color="text.secondary">
        默认导出不含完整身份证号和电话（已脱敏），不按人列出特殊群体；每次导出都记入操作日志。
      </Typography>
      {exported && (
        <Alert severity="info" role="status" aria-label="报送包导出情况">
          {exported}如需更正，可再次导出，再次导出会记入操作日志。
        </Alert>
      )}
      {streetMissing && (
        <Alert severity="warning">
          尚未填写所属街道，报送包无法导出：请管理员在 <a href="#/settings?tab=社区信息">设置 → 社区信息</a> 中填写。
        </Alert>
      )}
      {!named && !again && (error || done) && (
        <Alert severity={error ? 'error' : 'success'} role={error ? 'alert' : 'status'}>
          {error ?? done}
        </Alert>
      )}
      {named && (
        <NamedExportDialog
          onSubmit={(reason) => exportFile('xlsx', { reason })}
          onClose={() => setNamed(false)}
          busy={busy}
          error={error}
          field={field}
        />
      )}
      {again && (
        <ReexportDialog
          format={again.format}
          exported={again.exported}
          onConfirm={again.run}
          onClose={() => setAgain(null)}
          busy={busy}
          error={error}
        />
      )}
    </Stack>
  );
}
