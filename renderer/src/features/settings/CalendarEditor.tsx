/**
 * 节假日安排: which years the bundled holiday data covers, the override table an admin
 * fills in from the State Council notice for years it does not cover yet (放假 / 调休上班),
 * and the admin's statement that a year's arrangement is completely entered — only that
 * statement makes such a year count as covered (a lone 元旦 entry must not hide 春节).
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  IconButton,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useLiveQuery } from '../../app/liveQuerier';
import {
  createCalendar,
  isOfficialYear,
  OFFICIAL_COVERED_YEARS,
  type CalendarOverride,
} from '@shared/domain/workingCalendar';
import { getCalendarSettings, saveCalendarOverrides, setCalendarYearComplete } from '../../db/repositories/calendar';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';

const KIND_LABEL: Record<CalendarOverride['kind'], string> = { holiday: '放假', workday: '调休上班' };

export function CalendarEditor({ canEdit }: { canEdit: boolean }) {
  const desk = useDesk();
  const settings = useLiveQuery(() => getCalendarSettings(desk), [desk]);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<CalendarOverride['kind']>('holiday');
  const [name, setName] = useState('');
  const { run, error } = useGuardedAction();
  if (!settings) return null;
  const { overrides, completeYears } = settings;
  const calendar = createCalendar(settings);
  const thisYear = Number(desk.clock.today().slice(0, 4));
  // Years the admin may have to enter: this year and next, and any year the table has entries for.
  const years = [
    ...new Set([thisYear, thisYear + 1, ...overrides.map((o) => Number(o.date.slice(0, 4))), ...completeYears]),
  ]
    .filter((y) => !isOfficialYear(y))
    .sort((a, b) => a - b);
  const missing = years.filter((y) => !calendar.isYearCovered(y));
  const save = (list: CalendarOverride[]) => run(() => saveCalendarOverrides(desk, list));
  const mark = (year: number, complete: boolean) => run(() => setCalendarYearComplete(desk, year, complete));

  async function add(e: FormEvent) {
    e.preventDefault();
    const entry: CalendarOverride = { date, kind, ...(name.trim() ? { name: name.trim() } : {}) };
    if (await save([...overrides.filter((o) => o.date !== date), entry])) {
      setDate('');
      setName('');
    }
  }

  return (
    <Paper sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography>
          内置节假日数据覆盖：{OFFICIAL_COVERED_YEARS[0]}–{OFFICIAL_COVERED_YEARS.at(-1)} 年。
          {completeYears.length > 0 && `已确认完整录入：${completeYears.join('、')} 年。`}
        </Typography>
        {missing.length > 0 && (
          <Alert severity="warning" role="alert">
            {missing.join('、')}{' '}
            年的节假日安排未录入（或尚未确认已完整录入）：承诺办结日期跨入这些年份时会标注“节假日安排未录入”。国务院办公厅发布通知后，请在下表录入该年全部放假和调休上班日期，再勾选“已完整录入”。
          </Alert>
        )}
        <Stack spacing={0.5}>
          <Typography variant="body2" color="text.secondary">
            只录入了部分日期（例如只录了元旦）不等于该年已录全。请在该年全部放假和调休上班日期都录入后再勾选；未勾选的年份仍按“节假日安排未录入”提示。
          </Typography>
          <FormGroup row aria-label="已完整录入的年份">
            {years.map((y) => (
              <FormControlLabel
                key={y}
                label={`${y} 年节假日安排已完整录入`}
                control={
                  <Checkbox
                    checked={completeYears.includes(y)}
                    disabled={!canEdit}
                    onChange={(e) => void mark(y, e.target.checked)}
                  />
                }
              />
            ))}
          </FormGroup>
        </Stack>
        {canEdit && (
          <Stack
            direction="row"
            spacing={2}
            component="form"
            onSubmit={add}
            sx={{ alignItems: 'center' }}
            aria-label="录入节假日"
          >
            <TextField
              label="日期"
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              select
              label="类型"
              value={kind}
              onChange={(e) => setKind(e.target.value as CalendarOverride['kind'])}
              slotProps={{ select: { native: true } }}
            >
              <option value="holiday">放假</option>
              <option value="workday">调休上班</option>
            </TextField>
            <TextField label="名称" value={name} onChange={(e) => setName(e.target.value)} placeholder="如：元旦" />
            <Button type="submit" variant="contained">
              添加
            </Button>
          </Stack>
        )}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        <Table aria-label="节假日安排" size="small">
          <TableHead>
            <TableRow>
              <TableCell>日期</TableCell>
              <TableCell>类型</TableCell>
              <TableCell>名称</TableCell>
              {canEdit && <TableCell>操作</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {overrides.map((o) => (
              <TableRow key={o.date}>
                <TableCell>{o.date}</TableCell>
                <TableCell>{KIND_LABEL[o.kind]}</TableCell>
                <TableCell>{o.name ?? ''}</TableCell>
                {canEdit && (
                  <TableCell>
                    <IconButton
                      aria-label={`删除 ${o.date}`}
                      onClick={() => void save(overrides.filter((x) => x.date !== o.date))}
                    >
                      <DeleteIcon />
                    </IconButton>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Stack>
    </Paper>
  );
}
