/**
 * 本机窗口: which desk of the center this machine is (number and name, kept in the machine
 * settings). An admin changes it while the desk is alone (db/repositories/deskIdentity.ts checks
 * both); everyone else sees it.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { deskLabel, DEFAULT_DESK_IDENTITY } from '@shared/domain/deskNumber';
import { changeDeskIdentity, deskIsAlone } from '../../db/repositories/deskIdentity';
import { useDesk, useKeepDeskIdentity } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';

export function DeskIdentitySettings({ canEdit }: { canEdit: boolean }) {
  const desk = useDesk();
  const keep = useKeepDeskIdentity();
  const identity = desk.identity ?? DEFAULT_DESK_IDENTITY;
  const alone = useLiveQuery(() => deskIsAlone(desk), [desk]);
  const [no, setNo] = useState(String(identity.no));
  const [name, setName] = useState(identity.name);
  const [saved, setSaved] = useState(false);
  const { run, error, field, busy } = useGuardedAction();
  const editable = canEdit && alone === true;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (await run(() => changeDeskIdentity(desk, { no, name }, keep))) setSaved(true);
  }

  const fieldError = (f: string) => (field === f ? error : null);
  return (
    <Paper sx={{ p: 3 }}>
      <Stack spacing={2} component="form" onSubmit={(e) => void submit(e)} noValidate aria-label="本机窗口">
        <Typography variant="h6" component="h2">
          本机窗口
        </Typography>
        <Typography>
          本机是：<strong>{deskLabel(identity)}</strong>。窗口号印在本机发出的受理编号和归档号中（如 …-
          {String(identity.no).padStart(2, '0')}0001），同一中心的每台电脑各不相同。
        </Typography>
        {editable ? (
          <>
            <Stack direction="row" spacing={2}>
              <TextField
                label="本机窗口号"
                inputMode="numeric"
                value={no}
                onChange={(e) => setNo(e.target.value)}
                sx={{ width: 200 }}
                error={Boolean(fieldError('no'))}
                helperText={fieldError('no') ?? '1–99'}
              />
              <TextField
                label="本机窗口名称"
                value={name}
                onChange={(e) => setName(e.target.value)}
                sx={{ flex: 1 }}
                error={Boolean(fieldError('name'))}
                helperText={fieldError('name') ?? '如：一号窗口、后台、站长室'}
              />
            </Stack>
            <Button type="submit" variant="contained" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
              保存窗口号
            </Button>
          </>
        ) : (
          <Typography color="text.secondary">
            {!canEdit
              ? '窗口号只能由站长/管理员修改。'
              : alone === false
                ? '本机已与本中心其他窗口共享数据，窗口号不能再修改。'
                : ''}
          </Typography>
        )}
        {error && !field && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        {saved && (
          <Alert severity="success" role="status">
            窗口号已保存，此后发出的编号使用新的窗口号
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
