/**
 * On the 工作台: when the last good backup was made, and a warning — until a backup succeeds —
 * after a failed one; in the browser build a reminder when none was saved today. Only those
 * who may back up (`data.backup`) get the warning and the reminder with 去备份; in the desktop
 * app the others are told of a failed automatic backup, to pass on — and everyone that the
 * backup folder kept by an earlier version was refused at start (main uses the default).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Typography } from '@mui/material';
import type { FolderRefusedAtStart } from '@shared/ipc/contract';
import { platform } from '../../platform';
import { Link as RouterLink } from 'react-router';
import { automaticBackups, useBackupState } from '../../app/backup';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { can, holdersOf } from '@shared/domain/roles';
import { backupTime } from './BackupParts';

const REFUSED_FOLDER: Record<FolderRefusedAtStart, string> = {
  system: '是系统文件夹',
  notWritable: '值班台不能写入',
};

/** Why main refused the kept backup folder at start (the desktop app), or null. */
function useFolderRefusedAtStart(): FolderRefusedAtStart | null {
  const [refused, setRefused] = useState<FolderRefusedAtStart | null>(null);
  useEffect(() => {
    if (!automaticBackups) return;
    let live = true;
    void platform
      .backupStatus()
      .then((s) => live && setRefused(s.folderRefusedAtStart ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return refused;
}

export function BackupNotice() {
  const desk = useDesk();
  const { lastGood, lastFailure } = useBackupState();
  const mayBackUp = can(useStaff(), 'data.backup');
  const folderRefused = useFolderRefusedAtStart();
  const today = desk.clock.today();
  const goodToday = lastGood !== null && desk.clock.today(lastGood.at) === today;
  const action = (
    <Button component={RouterLink} to="/settings?tab=数据备份" color="inherit">
      去备份
    </Button>
  );
  return (
    <>
      <Typography sx={{ mt: 1 }} aria-label="上次成功备份">
        上次成功备份：{lastGood ? backupTime(lastGood.at) : '还没有备份'}
      </Typography>
      {folderRefused && (
        <Alert severity="warning" sx={{ mt: 1 }} action={mayBackUp ? action : undefined}>
          原来设置的备份文件夹{REFUSED_FOLDER[folderRefused]}，备份已改存到默认位置。
          {mayBackUp ? '请' : `请告知${holdersOf('data.backup')}`}在「设置 → 数据备份」重新选择备份位置。
        </Alert>
      )}
      {lastFailure && !mayBackUp && automaticBackups ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          {backupTime(lastFailure.at)} 的自动备份没有成功（之前的备份不受影响）。请告知{holdersOf('data.backup')}
          检查备份位置。
        </Alert>
      ) : lastFailure && mayBackUp ? (
        <Alert severity="error" sx={{ mt: 1 }} action={action}>
          {backupTime(lastFailure.at)} 的备份没有成功（之前的备份不受影响）。请尽快重新备份。
        </Alert>
      ) : (
        mayBackUp &&
        !automaticBackups &&
        !goodToday && (
          <Alert severity="warning" sx={{ mt: 1 }} action={action}>
            今天还没有保存备份文件。浏览器版的备份需要手动下载保存。
          </Alert>
        )
      )}
    </>
  );
}
