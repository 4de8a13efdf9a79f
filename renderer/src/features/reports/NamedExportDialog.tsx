/**
 * 实名台账: the ledgers with full names, ID numbers and phones — for a street office that asked
 * for exactly that. Only an admin sees this, and the reason typed here goes into the audit log
 * with the export.
 */
import { useState, type FormEvent } from 'react';
import { Alert, TextField } from '@mui/material';
import { FormDialog } from '../../components/FormDialog';
import { MIN_REASON_CHARS } from '../../db/repositories/reportExports';

type Props = {
  onSubmit: (reason: string) => Promise<boolean>;
  onClose: () => void;
  busy: boolean;
  error: string | null;
  field?: string;
};

export function NamedExportDialog({ onSubmit, onClose, busy, error, field }: Props) {
  const [reason, setReason] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await onSubmit(reason)) onClose();
  }
  return (
    <FormDialog
      title="导出实名台账"
      submitLabel="导出实名台账"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={field === 'reason' ? null : error}
    >
      <Alert severity="warning">
        实名台账含居民完整姓名、身份证号和电话，只在街道明确要求时导出；导出人、时间、行数和原因记入操作日志。文件请妥善保管，用后删除。
      </Alert>
      <TextField
        label="导出原因"
        autoFocus
        multiline
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={field === 'reason'}
        helperText={field === 'reason' ? error : `如：街道核查低保复审名单（至少 ${MIN_REASON_CHARS} 个字）`}
      />
    </FormDialog>
  );
}
