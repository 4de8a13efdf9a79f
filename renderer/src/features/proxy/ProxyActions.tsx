/**
 * The buttons of a proxy request's next steps (the rules' allowed actions) and the dialog each
 * opens; 受理 of a 待确认 request opens the choice of its matter.
 */
import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import { allowedProxyActions } from '@shared/domain/proxy';
import type { ProxyTask, Resident, Staff } from '@shared/domain/records';
import { AcceptRequestDialog } from './AcceptRequestDialog';
import { ProxyActionDialog, proxyActionLabel, type ProxyDialogType } from './ProxyActionDialog';

type Props = { task: ProxyTask; resident?: Resident; staff: readonly Staff[]; caseArchived?: boolean };

export function ProxyActions({ task, resident, staff, caseArchived }: Props) {
  const [open, setOpen] = useState<ProxyDialogType | '受理' | null>(null);
  if (caseArchived) return null;
  const who = resident?.name ?? '';
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
      {allowedProxyActions(task).map((t) => (
        <Button
          key={t}
          size="small"
          variant={t === '受理' || t === '预约上门' ? 'contained' : 'outlined'}
          onClick={() => setOpen(t)}
          aria-label={`${t === '受理' ? '确认事项并受理' : proxyActionLabel(t)}${who ? `：${who}` : ''}`}
        >
          {t === '受理' ? '确认事项并受理' : proxyActionLabel(t)}
        </Button>
      ))}
      {open === '受理' && <AcceptRequestDialog task={task} onClose={() => setOpen(null)} />}
      {open && open !== '受理' && (
        <ProxyActionDialog type={open} task={task} staff={staff} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}
