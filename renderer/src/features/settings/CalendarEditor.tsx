/**
 * 节假日安排: which years the bundled holiday data covers, and the override table an admin
 * fills in from the State Council notice for years it does not cover yet (放假 / 调休上班).
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, IconButton, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useLiveQuery } from 'dexie-react-hooks';
import { createCalendar, type CalendarOverride } from '@shared/domain/workingCalendar';
import { getDb } from '../../db/database';
import { getCalendarOverrides, saveCalendarOverrides } from '../../db/repositories/calendar';
import { localDay, now } from '../../app/clock';
import { useStaff } from '../../app/session';
import { useGuardedAction } from '../../app/useGuardedAction';

const KIND_LABEL: Record<CalendarOverride['kind'], string> = { holiday: '放假', workday: '调休上班' };

export function CalendarEditor({ canEdit }: { canEdit: boolean }) {
  const me = useStaff();
  const overrides = useLiveQuery(() => getCalendarOverrides(getDb()), []);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<CalendarOverride['kind']>('holiday');
  const [name, setName] = useState('');
  const { run, error } = useGuardedAction();
  if (!overrides) return null;
  const calendar = createCalendar({ overrides });
  const thisYear = Number(localDay().slice(0, 4));
  const missing = [thisYear, thisYear + 1].filter((y) => !calendar.isYearCovered(y));
  const save = (list: CalendarOverride[]) => run(() => saveCalendarOverrides(getDb(), list, me.id, now()));

  async function add(e: FormEvent) {
    e.preventDefault();
    const entry: CalendarOverride = { date, kind, ...(name.trim() ? { name: name.trim() } : {}) };
    if (await save([...overrides!.filter((o) => o.date !== date), entry])) {
      setDate('');
      setName('');
    }
  }

  return (
    <Paper sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography>内置节假日数据覆盖：{calendar.coveredYears[0]}–{calendar.coveredYears.at(-1)} 年（含本表录入的年份）。</Typography>
        {missing.length > 0 && (
          <Alert severity="warning" role="alert">
            {missing.join('、')} 年的节假日安排未录入：承诺办结日期跨入这些年份时会标注“节假日安排未录入”。国务院办公厅发布通知后，请在下表录入放假和调休上班日期。
          </Alert>
        )}
        {canEdit && (
          <Stack direction="row" spacing={2} component="form" onSubmit={add} sx={{ alignItems: 'center' }} aria-label="录入节假日">
            <TextField label="日期" type="date" value={date} onChange={(e) => setDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
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
                    <IconButton aria-label={`删除 ${o.date}`} onClick={() => void save(overrides.filter((x) => x.date !== o.date))}>
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
