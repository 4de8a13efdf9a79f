/**
 * Sign-in at the shared desk PC: pick who you are, type your PIN or password, Enter.
 * Wrong secrets count towards a temporary lock (see shared/domain/credentials).
 */
import { useState, type FormEvent } from 'react';
// Plain inputs, not TextField: TextField brings the whole Select/Menu/Popover stack, which the
// first screen does not need (start-up loads less).
import {
  Alert,
  Box,
  Button,
  FormControl,
  InputLabel,
  NativeSelect,
  OutlinedInput,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useNavigate } from 'react-router';
import type { CommunityProfile } from '@shared/domain/records';
import { listActiveStaff, signIn } from '../../db/repositories/staff';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useDeskBase } from '../../app/desk';
import { useSession } from '../../app/session';

export function SignInPage({ community }: { community: CommunityProfile }) {
  const desk = useDeskBase();
  const staffList = useLiveQuery(() => listActiveStaff(desk), [desk]);
  const { signedIn } = useSession();
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
          <FormControl>
            <InputLabel shrink htmlFor="signin-staff">
              值班人员
            </InputLabel>
            <NativeSelect
              value={chosen}
              onChange={(e) => setStaffId(e.target.value)}
              inputProps={{ id: 'signin-staff' }}
              input={<OutlinedInput notched label="值班人员" />}
            >
              <option value="" disabled>
                请选择
              </option>
              {staffList?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}（{s.role}）
                </option>
              ))}
            </NativeSelect>
          </FormControl>
          <FormControl>
            <InputLabel htmlFor="signin-secret">密码或 PIN</InputLabel>
            <OutlinedInput
              id="signin-secret"
              label="密码或 PIN"
              type="password"
              autoFocus
              autoComplete="current-password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          </FormControl>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? '正在验证…' : '登录'}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
