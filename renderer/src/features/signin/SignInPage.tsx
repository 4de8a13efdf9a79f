/**
 * Sign-in at the shared desk PC: pick who you are, type your PIN or password, Enter.
 * Wrong secrets count towards a temporary lock (see shared/domain/credentials).
 */
import { useState, type FormEvent } from 'react';
// Plain inputs, not TextField: TextField brings the whole Select/Menu/Popover stack, which the
// first screen does not need (start-up loads less).
import { Box, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useNavigate } from 'react-router';
import type { CommunityProfile } from '@shared/domain/records';
import { listActiveStaff, signIn } from '../../db/repositories/staff';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useDeskBase } from '../../app/desk';
import { useSession } from '../../app/session';
import { StaffPinFields } from '../../components/StaffPinFields';

export function SignInPage({ community }: { community: CommunityProfile }) {
  const desk = useDeskBase();
  const staffList = useLiveQuery(() => listActiveStaff(desk), [desk]);
  const { signedIn, notice } = useSession();
  const navigate = useNavigate();
  const [staffId, setStaffId] = useState('');
  const [secret, setSecret] = useState('');
  const { run, error, setError, busy } = useGuardedAction();
  const chosen = staffId || (staffList?.length === 1 ? (staffList[0]?.id ?? '') : '');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return setError('请选择值班人员');
    if (!secret) return setError('请输入密码或 PIN');
    const typed = secret;
    setSecret('');
    let refused: string | null = null;
    await run(async () => {
      const result = await signIn(desk, chosen, typed);
      if (result.ok) {
        // Each sign-in starts on the 工作台, never on the previous person's last page.
        void navigate('/dashboard', { replace: true });
        signedIn(result.staff);
      } else refused = result.message;
    });
    if (refused) setError(refused);
  }

  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Paper component="form" onSubmit={submit} sx={{ p: 4, width: 440 }} aria-label="登录">
        <Stack spacing={3}>
          <Typography variant="h4" component="h1">
            社区值班台
          </Typography>
          <Typography color="text.secondary">{community.name}</Typography>
          {notice && (
            <Typography role="status" sx={{ fontWeight: 600 }}>
              {notice}
            </Typography>
          )}
          <StaffPinFields
            id="signin"
            people={staffList ?? []}
            staffId={chosen}
            onStaff={setStaffId}
            secret={secret}
            onSecret={setSecret}
            error={error}
            busy={busy}
            submitLabel="登录"
            placeholder={
              <option value="" disabled>
                请选择
              </option>
            }
          />
        </Stack>
      </Paper>
    </Box>
  );
}
