/**
 * 设置 → 数据冲突 (issue 24 item 6): records edited on two desks (listRecordConflicts). For each,
 * the fields that differ, one column per side ("本窗口 · 刚才", "窗口 2 · 3 分钟前"), ID numbers and
 * phones masked; the 站长 keeps one side per field (or a whole side) and resolves: the combined
 * record goes to resolveRecordConflict (sync.manage, audited, travels to every desk).
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Paper,
  Radio,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { DEFAULT_DESK_IDENTITY } from '@shared/domain/deskNumber';
import type { RecordConflict } from '../../sync/contract';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { agoText, combinedRecord, conflictFields, conflictSides, sideLabel, TABLE_LABELS } from './conflictFields';
import type { SyncApi } from './syncApi';

export function RecordConflictsPage({ api }: { api: SyncApi }) {
  const desk = useDesk();
  const conflicts = useLiveQuery(() => api.listRecordConflicts(desk), [api, desk]);
  if (!conflicts) return null;
  return (
    <Stack spacing={2} component="section" aria-label="数据冲突">
      <Typography>
        同一条记录在两个窗口被同时修改时列在这里。请逐项选择保留哪一方的内容，确认后各窗口都改为所选结果。
      </Typography>
      {conflicts.length === 0 && <Alert severity="success">没有待处理的数据冲突</Alert>}
      {conflicts.map((c) => (
        <ConflictCard key={c.id} conflict={c} api={api} />
      ))}
    </Stack>
  );
}

/** What a record is called on screen: its table and its name or title (never an ID number or phone). */
function recordTitle(c: RecordConflict): string {
  const r = c.winner.record;
  const name = typeof r.name === 'string' ? r.name : typeof r.title === 'string' ? r.title : '';
  return `${TABLE_LABELS[c.table] ?? c.table}${name ? `：${name}` : ''}`;
}

function ConflictCard({ conflict, api }: { conflict: RecordConflict; api: SyncApi }) {
  const desk = useDesk();
  const ownDesk = (desk.identity ?? DEFAULT_DESK_IDENTITY).no;
  const now = desk.clock.now();
  const sides = conflictSides(conflict);
  const rows = conflictFields(conflict, false);
  const [choices, setChoices] = useState<Record<string, number>>({});
  const { run, error, busy } = useGuardedAction();
  const title = recordTitle(conflict);
  const chosen = (field: string) => choices[field] ?? 0;
  const takeSide = (side: number) => setChoices(Object.fromEntries(rows.map((r) => [r.field, side])));
  return (
    <Paper sx={{ p: 2 }} component="article" aria-label={title}>
      <Typography variant="h6" component="h3">
        {title}
      </Typography>
      <Typography color="text.secondary">本窗口发现于 {agoText(conflict.seenAt, now)}</Typography>
      <Table size="small" aria-label={`${title} 的不同内容`} sx={{ my: 1 }}>
        <TableHead>
          <TableRow>
            <TableCell>项目</TableCell>
            {sides.map((s, i) => (
              <TableCell key={s.rev}>
                {sideLabel(s, ownDesk, now)}
                {i === 0 ? '（当前显示）' : ''}
                <Button
                  size="small"
                  onClick={() => takeSide(i)}
                  sx={{ ml: 1 }}
                  aria-label={`全部采用 ${sideLabel(s, ownDesk, now)}`}
                >
                  全部采用
                </Button>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.field}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              {row.values.map((v, i) => (
                <TableCell key={sides[i]!.rev}>
                  <Radio
                    checked={chosen(row.field) === i}
                    onChange={() => setChoices({ ...choices, [row.field]: i })}
                    slotProps={{
                      input: { 'aria-label': `${row.label}：采用 ${sideLabel(sides[i]!, ownDesk, now)} 的「${v}」` },
                    }}
                  />
                  {v}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <Button
        variant="contained"
        disabled={busy}
        onClick={() => void run(() => api.resolveRecordConflict(desk, conflict.id, combinedRecord(conflict, choices)))}
      >
        按所选内容解决
      </Button>
    </Paper>
  );
}
