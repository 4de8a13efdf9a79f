/**
 * 再次导出报送包: the period's package was already made (on this desk or another of the center).
 * A 站长 may need it again — the file was lost, a desk's late data came in, a correction — so it
 * is allowed, but only after reading who made it, and the audit row says it is a repeat.
 */
import type { FormEvent } from 'react';
import { Alert, Typography } from '@mui/material';
import { FormDialog } from '../../components/FormDialog';

type Props = {
  exported: string;
  onConfirm: () => Promise<boolean>;
  onClose: () => void;
  busy: boolean;
  error: string | null;
};

export function ReexportDialog({ exported, onConfirm, onClose, busy, error }: Props) {
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await onConfirm()) onClose();
  }
  return (
    <FormDialog
      title="再次导出报送包"
      submitLabel="仍要再次导出"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={error}
    >
      <Alert severity="warning">{exported}</Alert>
      <Typography>
        报送包每期由本中心导出一份即可。再次导出会生成新的一份（含各窗口此刻已同步的数据），并记入操作日志；如上一份已报送街道，请告知街道以哪一份为准。
      </Typography>
    </FormDialog>
  );
}
