/**
 * The buttons of a proxy request's next steps (the rules' allowed actions) and the dialog each
 * opens; 受理 of a 待确认 request opens the choice of its matter. A queue row shows the next step
 * only; cancelling an accepted request and the 委托书's return are on its case's page.
 */
import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import { allowedProxyActions, type ProxyActionType } from '@shared/domain/proxy';
import type { ProxyTask, Resident, Staff } from '@shared/domain/records';
import { residentLabel } from '@shared/domain/residentStatus';
import { AcceptRequestDialog } from './AcceptRequestDialog';
import { ProxyActionDialog, proxyActionLabel, type ProxyDialogType } from './ProxyActionDialog';

type Props = {
  task: ProxyTask;
  resident?: Resident;
  staff: readonly Staff[];
  caseArchived?: boolean;
  /** In a queue row: only the next step (取消 and 委托书回收 are on the case's page once it has one). */
  inQueue?: boolean;
};

const ON_CASE_PAGE: readonly ProxyActionType[] = ['取消', '委托书回收'];

const labelOf = (t: ProxyActionType, task: ProxyTask) =>
  t === '受理' ? '确认事项并受理' : t === '预约上门' && task.visit ? '改约上门' : proxyActionLabel(t);

export function ProxyActions({ task, resident, staff, caseArchived, inQueue }: Props) {
  const [open, setOpen] = useState<ProxyDialogType | '受理' | null>(null);
  if (caseArchived) return null;
  const who = residentLabel(task.residentId, resident, (r) => r.name, '');
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
      {allowedProxyActions(task)
        .filter((t) => !inQueue || !task.caseId || !ON_CASE_PAGE.includes(t))
        .map((t) => (
          <Button
            key={t}
            size="small"
            variant={t === '受理' || t === '预约上门' ? 'contained' : 'outlined'}
            onClick={() => setOpen(t)}
            aria-label={`${labelOf(t, task)}${who ? `：${who}` : ''}`}
          >
            {labelOf(t, task)}
          </Button>
        ))}
      {open === '受理' && <AcceptRequestDialog task={task} onClose={() => setOpen(null)} />}
      {open && open !== '受理' && (
        <ProxyActionDialog type={open} task={task} staff={staff} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}
