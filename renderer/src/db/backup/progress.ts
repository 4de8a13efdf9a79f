/**
 * How far a backup, 检查备份 or a restore has got (shown as a determinate bar with the table and
 * the count: features/backup/BackupProgressBar.tsx). Reported per page of rows read, per chunk
 * sealed or opened, per batch written.
 */
export type BackupStep = 'read' | 'seal' | 'open' | 'write';

export type BackupProgress = { step: BackupStep; table: string; done: number; total: number };

export type OnBackupProgress = (p: BackupProgress) => void;

/** What each step is called on screen. */
export const BACKUP_STEP_TEXT: Record<BackupStep, string> = {
  read: '读取数据',
  seal: '压缩加密',
  open: '解密校验',
  write: '写入数据',
};
