/**
 * How far a backup, 检查备份 or a restore has got: a determinate bar (role progressbar, with its
 * Chinese name) and, in words, the step, the table and the count (db/backup/progress.ts).
 */
import { LinearProgress, Stack, Typography } from '@mui/material';
import { BACKUP_STEP_TEXT, type BackupProgress } from '../../db/backup/progress';
import { tableName } from '../../db/tableNames';

export function BackupProgressBar({ label, progress }: { label: string; progress: BackupProgress | null }) {
  if (!progress) return null;
  const percent = progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 100;
  const words = `${BACKUP_STEP_TEXT[progress.step]}：${tableName(progress.table)}，${progress.done.toLocaleString('zh-CN')} / ${progress.total.toLocaleString('zh-CN')} 条`;
  return (
    <Stack spacing={0.5}>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={label}
        aria-valuetext={`${percent}%，${words}`}
        sx={{ height: 8, borderRadius: 1 }}
      />
      <Typography variant="body2" aria-live="polite" sx={{ fontSize: 16 }}>
        {percent}% · {words}
      </Typography>
    </Stack>
  );
}
