/**
 * 升级前先备份: shown by app/UpgradeGate.tsx when this build would upgrade the database and the
 * backup could not be made by itself (the browser build, or no backup key yet): the passphrase
 * if none was set, the pre-upgrade backup (a download in the browser build), and the upgrade
 * only once the clerk confirms the file was saved.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { DomainRefusal } from '../../db/refusal';
import { useGuardedAction } from '../../app/useGuardedAction';
import {
  AdminPinField,
  newPassphraseProblem,
  NewPassphraseFields,
  NO_PASSPHRASE,
  type NewPassphrase,
} from './BackupParts';
import type { BackupOutcome } from '../../db/backup/make';

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
  /** Makes the pre-upgrade backup (with the passphrase when no key was set yet, and an admin PIN). */
  onBackUp: (passphrase?: string, adminPin?: string) => Promise<BackupOutcome>;
  onSaved: () => void;
  onGo: () => void;
}) {
  const [fresh, setFresh] = useState<NewPassphrase>(NO_PASSPHRASE);
  const [pin, setPin] = useState('');
  const { run, error, field, setError, busy } = useGuardedAction();
  // Only the desktop app with its key writes this backup into its folder by itself; otherwise it
  // sets the passphrase or is a download: an admin answers for it (nobody is signed in yet).
  const askPin = !(automatic && hasKey);
  async function backUp(e: FormEvent) {
    e.preventDefault();
    const problem = hasKey ? null : newPassphraseProblem(fresh);
    if (problem) return setError(problem);
    const ok = await run(async () => {
      const outcome = await onBackUp(hasKey ? undefined : fresh.passphrase, askPin && pin ? pin : undefined);
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
          {askPin && (
            <AdminPinField
              value={pin}
              onChange={setPin}
              error={field === 'pin' ? error : null}
              hint="备份包含全部数据，需站长/管理员确认（本机还没有账号时可留空）"
            />
          )}
          {!hasKey && <NewPassphraseFields value={fresh} onChange={setFresh} />}
          {error && field !== 'pin' && <Alert severity="error">{error}</Alert>}
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
            {error && !saved && (
              // The backup place may be gone for good (a USB drive lost): the desk must not stay shut.
              <Button color="error" onClick={onGo}>
                不备份，直接升级（不推荐）
              </Button>
            )}
          </Stack>
        </Stack>
      </Paper>
    </Box>
  );
}
