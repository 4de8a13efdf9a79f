/**
 * Shown instead of everything else when the database lost records since the last write
 * (app/integrity.ts): the data may have been wiped or damaged. Two ways on:
 * - restore the newest backup (Electron: from the backup folder; browser: the file the clerk
 *   picks), confirmed with a 站长/管理员 PIN checked (in restoreBackup) against the accounts IN
 *   the backup (the live database may have none left), and the backup passphrase if the file is
 *   from another machine;
 * - or, explicitly, go on with what is left (从空白开始), also with a 站长/管理员 PIN — checked
 *   (in startEmpty) against the admins kept beside the wipe record, or the accounts of the
 *   backup chosen above; only a desk that never had an account goes on without one. Logged in
 *   the name of that admin.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import type { BackupHeader } from '@shared/backup/format';
import { useDeskBase } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { automaticBackups, backupDeps } from '../../app/backup';
import { platform } from '../../platform';
import { backupHeaderOf } from '../../db/backup/inspect';
import type { BackupProgress } from '../../db/backup/progress';
import { BackupProgressBar } from './BackupProgressBar';
import { restoreBackup } from '../../db/backup/restore';
import { startEmpty } from '../../db/backup/startEmpty';
import { AdminPinField, BackupSummary, backupTime, PickBackupFile, RestorePassphraseField } from './BackupParts';
import type { BackupListEntry } from '@shared/ipc/contract';
import { tableName } from '../../db/tableNames';

type Lost = { table: string; recorded: number; now: number };
const CONFIRM_WORDS = '从空白开始';
const KIND_TEXT: Record<BackupListEntry['kind'], string> = {
  regular: '日常备份',
  preUpgrade: '升级前备份',
  preRestore: '恢复前备份',
};

export function DataLossScreen({ lost, onResolved }: { lost: Lost[]; onResolved: () => void }) {
  const base = useDeskBase();
  const [file, setFile] = useState<{ text: string; header: BackupHeader } | null>(null);
  const [pin, setPin] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirmWords, setConfirmWords] = useState('');
  const [emptyPin, setEmptyPin] = useState('');
  const restore = useGuardedAction();
  const empty = useGuardedAction();
  const [progress, setProgress] = useState<BackupProgress | null>(null);

  // Electron: every backup of the folder, newest first; the newest regular or pre-upgrade one
  // is chosen at once (a pre-restore backup may hold the damaged data itself).
  const [folder, setFolder] = useState<BackupListEntry[]>([]);
  const [chosen, setChosen] = useState('');
  const choose = (name: string) =>
    void restore.run(async () => {
      setChosen(name);
      const text = await platform.readBackup({ name });
      setFile({ text, header: backupHeaderOf(base, text) });
    });
  useEffect(() => {
    if (!automaticBackups) return;
    void platform.listBackups().then((list) => {
      setFolder(list);
      const first = list.find((b) => b.kind !== 'preRestore') ?? list[0];
      if (first) choose(first.name);
    });
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function submitRestore(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    if (!pin) return restore.setError('请输入站长/管理员的密码或 PIN');
    // The PIN is checked by restoreBackup against the accounts in the backup.
    const ok = await restore.run(() =>
      restoreBackup(base, backupDeps, file.text, passphrase || undefined, {
        adminPin: pin,
        onProgress: setProgress,
      }).finally(() => setProgress(null)),
    );
    if (ok) onResolved();
  }

  async function submitEmpty(e: FormEvent) {
    e.preventDefault();
    if (confirmWords.trim() !== CONFIRM_WORDS) return empty.setError(`请输入「${CONFIRM_WORDS}」以确认`);
    // The PIN is checked by startEmpty: the admins kept beside the wipe record, or the chosen backup's.
    const backup = file ? { text: file.text, passphrase: passphrase || undefined } : undefined;
    if (await empty.run(() => startEmpty(base, backupDeps, { pin: emptyPin || undefined, backup }))) onResolved();
  }

  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 3 }}>
      <Paper sx={{ p: 4, maxWidth: 720 }} component="main" aria-label="数据丢失">
        <Stack spacing={2}>
          <Typography variant="h4" component="h1">
            本机数据可能已丢失
          </Typography>
          <Typography>
            上次使用后，本机数据库里的记录变少了：可能是磁盘故障、浏览器或系统清除了数据，或数据库文件已损坏。在处理之前，值班台暂停使用，以免在残缺的数据上继续登记。
          </Typography>
          <Typography component="ul" aria-label="丢失的记录">
            {lost.map((l) => (
              <li key={l.table}>
                {tableName(l.table)}：原有 {l.recorded.toLocaleString('zh-CN')} 条，现在 {l.now.toLocaleString('zh-CN')}{' '}
                条
              </li>
            ))}
          </Typography>
          <Typography color="text.secondary" aria-label="这项检查能发现什么">
            值班台每次保存后立即在数据库之外记下各类记录的条数，启动时据此检查。保存完成后的极短时间内（通常不到 0.2
            秒）程序被强行结束或断电，最新的一笔可能未计入，这时丢失的正是这一笔，不会被发现。
            {!automaticBackups &&
              '浏览器版：在浏览器里清除本网站的全部数据（网站数据、Cookie 等）会把数据库和这份记录一起清除，值班台无法发现，打开时会像新安装一样进入设置向导——请勿清除，并按时下载备份。'}
          </Typography>
          <Typography variant="h6" component="h2">
            从备份恢复（推荐）
          </Typography>
          {folder.length > 0 && (
            <TextField
              select
              label="备份文件夹里的备份"
              value={chosen}
              onChange={(e) => choose(e.target.value)}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              {folder.map((b) => (
                <option key={b.name} value={b.name}>
                  {backupTime(b.createdAt)}（{KIND_TEXT[b.kind]}）
                </option>
              ))}
            </TextField>
          )}
          {automaticBackups && folder.length === 0 && !restore.busy && (
            <Alert severity="warning">备份文件夹里没有找到备份，可以选择 U 盘等其他位置的备份文件。</Alert>
          )}
          <PickBackupFile
            label="选择备份文件"
            onText={(text) => void restore.run(async () => setFile({ text, header: backupHeaderOf(base, text) }))}
          />
          {file && (
            <Stack component="form" spacing={2} onSubmit={(e) => void submitRestore(e)} aria-label="从备份恢复">
              <BackupSummary header={file.header} />
              <AdminPinField value={pin} onChange={setPin} />
              <RestorePassphraseField value={passphrase} onChange={setPassphrase} />
              <Button type="submit" variant="contained" disabled={restore.busy} sx={{ alignSelf: 'flex-start' }}>
                {restore.busy ? '正在恢复…' : '恢复这份备份'}
              </Button>
              <BackupProgressBar label="恢复进度" progress={progress} />
            </Stack>
          )}
          {restore.error && <Alert severity="error">{restore.error}</Alert>}
          <Typography variant="h6" component="h2">
            不恢复，从现有数据继续
          </Typography>
          <Stack component="form" spacing={2} onSubmit={(e) => void submitEmpty(e)} aria-label="从空白开始">
            <Typography color="text.secondary">
              丢失的记录将无法再找回。此操作需要站长/管理员的密码或
              PIN（以本机记录的管理员账号为准；本机没有记录管理员时，可先在上方选择一份备份，以备份中的账号为准），并会以该管理员的名义记入操作日志。确认请输入「
              {CONFIRM_WORDS}」。
            </Typography>
            <AdminPinField
              label="站长/管理员 PIN（从空白开始）"
              value={emptyPin}
              onChange={setEmptyPin}
              error={empty.field === 'pin' ? empty.error : null}
            />
            <TextField
              label="确认文字"
              value={confirmWords}
              onChange={(e) => setConfirmWords(e.target.value)}
              autoComplete="off"
            />
            {empty.error && empty.field !== 'pin' && <Alert severity="error">{empty.error}</Alert>}
            <Button
              type="submit"
              color="error"
              variant="outlined"
              disabled={empty.busy}
              sx={{ alignSelf: 'flex-start' }}
            >
              从空白开始
            </Button>
          </Stack>
        </Stack>
      </Paper>
    </Box>
  );
}
