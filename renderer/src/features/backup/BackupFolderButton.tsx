/**
 * 更改备份位置 (Electron): main's folder dialog; main keeps the answer only if it is a folder it
 * can write that is not a system folder — otherwise it says why, here.
 */
import { useState } from 'react';
import { Alert, Button, Stack } from '@mui/material';
import type { BackupStatus, ChooseFolderResult } from '@shared/ipc/contract';
import { platform } from '../../platform';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { chooseBackupFolder } from '../../db/backup/rights';

export const FOLDER_REFUSED: Record<NonNullable<Extract<ChooseFolderResult, { chosen: false }>['refused']>, string> = {
  system:
    '不能把备份放在系统文件夹（如 C:\\Windows、Program Files、/etc、/usr）中，请选择 U 盘、网络盘或“文档”下的文件夹。',
  notWritable: '值班台不能写入这个文件夹（没有写入权限或只读），请选择其他文件夹。',
  notFolder: '所选位置不是一个存在的文件夹，请重新选择。',
};

export function BackupFolderButton({ onChanged }: { onChanged: (status: BackupStatus) => void }) {
  const desk = useDesk();
  const [refused, setRefused] = useState<string | null>(null);
  const { run, error } = useGuardedAction();
  const choose = () =>
    run(async () => {
      // The data layer checks data.backup before main opens its dialog.
      const result = await chooseBackupFolder(desk, platform);
      setRefused(!result.chosen && result.refused ? FOLDER_REFUSED[result.refused] : null);
      onChanged(await platform.backupStatus());
    });
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button onClick={() => void choose()}>更改备份位置</Button>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {refused && (
        <Alert severity="error" role="alert">
          {refused}
        </Alert>
      )}
    </Stack>
  );
}
