/**
 * On the 工作台: when the last good backup was made, and a warning — until a backup succeeds —
 * after a failed one; in the browser build a reminder when none was saved today. Only those
 * who may back up (`data.backup`) get the warning and the reminder with 去备份; in the desktop
 * app the others are told of a failed automatic backup, to pass on.
 */
import { Alert, Button, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { automaticBackups, useBackupState } from '../../app/backup';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { can, holdersOf } from '@shared/domain/roles';
import { backupTime } from './BackupParts';

export function BackupNotice() {
  const desk = useDesk();
  const { lastGood, lastFailure } = useBackupState();
  const mayBackUp = can(useStaff(), 'data.backup');
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
