/**
 * Pieces the backup screens share: picking a backup file, what a backup holds (shown before
 * it is restored), the passphrase warning, and the time of a backup in words.
 */
import type { ReactNode } from 'react';
import { Alert, TextField, Typography } from '@mui/material';
import type { BackupHeader } from '@shared/backup/format';
import { TABLE_NAMES } from '../../db/tableNames';
import { PickTextFile } from '../../components/PickTextFile';
import { PASSPHRASE_HINT, passphraseProblem, type PassphraseContext } from '@shared/backup/passphrase';

/** What a backup's summary counts. */
const COUNTED = ['residents', 'visits', 'cases', 'caseEvents', 'auditLog'] as const;

export function backupTime(ms: number): string {
  return new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** 「2026/11/24 17:30:00 制作，居民 2,000 条、来访 …」 */
export function BackupSummary({ header, maker }: { header: BackupHeader; maker?: string }) {
  const counts = COUNTED.map((t) => `${TABLE_NAMES[t]} ${(header.counts[t] ?? 0).toLocaleString('zh-CN')} 条`).join(
    '、',
  );
  return (
    <Typography role="status">
      {backupTime(header.createdAt)} 制作{maker ? `（制作人：${maker}）` : ''}，数据版本 {header.schema}；{counts}。
    </Typography>
  );
}

export const PASSPHRASE_WARNING =
  '备份密码用于在其他电脑上恢复备份，本机恢复不需要它。备份密码丢失后，其他电脑将无法打开这些备份，任何人（包括开发者）都无法找回。请写下来交站长另行妥善保管，不要存放在本电脑上。';

/** A button that opens the file chooser for a .ddbak file and hands over its text. */
export function PickBackupFile(props: {
  label: ReactNode;
  onText: (text: string, name: string) => void;
  disabled?: boolean;
}) {
  return <PickTextFile accept=".ddbak" {...props} />;
}

export type NewPassphrase = { passphrase: string; again: string };
export const NO_PASSPHRASE: NewPassphrase = { passphrase: '', again: '' };

/**
 * What is wrong with a new backup passphrase, or null: the rule of shared/backup/passphrase.ts
 * (the data layer checks it again, with the community and the admins' names).
 */
export function newPassphraseProblem(p: NewPassphrase, context?: PassphraseContext): string | null {
  return passphraseProblem(p, context)?.message ?? null;
}

/** Setting the backup passphrase (at the first backup), with what losing it means. */
export function NewPassphraseFields({
  value,
  onChange,
}: {
  value: NewPassphrase;
  onChange: (v: NewPassphrase) => void;
}) {
  return (
    <>
      <Alert severity="info">{PASSPHRASE_WARNING}</Alert>
      <TextField
        label="设置备份密码"
        type="password"
        value={value.passphrase}
        onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
        helperText={`${PASSPHRASE_HINT}。以后可由管理员更改`}
        autoComplete="new-password"
      />
      <TextField
        label="再次输入备份密码"
        type="password"
        value={value.again}
        onChange={(e) => onChange({ ...value, again: e.target.value })}
        autoComplete="new-password"
      />
    </>
  );
}

/** The passphrase of a backup being restored: not needed for a backup made on this machine. */
export function RestorePassphraseField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <TextField
      label="备份密码"
      type="password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      helperText="本机制作的备份可不填；其他电脑制作的备份须填写制作时设置的备份密码"
      autoComplete="off"
    />
  );
}

/** A 站长/管理员 PIN asked before sign-in (数据丢失, 升级前备份): masked, its refusal at the field. */
export function AdminPinField({
  label = '站长/管理员的密码或 PIN',
  value,
  onChange,
  error,
  hint,
}: {
  label?: string;
  value: string;
  onChange: (v: string) => void;
  /** The refusal of this field, if any. */
  error?: string | null;
  hint?: string;
}) {
  return (
    <TextField
      label={label}
      type="password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="off"
      error={!!error}
      helperText={error ?? hint}
    />
  );
}
