/**
 * 导入居民台账 (admins): choose the ledger file (.xlsx or .csv, UTF-8 or GBK), confirm its header
 * row and columns, look at the first rows as they will be saved, then save — in parts, with
 * progress — and download the rows not imported, with their reasons, to fix and import again.
 * The recent imports are listed below, today's with an undo.
 */
import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  LinearProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { DEFAULT_RESIDENT_TAGS } from '@shared/domain/records';
import { can } from '@shared/domain/roles';
import {
  detectHeaderRow,
  guessMapping,
  mappingProblem,
  mappingToRemember,
  type ColumnMapping,
  type ImportField,
} from '@shared/residentImport/columns';
import { importPreview, planImport } from '@shared/residentImport/plan';
import { useLiveQuery } from '../../../app/liveQuerier';
import { toB64 } from '../../../db/bytes';
import { DomainRefusal } from '../../../db/refusal';
import { useDesk } from '../../../app/desk';
import { useStaff } from '../../../app/session';
import { useGuardedAction } from '../../../app/useGuardedAction';
import {
  getImportMapping,
  importResidents,
  registeredRows,
  type ImportOutcome,
  type ImportProgress,
} from '../../../db/repositories/residentImport';
import { platform } from '../../../platform';
import { ImportHistory } from './ImportHistory';
import { rejectedWorkbook, templateWorkbook } from './ledgerWorkbooks';
import { MappingPanel } from './MappingPanel';
import { PreviewTable } from './PreviewTable';
import { readLedger, type Ledger } from './readLedger';

type Loaded = Ledger & { fileName: string };

export function ImportPage() {
  const desk = useDesk();
  const staff = useStaff();
  const { community } = desk;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<Loaded | null>(null);
  const [headerRow, setHeaderRow] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [mode, setMode] = useState<'skip' | 'update'>('skip');
  const [remembered, setRemembered] = useState<Record<string, ImportField>>({});
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const reading = useGuardedAction();
  const saving = useGuardedAction();
  const output = useGuardedAction();
  const tags = useMemo(() => [...DEFAULT_RESIDENT_TAGS, ...(community.residentTags ?? [])], [community]);
  const ctx = useMemo(() => ({ today: desk.clock.today(), grids: community.grids, tags }), [desk, community, tags]);
  const plan = useMemo(
    () => (file && !mappingProblem(mapping) ? planImport(file.sheet, headerRow, mapping, ctx) : null),
    [file, headerRow, mapping, ctx],
  );
  // The rows already on file, read before saving: the preview says so instead of 可导入.
  const registered = useLiveQuery(
    () =>
      plan
        ? registeredRows(
            desk,
            plan.rows.flatMap((r) => (r.ok ? [{ row: r.row, value: r.value }] : [])),
          )
        : null,
    [desk, plan],
  );
  const preview = plan && registered ? importPreview(plan, registered, mode) : null;
  const gridName = (id?: string) => community.grids.find((g) => g.id === id)?.name ?? '';

  if (!can(staff, 'resident.import')) return <Alert severity="info">导入居民台账需要站长/管理员账号。</Alert>;

  const choose = (f: File) => {
    setOutcome(null);
    setProgress(null);
    void reading.run(async () => {
      const ledger = await readLedger(f.name, new Uint8Array(await f.arrayBuffer()));
      const header = detectHeaderRow(ledger.sheet) ?? 0;
      const known = (await getImportMapping(desk)) as Record<string, ImportField>;
      setRemembered(known);
      setFile({ ...ledger, fileName: f.name });
      setHeaderRow(header);
      setMapping(guessMapping(ledger.sheet[header] ?? [], known));
    });
  };
  const pickHeader = (n: number) => {
    setHeaderRow(n);
    setMapping(guessMapping(file?.sheet[n] ?? [], remembered));
  };

  const save = () =>
    saving.run(async () => {
      if (!file || !plan) return;
      const rows = plan.rows.flatMap((r) => (r.ok ? [{ row: r.row, value: r.value }] : []));
      setProgress({ done: 0, total: rows.length });
      const header = file.sheet[headerRow] ?? [];
      let done = 0;
      try {
        const out = await importResidents(
          desk,
          { fileName: file.fileName, mode, rows, rejected: plan.rejected, mapping: mappingToRemember(header, mapping) },
          (p) => {
            done = p.done;
            setProgress(p);
          },
        );
        setOutcome(out);
      } catch (e) {
        // The parts saved so far stay (and can be undone below); say how far it got.
        if (done > 0 && e instanceof DomainRefusal)
          throw new DomainRefusal(`${e.message}（已保存前 ${done} / ${rows.length} 行，可在下方“导入记录”中撤销）`);
        throw e;
      }
    });

  const notImported = () => {
    if (!file || !plan || !outcome) return [];
    const reasons = new Map<number, string>();
    for (const r of plan.rows) if (!r.ok) reasons.set(r.row, r.reason);
    for (const s of outcome.skipped) reasons.set(s.row, s.reason);
    return [...reasons]
      .sort((a, b) => a[0] - b[0])
      .map(([row, reason]) => ({ row, reason, cells: file.sheet[row - 1] ?? [] }));
  };
  const download = (name: string, bytes: () => Promise<Uint8Array>) =>
    output.run(async () => {
      await platform.saveFile({
        suggestedName: name,
        content: toB64(await bytes()),
        encoding: 'base64',
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      });
    });
  const rejected = notImported();

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        导入居民台账
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Button variant="contained" onClick={() => input.current?.click()} disabled={reading.busy || saving.busy}>
            选择台账文件
          </Button>
          <input
            ref={input}
            type="file"
            accept=".xlsx,.csv,.xls,.et"
            aria-label="台账文件"
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) choose(f);
            }}
          />
          <Button
            variant="outlined"
            onClick={() =>
              void download('居民台账导入模板.xlsx', () =>
                templateWorkbook(
                  community.name,
                  community.grids.map((g) => g.name),
                  tags,
                ),
              )
            }
          >
            下载导入模板
          </Button>
          <Typography color="text.secondary">
            {file
              ? `${file.fileName}（${file.format === 'csv' ? `CSV，${file.encoding === 'gb18030' ? 'GBK' : 'UTF-8'} 编码` : 'Excel'}，${file.sheet.length} 行）`
              : '支持 .xlsx 和 .csv（UTF-8 或 GBK）；旧版 .xls / .et 请先另存为 .xlsx'}
          </Typography>
        </Stack>
        {(reading.error || output.error) && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {reading.error ?? output.error}
          </Alert>
        )}
      </Paper>

      {file && (
        <Paper sx={{ p: 2 }}>
          <Stack spacing={2}>
            <Typography variant="h6" component="h2">
              {outcome ? '导入结果' : '核对表头和栏目'}
            </Typography>
            {/* Once saved, the layout and the preview give way to the result and its list. */}
            {!outcome && (
              <>
                <MappingPanel
                  sheet={file.sheet}
                  headerRow={headerRow}
                  onHeaderRow={pickHeader}
                  mapping={mapping}
                  onMapping={setMapping}
                  mode={mode}
                  onMode={setMode}
                />
                {mappingProblem(mapping) && (
                  <Alert severity="warning" role="alert">
                    {mappingProblem(mapping)}
                  </Alert>
                )}
                {plan && preview && registered && (
                  <>
                    <Typography role="status" sx={{ fontWeight: 600 }}>
                      {preview.line}
                    </Typography>
                    <PreviewTable rows={plan.rows} registered={registered} gridName={gridName} />
                    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                      <Button
                        variant="contained"
                        onClick={() => void save()}
                        disabled={saving.busy || preview.toSave === 0 || outcome !== null}
                      >
                        开始导入（{preview.toSave} 行）
                      </Button>
                      {progress && (
                        <Stack sx={{ flexGrow: 1 }} spacing={0.5}>
                          <LinearProgress
                            variant="determinate"
                            value={progress.total === 0 ? 100 : (progress.done / progress.total) * 100}
                            aria-label="导入进度"
                          />
                          <Typography>
                            已处理 {progress.done} / {progress.total} 行
                          </Typography>
                        </Stack>
                      )}
                    </Stack>
                  </>
                )}
              </>
            )}
            {saving.error && (
              <Alert severity="error" role="alert">
                {saving.error}
              </Alert>
            )}
            {outcome && (
              <Alert
                severity="success"
                role="status"
                action={
                  rejected.length > 0 && (
                    <Button
                      color="inherit"
                      onClick={() =>
                        void download(`${file.fileName.replace(/\.[^.]+$/, '')}-未导入的行.xlsx`, () =>
                          rejectedWorkbook(file.fileName, file.sheet[headerRow] ?? [], rejected),
                        )
                      }
                    >
                      下载未导入的行
                    </Button>
                  )
                }
              >
                导入完成：新增 {outcome.created} 位，更新 {outcome.updated} 位，跳过已登记的 {outcome.skipped.length}{' '}
                位，有误 {plan?.rejected ?? 0} 行；未导入 {rejected.length} 行
                {rejected.length > 0 ? '（原因见下表，可下载后改正再导入）' : ''}
              </Alert>
            )}
            {outcome && rejected.length > 0 && (
              <Table size="small" aria-label="未导入的行">
                <TableHead>
                  <TableRow>
                    <TableCell>行号</TableCell>
                    <TableCell>未导入原因</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rejected.slice(0, 100).map((r) => (
                    <TableRow key={r.row}>
                      <TableCell>{r.row}</TableCell>
                      <TableCell>{r.reason}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
                {rejected.length > 100 && (
                  <caption>只列出前 100 行，共 {rejected.length} 行：完整列表请点“下载未导入的行”</caption>
                )}
              </Table>
            )}
          </Stack>
        </Paper>
      )}
      <ImportHistory />
    </Stack>
  );
}
