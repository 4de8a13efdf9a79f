/**
 * 设置 → 数据备份与恢复: the last good backup and any failure, the backup folder (Electron) or
 * the downloads (browser), the backup passphrase at the first backup, 立即备份, 检查备份 (verify
 * a file without restoring it), 从备份恢复 (admins; the file is verified before anything is
 * touched, the live data is backed up first), and the storage health of this machine.
 * The passphrase, 立即备份 and 更改备份位置 are shown only with `data.backup` (站长/管理员; the
 * data layer refuses them to anyone else): a backup holds every resident's personal data.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import type { BackupHeader } from '@shared/backup/format';
import type { BackupStatus } from '@shared/ipc/contract';
import { can, holdersOf } from '@shared/domain/roles';
import { useDesk } from '../../app/desk';
import { useSession, useStaff } from '../../app/session';
import { useStaffNames } from '../../app/useStaffNames';
import { useGuardedAction } from '../../app/useGuardedAction';
import { automaticBackups, backupDeps, useBackupState } from '../../app/backup';
import { backupKeys } from '../../platform/backupKeys';
import { platform } from '../../platform';
import { backupHeaderOf, inspectBackup } from '../../db/backup/inspect';
import { makeBackup } from '../../db/backup/make';
import { RESTORE_NEEDS_OWN_KEY, restoreBackup } from '../../db/backup/restore';
import { DomainRefusal } from '../../db/refusal';
import {
  BackupSummary,
  backupTime,
  newPassphraseProblem,
  NewPassphraseFields,
  NO_PASSPHRASE,
  PickBackupFile,
  RestorePassphraseField,
  type NewPassphrase,
} from './BackupParts';
import { StorageHealth } from './StorageHealth';
import { PassphraseDialog } from './PassphraseDialog';
import { BackupFolderButton } from './BackupFolderButton';
import { BackupProgressBar } from './BackupProgressBar';
import type { BackupProgress } from '../../db/backup/progress';

/** Who made a backup, by name where this desk knows the account. */
function useMakerName(): (h: BackupHeader) => string {
  const names = useStaffNames();
  return (h) => (h.createdBy ? (names.get(h.createdBy) ?? '其他电脑上的账号') : '值班台自动备份');
}

export function BackupSection() {
  const desk = useDesk();
  const makerOf = useMakerName();
  const staff = useStaff();
  const mayBackUp = can(staff, 'data.backup');
  const state = useBackupState();
  const [hasKey, setHasKey] = useState<boolean | null>(null);
  const [folder, setFolder] = useState<BackupStatus | null>(null);
  const [fresh, setFresh] = useState<NewPassphrase>(NO_PASSPHRASE);
  const [done, setDone] = useState<string | null>(null);
  const backup = useGuardedAction();
  const check = useGuardedAction();
  const [checked, setChecked] = useState<BackupHeader | null>(null);
  const [backupProgress, setBackupProgress] = useState<BackupProgress | null>(null);
  const [checkProgress, setCheckProgress] = useState<BackupProgress | null>(null);
  const [restoring, setRestoring] = useState<{ text: string; header: BackupHeader } | null>(null);
  const [changingPassphrase, setChangingPassphrase] = useState(false);

  useEffect(() => {
    void backupKeys.load().then((k) => setHasKey(k !== null));
    void platform.backupStatus().then(setFolder);
  }, [state]);

  async function backUpNow(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    const problem = hasKey ? null : newPassphraseProblem(fresh);
    if (problem) return backup.setError(problem);
    await backup.run(async () => {
      const outcome = await makeBackup(desk, backupDeps, 'regular', {
        ...(hasKey ? {} : { passphrase: fresh.passphrase }),
        onProgress: setBackupProgress,
      }).finally(() => setBackupProgress(null));
      if (!outcome.ok) throw new DomainRefusal(outcome.message);
      setFresh(NO_PASSPHRASE);
      setDone(
        automaticBackups
          ? `已备份：${outcome.name}`
          : `已生成备份文件并开始下载：${outcome.name}。请把它保存到 U 盘等其他位置。`,
      );
    });
  }

  return (
    <Paper sx={{ p: 3 }} component="section" aria-label="数据备份与恢复">
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          数据备份与恢复
        </Typography>
        <Typography aria-label="上次成功备份">
          上次成功备份：{state.lastGood ? backupTime(state.lastGood.at) : '还没有备份'}
        </Typography>
        {state.lastFailure && (
          <Alert severity="error">
            {backupTime(state.lastFailure.at)} 的备份没有成功，之前的备份文件不受影响。请检查备份位置后重新备份。
          </Alert>
        )}
        {automaticBackups ? (
          <Typography color="text.secondary">
            备份位置：{folder?.dir ?? '…'}。每 2 小时（数据有变化时）、每次退出登录和关闭程序时自动备份，保留最近 14
            天每天、8 周每周、12 个月每月各一份。
          </Typography>
        ) : (
          <Typography color="text.secondary">
            浏览器版没有自己的备份文件夹：每次备份会下载一个文件，请把它保存到 U 盘或其他电脑。每天至少备份一次。
          </Typography>
        )}
        {automaticBackups && mayBackUp && <BackupFolderButton onChanged={setFolder} />}
        {folder?.sameDiskAsData && automaticBackups && (
          <Alert severity="warning">
            备份文件和数据在同一个磁盘上：磁盘损坏时会一起丢失。建议把备份位置改到 U 盘或网络盘。
          </Alert>
        )}
        {!folder?.reachable && folder && <Alert severity="error">备份位置现在无法访问（U 盘是否已拔出？）。</Alert>}
        {!mayBackUp && (
          <Typography color="text.secondary">
            备份密码、立即备份和备份位置由{holdersOf('data.backup')}负责{automaticBackups ? '；自动备份照常进行' : ''}。
          </Typography>
        )}
        {mayBackUp && (
          <Stack component="form" spacing={2} onSubmit={(e) => void backUpNow(e)} aria-label="立即备份">
            {hasKey === false && <NewPassphraseFields value={fresh} onChange={setFresh} />}
            {backup.error && <Alert severity="error">{backup.error}</Alert>}
            {done && <Alert severity="success">{done}</Alert>}
            <Button
              type="submit"
              variant="contained"
              disabled={backup.busy || hasKey === null}
              sx={{ alignSelf: 'flex-start' }}
            >
              {backup.busy ? '正在备份…' : hasKey === false ? '设置密码并立即备份' : '立即备份'}
            </Button>
          </Stack>
        )}
        <Stack direction="row" spacing={2}>
          {hasKey && mayBackUp && (
            <Button variant="outlined" onClick={() => setChangingPassphrase(true)}>
              更改备份密码
            </Button>
          )}
          <PickBackupFile
            label="检查备份"
            onText={(text) => {
              setChecked(null);
              void check.run(async () => {
                const opened = await inspectBackup(desk, backupDeps, text, undefined, {
                  verifyOnly: true,
                  onProgress: setCheckProgress,
                }).finally(() => setCheckProgress(null));
                setChecked(opened.header);
              });
            }}
          />
          {can(staff, 'data.restore') && (
            <PickBackupFile
              label="从备份恢复"
              onText={(text) => {
                setChecked(null);
                void check.run(async () => setRestoring({ text, header: backupHeaderOf(desk, text) }));
              }}
            />
          )}
        </Stack>
        <BackupProgressBar label="备份进度" progress={backupProgress} />
        <BackupProgressBar label="检查备份进度" progress={checkProgress} />
        {check.error && <Alert severity="error">{check.error}</Alert>}
        {checked && (
          <Alert severity="success">
            备份完好，可以恢复：
            <BackupSummary header={checked} maker={makerOf(checked)} />
          </Alert>
        )}
        <StorageHealth />
      </Stack>
      {restoring && <RestoreDialog {...restoring} onClose={() => setRestoring(null)} />}
      {changingPassphrase && <PassphraseDialog onClose={() => setChangingPassphrase(false)} />}
    </Paper>
  );
}

/** What the sign-in screen says after a restore. */
export const RESTORED_NOTICE = '已恢复，请重新登录（账号以恢复的数据为准）。恢复前的数据已另存为一份备份。';

function RestoreDialog({ text, header, onClose }: { text: string; header: BackupHeader; onClose: () => void }) {
  const desk = useDesk();
  const { endSession } = useSession();
  const makerOf = useMakerName();
  const [passphrase, setPassphrase] = useState('');
  // The browser build: the live data's backup is a download the desk cannot see saved, so the
  // clerk saves it first and confirms; the restore then goes on without making another.
  const [liveSaved, setLiveSaved] = useState(false);
  const { run, error, busy } = useGuardedAction();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const saveLive = () =>
    void run(async () => {
      // This machine's own key only: the passphrase of the file to restore never becomes this machine's.
      if (!(await backupDeps.keys.load())) throw new DomainRefusal(RESTORE_NEEDS_OWN_KEY);
      const outcome = await makeBackup(desk, backupDeps, 'preRestore');
      if (!outcome.ok) throw new DomainRefusal(outcome.message);
      setLiveSaved(true);
    });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const restore = () =>
      restoreBackup(desk, backupDeps, text, passphrase || undefined, {
        liveBackedUp: !automaticBackups && liveSaved,
        onProgress: setProgress,
      }).finally(() => setProgress(null));
    // The accounts are now the restored data's (perhaps another machine's): this session's account
    // may not be among them, so the session ends here — nothing more is done in its name (no
    // sign-out row, no pledge for an account the data does not hold) — and the clerk signs in.
    if (await run(restore)) endSession(RESTORED_NOTICE);
  }
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form onSubmit={(e) => void submit(e)} aria-label="从备份恢复">
        <DialogTitle>从备份恢复</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <BackupSummary header={header} maker={makerOf(header)} />
            {
              <>
                <Alert severity="warning">
                  恢复会用这份备份替换本机现有的全部数据。恢复前会先把现有数据另存为一份备份。
                </Alert>
                <RestorePassphraseField value={passphrase} onChange={setPassphrase} />
                {!automaticBackups && (
                  <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                    <Button variant="outlined" onClick={saveLive} disabled={busy}>
                      先下载现有数据的备份
                    </Button>
                    {liveSaved && <Typography role="status">已开始下载。请确认文件已保存后再恢复。</Typography>}
                  </Stack>
                )}
              </>
            }
            <BackupProgressBar label="恢复进度" progress={progress} />
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="submit"
            variant="contained"
            color="warning"
            disabled={busy || (!automaticBackups && !liveSaved)}
          >
            {busy ? '正在恢复…' : automaticBackups ? '确认恢复' : '我已保存现有数据，确认恢复'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
