/**
 * 设置 → 同步冲突 (issue 24 item 6): cases, proxy requests (帮代办) and documents in custody
 * (材料保管) whose merged history refused actions (desk 1 转办 while desk 2 办结 offline; one desk
 * 移交s a document the other 归还s), from listSyncConflicts — what the record is now, and every
 * action in order with its desk and whether it took effect (or the rules' reason it did not: a
 * refusal can cascade). 处理: open the case for a new action, or 确认已处理 with a note
 * (acknowledgeSyncConflict, audited).
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Link,
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
import { Link as RouterLink } from 'react-router';
import { useLiveQuery } from '../../app/liveQuerier';
import { DEFAULT_DESK_IDENTITY } from '@shared/domain/deskNumber';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { agoText } from './conflictFields';
import type { SyncApi, SyncConflictItem } from './syncApi';

export const NOTE_REQUIRED = '请填写处理说明，例如：已与经办人核实，以转办为准';

export function CaseConflictsPage({ api }: { api: SyncApi }) {
  const desk = useDesk();
  const items = useLiveQuery(() => api.listSyncConflicts(desk), [api, desk]);
  if (!items) return null;
  return (
    <Stack spacing={2} component="section" aria-label="同步冲突">
      <Typography>
        两个窗口在断网时对同一办件、帮代办或保管的材料做了不相容的操作，合并后按规则未生效的操作列在这里。请核实后在办件中补办，或填写说明确认已处理。
      </Typography>
      {items.length === 0 && <Alert severity="success">没有待处理的同步冲突</Alert>}
      {items.map((item) => (
        <CaseConflictCard key={`${item.kind}:${item.id}`} item={item} api={api} />
      ))}
    </Stack>
  );
}

function CaseConflictCard({ item, api }: { item: SyncConflictItem; api: SyncApi }) {
  const desk = useDesk();
  const ownDesk = (desk.identity ?? DEFAULT_DESK_IDENTITY).no;
  const now = desk.clock.now();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const { run, error, busy } = useGuardedAction();
  async function acknowledge() {
    const text = note.trim();
    setNoteError(text === '' ? NOTE_REQUIRED : null);
    if (text !== '') await run(() => api.acknowledgeSyncConflict(desk, item, text));
  }
  const title = item.title;
  const link = item.caseId ? `/cases/${item.caseId}` : '/proxy';
  return (
    <Paper sx={{ p: 2 }} component="article" aria-label={title}>
      <Typography variant="h6" component="h3">
        <Link component={RouterLink} to={link} underline="always">
          {title}
        </Link>
        ：现为「{item.status}」
      </Typography>
      <Table size="small" aria-label={`${title} 的操作经过`} sx={{ my: 1 }}>
        <TableHead>
          <TableRow>
            <TableCell>时间</TableCell>
            <TableCell>窗口</TableCell>
            <TableCell>操作</TableCell>
            <TableCell>经办人</TableCell>
            <TableCell>结果</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {item.events.map((e, i) => (
            <TableRow key={i} sx={e.refused ? { bgcolor: 'warning.light' } : undefined}>
              <TableCell>{agoText(e.at, now)}</TableCell>
              <TableCell>{e.desk === ownDesk ? '本窗口' : `窗口 ${e.desk}`}</TableCell>
              <TableCell>{e.action}</TableCell>
              <TableCell>{e.actor}</TableCell>
              <TableCell>{e.refused ? `未生效：${e.refused}` : '已生效'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="处理说明"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={Boolean(noteError)}
          helperText={noteError ?? '写明核实结果；需补办的操作请在办件中办理'}
          sx={{ flex: 1 }}
        />
        <Button variant="contained" disabled={busy} onClick={() => void acknowledge()} sx={{ mt: 1 }}>
          确认已处理
        </Button>
        <Button component={RouterLink} to={link} sx={{ mt: 1 }}>
          {item.caseId ? '打开办件' : '打开帮代办'}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
    </Paper>
  );
}
