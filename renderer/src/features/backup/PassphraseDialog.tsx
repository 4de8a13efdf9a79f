/**
 * 设置 → 数据备份 → 更改备份密码 (admins: `data.backup`; the data layer checks it again). The
 * new passphrase follows the rule of shared/backup/passphrase.ts, with the message at its field.
 * A change makes a new backup key; the screen says what that means for the backups made before:
 * this machine still restores them as they are, another computer needs the OLD passphrase.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { PASSPHRASE_HINT, passphraseProblem } from '@shared/backup/passphrase';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { backupDeps } from '../../app/backup';
import { changePassphrase } from '../../db/backup/keys';
import { NO_PASSPHRASE, PASSPHRASE_WARNING, type NewPassphrase } from './BackupParts';

export const OLD_BACKUPS_NOTICE =
  '更改后，新的备份使用新密码（并换用一把新的备份密钥）。以前制作的备份不会改变：在本机仍可直接恢复；在其他电脑上恢复它们，仍须输入原来的备份密码。请继续妥善保管原来的密码，直到这些旧备份不再需要（备份最长保留 12 个月）。';

export function PassphraseDialog({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const [value, setValue] = useState<NewPassphrase>(NO_PASSPHRASE);
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const [done, setDone] = useState(false);
  const { run, error, field, busy } = useGuardedAction();
  const at = (name: 'passphrase' | 'again') =>
    local?.field === name ? local.message : !local && field === name ? error : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = passphraseProblem(value, {
      communityCode: desk.community.code,
      communityName: desk.community.name,
    });
    setLocal(problem);
    if (problem) return;
    if (await run(() => changePassphrase(desk, backupDeps, value))) setDone(true);
  }

  const passphraseError = at('passphrase');
  const againError = at('again');
  const otherError = !local && error && !field ? error : null;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="更改备份密码">
        <DialogTitle>更改备份密码</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="warning">{OLD_BACKUPS_NOTICE}</Alert>
            {done ? (
              <Alert severity="success" role="status">
                备份密码已更改。之后的备份使用新密码；以前的备份在其他电脑上仍须用原来的密码打开。
              </Alert>
            ) : (
              <>
                <Alert severity="info">{PASSPHRASE_WARNING}</Alert>
                <TextField
                  label="新的备份密码"
                  type="password"
                  value={value.passphrase}
                  onChange={(e) => setValue({ ...value, passphrase: e.target.value })}
                  error={!!passphraseError}
                  helperText={passphraseError ?? PASSPHRASE_HINT}
                  autoComplete="new-password"
                  autoFocus
                />
                <TextField
                  label="再次输入新的备份密码"
                  type="password"
                  value={value.again}
                  onChange={(e) => setValue({ ...value, again: e.target.value })}
                  error={!!againError}
                  helperText={againError ?? ' '}
                  autoComplete="new-password"
                />
              </>
            )}
            {otherError && (
              <Alert severity="error" role="alert">
                {otherError}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{done ? '关闭' : '取消'}</Button>
          {!done && (
            <Button type="submit" variant="contained" disabled={busy}>
              {busy ? '正在更改…' : '更改备份密码'}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
