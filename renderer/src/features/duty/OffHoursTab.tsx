/**
 * 错时服务 (issue 26 item 4): the month's table per person — 值班天数, 走访天数, 错时服务次数 — derived
 * from the records made outside standard hours plus the lines people added; exported as xlsx
 * for the street office's attendance review or printed on A4 (打印月表); a line added below.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { maskNumbersInText } from '@shared/domain/masking';
import { monthSpan, OFF_HOURS_COLUMNS, occasionText, shiftMonth } from '@shared/domain/offHours';
import { listOffHoursLines, readOffHoursTable } from '../../db/repositories/offHours';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useStaffNames } from '../../app/useStaffNames';
import { platform } from '../../platform';
import { renderOffHoursMonth } from '@shared/receipts/offHoursMonth';
import { localDateTime } from '../../app/clock';
import { useStaff } from '../../app/session';
import { printA4Sheet } from './handoverPrint';
import { offHoursWorkbook } from './offHoursWorkbook';
import { OffHoursLineForm } from './OffHoursLineForm';
import { useLiveQuery } from '../../app/liveQuerier';

const NO_WRAP = { flexShrink: 0, whiteSpace: 'nowrap' } as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function OffHoursTab() {
  const desk = useDesk();
  const [month, setMonth] = useState(() => desk.clock.today().slice(0, 7));
  const valid = MONTH.test(month);
  const { from, to } = valid ? monthSpan(month) : { from: '', to: '' };
  const rows = useLiveQuery(() => (valid ? readOffHoursTable(desk, from, to) : []), [desk, valid, from, to]);
  const lines = useLiveQuery(() => (valid ? listOffHoursLines(desk, from, to) : []), [desk, valid, from, to]);
  const names = useStaffNames();
  const output = useGuardedAction();
  const [done, setDone] = useState<string | null>(null);
  const staff = useStaff();
  const printTable = () =>
    output.run(async () => {
      const html = renderOffHoursMonth({
        communityName: desk.community.name,
        month,
        rows: rows ?? [],
        printed: { by: staff.name, at: localDateTime(desk.clock.now()) },
      });
      setDone(await printA4Sheet(html, '错时服务月表'));
    });
  const exportTable = () =>
    output.run(async () => {
      const content = await offHoursWorkbook(desk.community.name, month, rows ?? []);
      const r = await platform.saveFile({
        suggestedName: `错时服务记录-${month}.xlsx`,
        content,
        encoding: 'base64',
        filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      });
      setDone(r.saved ? `已导出 ${r.fileName}` : null);
    });

  return (
    <Stack spacing={3}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" sx={NO_WRAP} onClick={() => valid && setMonth(shiftMonth(month, -1))}>
          上个月
        </Button>
        <TextField
          label="月份"
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          error={!valid}
          helperText={valid ? undefined : '请选择月份'}
          sx={{ width: 220, flexShrink: 0 }}
        />
        <Button variant="outlined" sx={NO_WRAP} onClick={() => valid && setMonth(shiftMonth(month, 1))}>
          下个月
        </Button>
        <Typography color="text.secondary" sx={{ flexGrow: 1 }}>
          标准工作时间：工作日（含调休上班日）{desk.community.openingHours.weekday.start}–
          {desk.community.openingHours.weekday.end}；其余时间与休息日、节假日为错时
        </Typography>
        <Button
          variant="outlined"
          sx={NO_WRAP}
          onClick={() => void exportTable()}
          disabled={output.busy || !valid || !rows}
        >
          导出 Excel
        </Button>
        <Button
          variant="outlined"
          sx={NO_WRAP}
          onClick={() => void printTable()}
          disabled={output.busy || !valid || !rows}
        >
          打印月表
        </Button>
      </Stack>
      {(output.error || done) && (
        <Alert severity={output.error ? 'error' : 'success'} role="status">
          {output.error ?? done}
        </Alert>
      )}
      <Table size="small" aria-label={`错时服务记录 ${month}`}>
        <TableHead>
          <TableRow>
            {OFF_HOURS_COLUMNS.map((c) => (
              <TableCell key={c.title} component="th" scope="col">
                {c.title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {(rows ?? []).map((r) => (
            <TableRow key={r.staffId}>
              <TableCell component="th" scope="row">
                {r.name}
              </TableCell>
              <TableCell>{r.dutyDays}</TableCell>
              <TableCell>{r.visitDays}</TableCell>
              <TableCell>{r.occasions}</TableCell>
              <TableCell>{r.lineOnly}</TableCell>
              <TableCell>{r.detail.map(occasionText).join('；') || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {lines && lines.length > 0 && (
        <Stack spacing={1}>
          <Typography variant="h6" component="h2">
            本月补充登记
          </Typography>
          <Table size="small" aria-label="本月补充登记">
            <TableHead>
              <TableRow>
                {['姓名', '日期', '时间', '服务内容'].map((t) => (
                  <TableCell key={t} component="th" scope="col">
                    {t}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map((l) => (
                <TableRow key={l.id}>
                  <TableCell>{names.get(l.staffId) ?? '（已停用人员）'}</TableCell>
                  <TableCell>{l.day}</TableCell>
                  <TableCell>
                    {l.start}–{l.end}
                  </TableCell>
                  <TableCell>{maskNumbersInText(l.content)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Stack>
      )}
      <OffHoursLineForm />
    </Stack>
  );
}
