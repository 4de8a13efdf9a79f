/**
 * 设置 → 多窗口同步 on a joined desk (admin): 本窗口的中心账号 — when the hub admin changed this
 * desk's password, the top bar says 未连接 (账号或密码); the 站长 types the new account or password
 * here, without leaving the center. Checked at the field (hubForm.ts), then on the hub (the engine's
 * changeHubAccount, audited); kept, and the running exchange restarts with it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import type { HubConfig } from '../../sync/contract';
import { hubConfigChanged } from './hubConfigRevision';
import { validateHubForm } from './hubForm';
import type { SyncApi } from './syncApi';

export function HubAccountForm({ api, refused }: { api: SyncApi; refused: boolean }) {
  const desk = useDesk();
  const [kept, setKept] = useState<HubConfig | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<{ username?: string; password?: string }>({});
  const [saved, setSaved] = useState(false);
  const { run, error, field, busy } = useGuardedAction();

  useEffect(() => {
    let live = true;
    void api.loadHubConfig().then((c) => {
      if (!live) return;
      setKept(c);
      setUsername(c?.username ?? '');
    });
    return () => {
      live = false;
    };
  }, [api]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!kept) return;
    setSaved(false);
    const checked = validateHubForm({ url: kept.url, username, password, allowPlainHttp: kept.allowPlainHttp });
    setFieldError(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    const ok = await run(async () => {
      const config = await api.changeHubAccount(desk, checked.value);
      await api.saveHubConfig(config);
      setKept(config);
    });
    if (!ok) return;
    setPassword('');
    setSaved(true);
    hubConfigChanged();
  }

  const passwordError = fieldError.password ?? (field === 'password' ? error : null);
  return (
    <Stack spacing={2} component="form" onSubmit={(e) => void submit(e)} noValidate aria-label="本窗口的中心账号">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>
        本窗口的中心账号
      </Typography>
      <Typography>
        {refused
          ? '中心服务器拒绝了本窗口：如站长在中心服务器上更改了本窗口的密码，请在此填写新的账号和密码，不必退出中心。'
          : '中心服务器上本窗口的密码更改后，在此填写新密码，不必退出中心。'}
      </Typography>
      <Stack direction="row" spacing={2}>
        <TextField
          label="本窗口账号"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={Boolean(fieldError.username)}
          helperText={fieldError.username ?? ' '}
          disabled={busy || !kept}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { autoComplete: 'off' } }}
        />
        <TextField
          label="新的本窗口密码"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={Boolean(passwordError)}
          helperText={passwordError ?? '保存在本机，不会出现在日志中'}
          disabled={busy || !kept}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
        />
      </Stack>
      {error && field !== 'password' && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {saved && (
        <Alert severity="success" role="status">
          已保存新的账号和密码，正在重新连接中心。
        </Alert>
      )}
      <Button type="submit" variant="outlined" disabled={busy || !kept} sx={{ alignSelf: 'flex-start' }}>
        保存并重新连接
      </Button>
    </Stack>
  );
}
