/**
 * 数据备份 of a street office (issue 27): the same backup and restore as a community's 设置 →
 * 数据备份 (features/backup). A street backup holds only what the street keeps (its tables, its
 * accounts); it restores only on a street install (db/backup/restore.ts).
 */
import { Stack, Typography } from '@mui/material';
import { BackupSection } from '../../backup/BackupSection';

export function StreetBackupPage() {
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        数据备份
      </Typography>
      <BackupSection />
    </Stack>
  );
}
