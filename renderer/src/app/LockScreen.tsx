/**
 * 锁屏: the whole window while the desk is locked — the community, who was on duty and since
 * when, 值班人员 (the same person chosen), 密码或 PIN and 解锁. Nothing of the desk behind it is
 * rendered (app/deskLock.tsx). Wrong PINs count towards the account's lockout like a sign-in.
 */
import { useState, type FormEvent } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { useLiveQuery } from './liveQuerier';
import type { Staff } from '@shared/domain/records';
import { listActiveStaff } from '../db/repositories/staff';
import { unlockDesk } from '../db/repositories/deskLock';
import { localDateTime } from './clock';
import { useDesk } from './desk';
import { useGuardedAction } from './useGuardedAction';
import { useStaff } from './session';
import { StaffPinFields } from '../components/StaffPinFields';

export function LockScreen({
  lockedAt,
  onUnlocked,
}: {
  lockedAt: number;
  onUnlocked: (staff: Staff, switched: boolean) => void;
}) {
  const desk = useDesk();
  const me = useStaff();
  const active = useLiveQuery(() => listActiveStaff(desk), [desk]);
  // The person who locked is offered even if deactivated since: they are told why they cannot unlock.
  const people = active && !active.some((s) => s.id === me.id) ? [me, ...active] : (active ?? [me]);
  const [staffId, setStaffId] = useState(me.id);
  const [secret, setSecret] = useState('');
  const { run, error, setError, busy } = useGuardedAction();
  const since = lockedAt > 0 ? localDateTime(lockedAt).slice(11) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!secret) return setError('请输入密码或 PIN');
    const typed = secret;
    setSecret('');
    let refused: string | null = null;
    await run(async () => {
      const result = await unlockDesk(desk, staffId, typed);
      if (result.ok) onUnlocked(result.staff, result.switched);
      else refused = result.message;
    });
    if (refused) setError(refused);
  }

  return (
    <Box component="main" sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', bgcolor: 'grey.800' }}>
      <Paper component="form" onSubmit={(e) => void submit(e)} sx={{ p: 4, width: 480 }} aria-label="锁屏">
        <Stack spacing={3}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <LockOutlined fontSize="large" color="primary" aria-hidden />
            <Typography variant="h4" component="h1">
              已锁屏
            </Typography>
          </Stack>
          <Typography color="text.secondary">社区值班台 · {desk.community.name}</Typography>
          <Typography aria-label="锁屏前的值班人员">
            {me.name}（{me.role}）的值班台{since ? `自 ${since} 起` : '已'}锁屏。
          </Typography>
          <Typography>本人输入密码或 PIN 回到刚才的页面；换人值班请选择自己的姓名。</Typography>
          <StaffPinFields
            id="lock"
            people={people}
            staffId={staffId}
            onStaff={(id) => {
              setStaffId(id);
              setError(null);
            }}
            secret={secret}
            onSecret={setSecret}
            error={error}
            busy={busy}
            submitLabel="解锁"
          />
        </Stack>
      </Paper>
    </Box>
  );
}
