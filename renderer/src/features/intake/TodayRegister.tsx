/**
 * 今日来访台账: every visit of the day with its cases; filter by channel, mode and staff;
 * reprint any receipt. Residents appear with masked ID numbers; numbers typed into the 诉求内容
 * are masked too (here, on paper and in the Excel file).
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { maskIdNumber, maskNumbersInText } from '@shared/domain/masking';
import { residentLabel } from '@shared/domain/residentStatus';
import { COUNTER_MODES } from '@shared/domain/intake';
import { VISIT_CHANNELS, type CaseRecord, type Resident } from '@shared/domain/records';
import { registerOfDay, type RegisterRow } from '../../db/repositories/visits';
import { getMatterType } from '../../db/repositories/catalog';
import { ReceiptActions } from '../../components/ReceiptActions';
import { registerLines } from '@shared/domain/registerLines';
import { renderRegister } from '@shared/receipts/registerDocument';
import { platform } from '../../platform';
import { useGuardedAction } from '../../app/useGuardedAction';
import { registerWorkbook } from './registerWorkbook';
import { FilterSelect } from '../../components/FilterSelect';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useStaffNames } from '../../app/useStaffNames';
import { buildReceiptData } from '../../components/receiptData';
import { receiptKindsFor } from '@shared/domain/receiptKinds';

type Filters = { channel: string; mode: string; staff: string };

function matches(row: RegisterRow, f: Filters): boolean {
  if (f.channel && row.visit.channel !== f.channel) return false;
  if (f.staff && row.visit.firstContactId !== f.staff) return false;
  if (f.mode && !row.cases.some((c) => c.mode === f.mode)) return false;
  return true;
}

export function TodayRegister() {
  const desk = useDesk();
  const { community } = desk;
  const today = desk.clock.today();
  const register = useLiveQuery(() => registerOfDay(desk, today), [desk, today]);
  const rows = register?.rows;
  const staffNames = useStaffNames();
  const [filters, setFilters] = useState<Filters>({ channel: '', mode: '', staff: '' });
  const [reprint, setReprint] = useState<CaseRecord | null>(null);
  const shown = (rows ?? [])
    .filter((r) => matches(r, filters))
    .map((r) => (filters.mode ? { ...r, cases: r.cases.filter((c) => c.mode === filters.mode) } : r));
  const select = (key: keyof Filters, label: string, options: [string, string][]) => (
    <FilterSelect
      label={label}
      value={filters[key]}
      options={options}
      onChange={(v) => setFilters((f) => ({ ...f, [key]: v }))}
    />
  );
  const residentOf = (id?: string): Resident | undefined => (id ? register?.residents.get(id) : undefined);

  // Paper and Excel: the lines shown (filters apply), masked as on screen.
  const output = useGuardedAction();
  const [done, setDone] = useState<string | null>(null);
  const lines = () =>
    registerLines(
      shown,
      register?.residents ?? new Map(),
      (id) => staffNames.get(id) ?? '',
      (ms) => localDateTime(ms).slice(11),
    );
  const printRegister = () =>
    output.run(async () => {
      const html = renderRegister(
        community.name,
        today,
        lines(),
        localDateTime(desk.clock.now()),
        staffNames.get(desk.actor.id) ?? '',
      );
      const r = await platform.printHtml({ html, pageSize: { widthMm: 297, heightMm: 210 } });
      setDone(r.printed ? '台账已送打印' : null);
    });
  const exportRegister = () =>
    output.run(async () => {
      const content = await registerWorkbook(community.name, today, lines());
      const r = await platform.saveFile({
        suggestedName: `来访台账-${today}.xlsx`,
        content,
        encoding: 'base64',
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      });
      setDone(r.saved ? `已导出 ${r.fileName}` : null);
    });

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        今日来访台账
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          {select(
            'channel',
            '来访方式',
            VISIT_CHANNELS.map((c) => [c, c]),
          )}
          {select(
            'mode',
            '办理方式',
            COUNTER_MODES.map((m) => [m, m]),
          )}
          {select('staff', '首问责任人', [...staffNames.entries()])}
          <Typography color="text.secondary" sx={{ flexGrow: 1 }}>
            共 {shown.length} 条来访，{shown.reduce((n, r) => n + Math.max(1, r.cases.length), 0)} 行
          </Typography>
          <Button variant="outlined" onClick={() => void printRegister()} disabled={output.busy}>
            打印台账
          </Button>
          <Button variant="outlined" onClick={() => void exportRegister()} disabled={output.busy}>
            导出 Excel
          </Button>
        </Stack>
        {(output.error || done) && (
          <Alert severity={output.error ? 'error' : 'success'} role="status" sx={{ mt: 2 }}>
            {output.error ?? done}
          </Alert>
        )}
      </Paper>
      <Paper>
        <Table aria-label="今日来访台账">
          <TableHead>
            <TableRow>
              <TableCell>时间</TableCell>
              <TableCell>来访方式</TableCell>
              <TableCell>居民</TableCell>
              <TableCell>事项 / 诉求</TableCell>
              <TableCell>办理方式</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>首问责任人</TableCell>
              <TableCell>受理编号</TableCell>
              <TableCell>回执</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.flatMap(({ visit, cases }) => {
              const r = residentOf(visit.residentId);
              const who = residentLabel(visit.residentId, r, (x) => `${x.name} ${maskIdNumber(x.idNumber)}`);
              const common = [
                <TableCell key="t">{localDateTime(visit.visitedAt).slice(11)}</TableCell>,
                <TableCell key="c">{visit.channel}</TableCell>,
                <TableCell key="r">{who}</TableCell>,
              ];
              const staffCell = <TableCell key="s">{staffNames.get(visit.firstContactId) ?? ''}</TableCell>;
              if (cases.length === 0) {
                return [
                  <TableRow key={visit.id}>
                    {common}
                    <TableCell>{maskNumbersInText(visit.content)}</TableCell>
                    <TableCell>{visit.kind}</TableCell>
                    <TableCell>—</TableCell>
                    {staffCell}
                    <TableCell>—</TableCell>
                    <TableCell />
                  </TableRow>,
                ];
              }
              return cases.map((c) => (
                <TableRow key={c.id}>
                  {common}
                  <TableCell>{c.matterName}</TableCell>
                  <TableCell>{c.mode}</TableCell>
                  <TableCell>{c.status}</TableCell>
                  {staffCell}
                  <TableCell>
                    <a href={`#/cases/${c.id}`}>{c.trackingNumber}</a>
                  </TableCell>
                  <TableCell>
                    <Button onClick={() => setReprint(c)} aria-label={`补打 ${c.trackingNumber} 回执`}>
                      补打
                    </Button>
                  </TableCell>
                </TableRow>
              ));
            })}
          </TableBody>
        </Table>
      </Paper>
      {reprint && (
        <Dialog open onClose={() => setReprint(null)} maxWidth="md" fullWidth>
          <DialogTitle>补打回执 {reprint.trackingNumber}</DialogTitle>
          <DialogContent>
            <ReceiptActions
              kinds={receiptKindsFor(reprint)}
              printShortcut
              load={async () =>
                buildReceiptData({
                  record: reprint,
                  resident: residentOf(reprint.residentId),
                  community,
                  staffName: staffNames.get(reprint.firstContactId) ?? '',
                  printedBy: staffNames.get(desk.actor.id) ?? '',
                  matter: await getMatterType(desk, reprint.matterCode),
                  now: desk.clock.now(),
                })
              }
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setReprint(null)}>关闭</Button>
          </DialogActions>
        </Dialog>
      )}
    </Stack>
  );
}
