/**
 * 联席会议参会名单: the people who attend the weekly joint meeting and are not app users (网格长,
 * 社区民警, 物业 …): unit, name and role — the same list the meeting adds to and edits (kept for
 * next time). A new meeting lists them with the active staff for the attendance. Admins edit
 * here; at the meeting anyone who runs it adds and edits.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
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
import { useLiveQuery } from '../../app/liveQuerier';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { meetingGuests, saveMeetingGuests, type MeetingGuest } from '../../db/repositories/meetings';
import { GUEST_ROLES } from '@shared/domain/meetings';

export function MeetingGuestsEditor({ canEdit }: { canEdit: boolean }) {
  const desk = useDesk();
  const saved = useLiveQuery(() => meetingGuests(desk), [desk]);
  const [unit, setUnit] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('网格长');
  const [done, setDone] = useState<string | null>(null);
  const { run, error, field, setError } = useGuardedAction();
  const list = saved ?? [];

  const save = async (next: MeetingGuest[]) => {
    setDone(null);
    if (await run(() => saveMeetingGuests(desk, next))) {
      setDone('参会名单已保存');
      return true;
    }
    return false;
  };

  async function add(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setError('请填写姓名');
    if (await save([...list, { id: desk.newId(), unit, name, role }])) {
      setName('');
      setUnit('');
    }
  }

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="guests-heading">
      <Stack spacing={2}>
        <Typography id="guests-heading" variant="h6" component="h2">
          联席会议参会名单（{list.length}）
        </Typography>
        <Typography color="text.secondary">
          不使用本系统的参会人员，如网格长、社区民警、物业。安排会议时，他们与在岗工作人员一起列入参会名单，召开时勾选出席。在会议页“添加参会人员”的，也保存在这里。
        </Typography>
        <Table size="small" aria-label="联席会议参会名单" sx={{ maxWidth: 800 }}>
          <TableHead>
            <TableRow>
              <TableCell>单位</TableCell>
              <TableCell>姓名</TableCell>
              <TableCell>身份</TableCell>
              {canEdit && <TableCell>操作</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {list.length === 0 && (
              <TableRow>
                <TableCell colSpan={canEdit ? 4 : 3}>名单为空</TableCell>
              </TableRow>
            )}
            {list.map((g) => (
              <TableRow key={g.id}>
                <TableCell>{g.unit || '—'}</TableCell>
                <TableCell>{g.name}</TableCell>
                <TableCell>{g.role || '—'}</TableCell>
                {canEdit && (
                  <TableCell>
                    <Button
                      aria-label={`移出名单：${g.name}`}
                      onClick={() => void save(list.filter((x) => x.id !== g.id))}
                    >
                      移出
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {canEdit ? (
          <Stack
            direction="row"
            spacing={2}
            component="form"
            aria-label="添加参会人员"
            onSubmit={(e) => void add(e)}
            sx={{ alignItems: 'flex-start', maxWidth: 800 }}
          >
            <TextField label="单位" value={unit} onChange={(e) => setUnit(e.target.value)} helperText="可不填" />
            <TextField
              label="参会人员姓名"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={field === 'guests' || error === '请填写姓名'}
              helperText={field === 'guests' || error === '请填写姓名' ? error : '不超过 20 个字'}
            />
            <TextField
              label="身份"
              value={role}
              onChange={(e) => setRole(e.target.value)}
              helperText="如：网格长、居民代表"
              slotProps={{ htmlInput: { list: 'guest-roles' } }}
            />
            <datalist id="guest-roles">
              {GUEST_ROLES.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
            <Button type="submit" variant="contained" sx={{ flexShrink: 0, mt: 0.5 }}>
              添加
            </Button>
          </Stack>
        ) : (
          <Typography>只有站长/管理员可以修改参会名单。</Typography>
        )}
        {error && field !== 'guests' && error !== '请填写姓名' && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {done && (
          <Alert severity="success" role="status" onClose={() => setDone(null)}>
            {done}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
