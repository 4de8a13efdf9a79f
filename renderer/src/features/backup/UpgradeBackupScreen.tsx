/**
 * 升级前先备份: shown by app/UpgradeGate.tsx when this build would upgrade the database and the
 * backup could not be made by itself (the browser build, or no backup key yet): the passphrase
 * if none was set, the pre-upgrade backup (a download in the browser build), and the upgrade
 * only once the clerk confirms the file was saved.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { DomainRefusal } from '../../db/refusal';
import { useGuardedAction } from '../../app/useGuardedAction';
import type { BackupOutcome } from '../../db/backup/backups';

export function UpgradeBackupScreen({
  from,
  hasKey,
  saved,
  automatic,
  onBackUp,
  onSaved,
  onGo,
}: {
  from: number;
  hasKey: boolean;
  saved: boolean;
  automatic: boolean;
  /** Makes the pre-upgrade backup (with the passphrase when no key was set yet). */
  onBackUp: (passphrase?: string) => Promise<BackupOutcome>;
  onSaved: () => void;
  onGo: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const { run, error, setError, busy } = useGuardedAction();
  async function backUp(e: FormEvent) {
    e.preventDefault();
    if (!hasKey && passphrase.length < 8) return setError('备份密码至少 8 位');
    if (!hasKey && passphrase !== again) return setError('两次输入的备份密码不一致');
    const ok = await run(async () => {
      const outcome = await onBackUp(passphrase || undefined);
      if (!outcome.ok) throw new DomainRefusal(outcome.message);
    });
    if (ok) onSaved();
  }
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 3 }}>
      <Paper sx={{ p: 4, maxWidth: 680 }} component="main" aria-label="升级前备份">
        <Stack spacing={2} component="form" onSubmit={(e) => void backUp(e)}>
          <Typography variant="h4" component="h1">
            升级前先备份
          </Typography>
          <Typography>
            值班台已更新，本机数据（数据版本 {from}）需要升级。升级前请先保存一份备份文件，万一升级出错可以用它恢复。
          </Typography>
          {!hasKey && (
            <>
              <Alert severity="info">
                本机还没有做过备份，请先设置备份密码。备份密码丢失后，其他电脑将无法打开这些备份；本机恢复不需要它。
              </Alert>
              <TextField
                label="设置备份密码"
                type="password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                autoComplete="new-password"
              />
              <TextField
                label="再次输入备份密码"
                type="password"
                value={again}
                onChange={(e) => setAgain(e.target.value)}
                autoComplete="new-password"
              />
            </>
          )}
          {error && <Alert severity="error">{error}</Alert>}
          {saved && (
            <Alert severity="success">
              {automatic
                ? '升级前备份已保存到备份文件夹。'
                : '升级前备份已开始下载。请确认文件已保存（最好复制到 U 盘）后再继续。'}
            </Alert>
          )}
          <Stack direction="row" spacing={2}>
            <Button type="submit" variant={saved ? 'outlined' : 'contained'} disabled={busy}>
              {busy ? '正在备份…' : saved ? '再保存一份' : '保存升级前备份'}
            </Button>
            <Button variant="contained" color="success" disabled={!saved} onClick={onGo}>
              我已保存备份文件，继续升级
            </Button>
          </Stack>
        </Stack>
      </Paper>
    </Box>
  );
}
