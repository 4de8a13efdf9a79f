/**
 * 设置 → 多窗口同步 while the desk is alone (admin): the hub's address, this desk's account and
 * password on the hub, this desk's number (claimed on the hub; changed in 本机设置 only while
 * alone), "允许不加密连接（仅限局域网）" with its warning; 加入中心 runs the engine's join and shows
 * the first exchange's progress (documents done of total). Every field checked at the field
 * (hubForm.ts) before the engine is asked; the engine's refusals (wrong account, hub not found,
 * number taken by another desk) are shown as it words them.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { DEFAULT_DESK_IDENTITY, deskLabel } from '@shared/domain/deskNumber';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { validateHubForm, type HubFormField } from './hubForm';
import type { JoinProgress, JoinStage, SyncApi } from './syncApi';

export const NO_SYNC_IN_BUILD = '此版本未包含多窗口同步功能，本机单独工作。';

/** What each stage of the first exchange is called on the progress line. */
const STAGE_LABELS: Record<JoinStage, string> = {
  pull: '第 1 步（共 4 步）：下载中心数据',
  upload: '第 2 步（共 4 步）：整理本机数据',
  push: '第 3 步（共 4 步）：上传本机数据',
  apply: '第 4 步（共 4 步）：保存到本机',
};

export function JoinForm({
  api,
  onRunning,
}: {
  api: SyncApi | null | 'absent';
  onRunning: (running: boolean) => void;
}) {
  const desk = useDesk();
  const identity = desk.identity ?? DEFAULT_DESK_IDENTITY;
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [allowPlainHttp, setAllowPlainHttp] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<HubFormField, string>>>({});
  const [progress, setProgress] = useState<JoinProgress | null>(null);
  const { run, error, busy, setError } = useGuardedAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validateHubForm({ url, username, password, allowPlainHttp });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    if (api === 'absent' || api === null) {
      setError(api === 'absent' ? NO_SYNC_IN_BUILD : '同步功能正在加载，请稍后再试');
      return;
    }
    setProgress({ done: 0, total: 0 });
    onRunning(true);
    // The config is kept first: the app's runner starts live sync with it once the join is done.
    const joined = await run(async () => {
      await api.saveHubConfig(checked.value);
      try {
        await api.joinCenter(desk, checked.value, setProgress);
      } catch (err) {
        await api.saveHubConfig(null);
        throw err;
      }
    });
    setProgress(null);
    onRunning(false);
    if (joined) setPassword('');
  }

  const percent = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <Stack spacing={2} component="form" onSubmit={(e) => void submit(e)} noValidate aria-label="加入中心">
      <Typography>
        本机尚未加入中心，数据只在本机。加入后，本中心各窗口的居民、来访、办件和日志会自动互相同步；断网时照常工作，恢复后自动补齐。
      </Typography>
      <TextField
        label="中心地址"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={Boolean(errors.url)}
        helperText={errors.url ?? '由站长提供，例如 https://192.168.1.10:6984/center-ylq'}
        disabled={busy}
        slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
      />
      <Stack direction="row" spacing={2}>
        <TextField
          label="本窗口账号"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={Boolean(errors.username)}
          helperText={errors.username ?? '中心为本窗口开设的账号'}
          disabled={busy}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { autoComplete: 'off' } }}
        />
        <TextField
          label="本窗口密码"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={Boolean(errors.password)}
          helperText={errors.password ?? '保存在本机，不会出现在日志中'}
          disabled={busy}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
        />
      </Stack>
      <Typography>
        加入时在中心登记本机的窗口号：<strong>{deskLabel(identity)}</strong>
        。如需更改，请先在「本机设置」中修改（加入中心后不能再改）。
      </Typography>
      <FormControlLabel
        control={
          <Checkbox checked={allowPlainHttp} onChange={(e) => setAllowPlainHttp(e.target.checked)} disabled={busy} />
        }
        label="允许不加密连接（仅限局域网）"
      />
      {allowPlainHttp && (
        <Alert severity="warning">
          不加密连接时，居民信息在网络上以明文传输。仅在中心内部的局域网使用，不要用于跨楼、无线公共网络或互联网；状态栏会一直标明“不加密连接”。
        </Alert>
      )}
      {progress && (
        <Box role="status" aria-label="加入进度">
          <Typography>
            {progress.total > 0
              ? `${progress.stage ? STAGE_LABELS[progress.stage] : '正在交换数据'}：已完成 ${progress.done} / ${progress.total} 条`
              : '正在连接中心…'}
          </Typography>
          <LinearProgress
            variant={progress.total > 0 ? 'determinate' : 'indeterminate'}
            value={percent}
            aria-label="加入中心的进度"
          />
        </Box>
      )}
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <Button type="submit" variant="contained" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
        加入中心
      </Button>
    </Stack>
  );
}
