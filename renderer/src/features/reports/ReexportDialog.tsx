/**
 * The ONE confirm before a period's report is exported again in a format it was already exported
 * in (on this desk or another of the center): the JSON 报送包, Excel, a CSV part, the PDF or the
 * printed summary. A 站长 may need it again — the file was lost, a desk's late data came in, a
 * correction — so it is allowed, but only after reading who made it; the audit row says it is a repeat.
 */
import type { FormEvent } from 'react';
import { Alert, Typography } from '@mui/material';
import type { ReportExportFormat } from '@shared/domain/records';
import { FormDialog } from '../../components/FormDialog';
import { reexportTexts } from './exportFormats';

type Props = {
  format: ReportExportFormat;
  exported: string;
  onConfirm: () => Promise<boolean>;
  onClose: () => void;
  busy: boolean;
  error: string | null;
};

export function ReexportDialog({ format, exported, onConfirm, onClose, busy, error }: Props) {
  const texts = reexportTexts(format);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await onConfirm()) onClose();
  }
  return (
    <FormDialog
      title={texts.title}
      submitLabel={texts.submit}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={error}
    >
      <Alert severity="warning">{exported}</Alert>
      <Typography>{texts.why}</Typography>
    </FormDialog>
  );
}
