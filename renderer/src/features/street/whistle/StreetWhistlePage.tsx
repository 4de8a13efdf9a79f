/**
 * 吹哨事项 of a street office (issue 27 item 5): every community's escalations of the chosen week
 * (from their current packages), filterable by department, stage and community, 报到 overdue
 * marked by the street's limit, what the street recorded beside what the community reported; the
 * clerk records 报到 and 处理反馈 per item (plain buttons in Tab order, named with the tracking
 * number), exports each community's 反馈包; per department the 报到 speed (median
 * hours) and the communities' ratings (评价部门).
 */
import { useMemo, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Chip,
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
import { useLiveQuery } from '../../../app/liveQuerier';
import { can } from '@shared/domain/roles';
import { addDays } from '@shared/domain/localDate';
import { departmentStats, stageOf, type WhistleRow } from '@shared/domain/street/whistle';
import { periodLabel, weeksEndingWith } from '@shared/reports/periods';
import { useDesk } from '../../../app/desk';
import { useStaff } from '../../../app/session';
import { useGuardedAction } from '../../../app/useGuardedAction';
import { DateTimeField } from '../../../components/DateTimeField';
import { FilterSelect } from '../../../components/FilterSelect';
import { FormDialog } from '../../../components/FormDialog';
import { platform } from '../../../platform';
import {
  exportFeedback,
  recordStreetCheckIn,
  recordStreetFeedback,
  whistleData,
} from '../../../db/repositories/street/responses';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;
/** A department's name wraps between words at most, never one character a line (e.g. 城管执法中队). */
const DEPARTMENT = { minWidth: '7em' } as const;
const pad = (n: number) => String(n).padStart(2, '0');
/** Local 'MM-DD HH:mm' of an instant. */
function minute(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
/** Local 'YYYY-MM-DDTHH:mm' of an instant (the DateTimeField's value). */
function fieldValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const instant = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? new Date(v).getTime() : Number.NaN);

type Dialog = { kind: '报到' | '处理反馈'; row: WhistleRow } | null;

function StepDialog({ dialog, onClose }: { dialog: NonNullable<Dialog>; onClose: () => void }) {
  const desk = useDesk();
  const { run, error, field, busy } = useGuardedAction();
  const now = desk.clock.now();
  const { row, kind } = dialog;
  const [at, setAt] = useState(fieldValue(now));
  const [unit, setUnit] = useState(row.esc.department);
  const [person, setPerson] = useState('');
  const [text, setText] = useState('');
  const key = {
    communityCode: row.communityCode,
    trackingNumber: row.esc.trackingNumber,
    raisedAt: row.esc.raisedAt,
    department: row.esc.department,
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await run(() =>
      kind === '报到'
        ? recordStreetCheckIn(desk, key, { at: instant(at), unit, person })
        : recordStreetFeedback(
            desk,
            { ...key, communityCheckedIn: row.esc.checkInAt !== null },
            { at: instant(at), text },
          ),
    );
    if (ok) onClose();
  };
  const at$ = (name: string) => (field === name ? error : null);
  return (
    <FormDialog
      title={`${kind === '报到' ? '记录报到' : '记录处理反馈'}：${row.communityName} ${row.esc.trackingNumber}`}
      submitLabel="保存"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={error && !['at', 'unit', 'person', 'text'].includes(field ?? '') ? error : null}
    >
      <DateTimeField
        label={kind === '报到' ? '报到时间' : '反馈时间'}
        value={at}
        onChange={setAt}
        error={!!at$('at')}
        helperText={at$('at') ?? undefined}
        latest={{ at: now, what: '当前时间' }}
        earliest={{ at: Date.parse(row.esc.raisedAt), what: '上报时间' }}
      />
      {kind === '报到' ? (
        <>
          <TextField
            label="报到单位（街道科室或部门）"
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
            error={!!at$('unit')}
            helperText={at$('unit')}
          />
          <TextField
            label="报到人员（可不填）"
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            error={!!at$('person')}
            helperText={at$('person')}
          />
        </>
      ) : (
        <TextField
          label="处理反馈内容"
          multiline
          minRows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={!!at$('text')}
          helperText={at$('text') ?? '不写居民的姓名、身份证号、电话'}
        />
      )}
    </FormDialog>
  );
}

function CheckInCell({ row }: { row: WhistleRow }) {
  const street = row.response?.checkIn;
  return (
    <Stack spacing={0.5}>
      <span>社区：{row.esc.checkInAt ? minute(Date.parse(row.esc.checkInAt)) : '未报到'}</span>
      <span>街道：{street ? `${minute(street.at)} ${street.unit}` : '—'}</span>
      {row.overdue && (
        <Chip
          size="small"
          color="error"
          label={row.checkInAt === null ? '报到逾期' : '逾期报到'}
          sx={{ alignSelf: 'flex-start' }}
        />
      )}
    </Stack>
  );
}

function DepartmentTable({ rows }: { rows: WhistleRow[] }) {
  const stats = departmentStats(rows);
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        各部门报到情况与社区评价
      </Typography>
      <Table size="small" aria-label="各部门报到情况与社区评价">
        <TableHead>
          <TableRow>
            <TableCell>部门</TableCell>
            <TableCell align="right">上报事项</TableCell>
            <TableCell align="right">已报到</TableCell>
            <TableCell align="right">报到逾期</TableCell>
            <TableCell align="right">报到用时中位数</TableCell>
            <TableCell>社区评价</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {stats.map((s) => (
            <TableRow key={s.department}>
              <TableCell>{s.department}</TableCell>
              <TableCell align="right">{s.escalations}</TableCell>
              <TableCell align="right">{s.checkedIn}</TableCell>
              <TableCell align="right">{s.overdue}</TableCell>
              <TableCell align="right" sx={NO_WRAP}>
                {s.medianHours === null ? '—' : `${s.medianHours} 小时`}
              </TableCell>
              <TableCell>
                {Object.entries(s.ratings)
                  .map(([r, n]) => `${r} ${n}`)
                  .join('，') || '暂无'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

export function StreetWhistlePage() {
  const desk = useDesk();
  const staff = useStaff();
  const works = can(staff, 'street.work');
  const today = desk.clock.today();
  const weeks = useMemo(() => weeksEndingWith(addDays(today, -7), 8).reverse(), [today]);
  const [weekFrom, setWeekFrom] = useState(weeks[0]!.from);
  const week = weeks.find((w) => w.from === weekFrom) ?? weeks[0]!;
  const data = useLiveQuery(() => whistleData(desk, { kind: 'week', ...week }), [desk, week]);
  const [department, setDepartment] = useState('');
  const [stage, setStage] = useState('');
  const [community, setCommunity] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const output = useGuardedAction();
  const [saved, setSaved] = useState<string | null>(null);
  const rows = data?.rows ?? [];
  const shown = rows.filter(
    (r) =>
      (!department || r.esc.department === department) &&
      (!stage || stageOf(r) === stage) &&
      (!community || r.communityCode === community),
  );
  const options = (values: string[]) => [...new Set(values)].sort().map((v) => [v, v] as [string, string]);
  const exportOne = (c: { code: string; name: string }) =>
    output.run(async () => {
      setSaved(null);
      const file = await exportFeedback(desk, c);
      const r = await platform.saveFile({
        suggestedName: file.fileName,
        content: file.text,
        encoding: 'utf8',
        filters: [{ name: '反馈包 (JSON)', extensions: ['json'] }],
      });
      setSaved(r.saved ? `已导出 ${c.name}反馈包（${file.items} 项）：${r.fileName}` : null);
    });

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        吹哨事项
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 2 }}>
          <TextField
            select
            label="周"
            value={week.from}
            onChange={(e) => setWeekFrom(e.target.value)}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          >
            {weeks.map((w) => (
              <option key={w.from} value={w.from}>
                {periodLabel('week', w)}
              </option>
            ))}
          </TextField>
          <FilterSelect
            label="部门"
            value={department}
            options={options(rows.map((r) => r.esc.department))}
            onChange={setDepartment}
          />
          <FilterSelect label="阶段" value={stage} options={options(rows.map(stageOf))} onChange={setStage} />
          <FilterSelect
            label="社区"
            value={community}
            options={(data?.communities ?? []).map((c) => [c.code, c.name] as [string, string])}
            onChange={setCommunity}
          />
          <Typography color="text.secondary">
            报到时限 {desk.street?.settings.checkInDays ?? 2} 天；共 {shown.length} 项
            {rows.filter((r) => r.overdue).length ? `，报到逾期 ${rows.filter((r) => r.overdue).length} 项` : ''}
          </Typography>
        </Stack>
      </Paper>
      {works && (data?.communities.length ?? 0) > 0 && (
        <Paper sx={{ p: 2 }}>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 1 }}>
            <Typography>导出反馈包（每个社区一个文件）：</Typography>
            {data!.communities.map((c) => (
              <Button key={c.code} variant="outlined" onClick={() => void exportOne(c)} disabled={output.busy}>
                导出{c.name}反馈包
              </Button>
            ))}
          </Stack>
          {output.error && (
            <Alert severity="error" role="alert" sx={{ mt: 1 }}>
              {output.error}
            </Alert>
          )}
          {saved && (
            <Alert severity="success" role="status" sx={{ mt: 1 }}>
              {saved}
            </Alert>
          )}
        </Paper>
      )}
      <Paper>
        <Table size="small" aria-label="吹哨事项">
          <TableHead>
            <TableRow>
              <TableCell>社区</TableCell>
              <TableCell>受理编号 / 事项</TableCell>
              <TableCell sx={NO_WRAP}>上报时间</TableCell>
              <TableCell sx={DEPARTMENT}>部门</TableCell>
              <TableCell>阶段</TableCell>
              <TableCell>报到</TableCell>
              <TableCell>处理反馈</TableCell>
              <TableCell sx={NO_WRAP}>评价</TableCell>
              {works && <TableCell sx={NO_WRAP}>操作</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.length === 0 && (
              <TableRow>
                <TableCell colSpan={works ? 9 : 8}>
                  {data ? '这一周没有收到上报事项（请先在「周报接收」导入社区周报）' : '读取中…'}
                </TableCell>
              </TableRow>
            )}
            {shown.map((r) => {
              const checkedIn = r.checkInAt !== null;
              return (
                <TableRow key={r.id}>
                  <TableCell sx={NO_WRAP}>{r.communityName}</TableCell>
                  <TableCell>
                    <div style={NO_WRAP}>{r.esc.trackingNumber}</div>
                    <Typography color="text.secondary">
                      {r.esc.matterName}（{r.esc.level}）
                    </Typography>
                  </TableCell>
                  <TableCell sx={NO_WRAP}>{minute(Date.parse(r.esc.raisedAt))}</TableCell>
                  <TableCell>{r.esc.department}</TableCell>
                  <TableCell sx={NO_WRAP}>{stageOf(r)}</TableCell>
                  <TableCell>
                    <CheckInCell row={r} />
                  </TableCell>
                  <TableCell>
                    <div style={NO_WRAP}>社区：{r.esc.feedbackCount} 条</div>
                    {(r.response?.feedback ?? []).map((f) => (
                      <Typography key={`${f.at}|${f.text}`}>
                        {minute(f.at)} {f.text}
                      </Typography>
                    ))}
                  </TableCell>
                  <TableCell sx={NO_WRAP}>{r.esc.evaluation?.rating ?? '—'}</TableCell>
                  {works && (
                    <TableCell>
                      <Stack spacing={1}>
                        {!r.response?.checkIn && r.esc.stage === '待报到' && (
                          <Button
                            size="small"
                            variant="outlined"
                            sx={NO_WRAP}
                            onClick={() => setDialog({ kind: '报到', row: r })}
                            aria-label={`记录报到 ${r.esc.trackingNumber}`}
                          >
                            记录报到
                          </Button>
                        )}
                        {checkedIn && !['已核实', '已退回'].includes(r.esc.stage) && (
                          <Button
                            size="small"
                            variant="outlined"
                            sx={NO_WRAP}
                            onClick={() => setDialog({ kind: '处理反馈', row: r })}
                            aria-label={`记录反馈 ${r.esc.trackingNumber}`}
                          >
                            记录反馈
                          </Button>
                        )}
                      </Stack>
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
      <DepartmentTable rows={rows} />
      {dialog && <StepDialog dialog={dialog} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
