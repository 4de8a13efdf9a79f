/**
 * The buttons of a proxy request's next steps (the rules' allowed actions) and the dialog each
 * opens; 受理 of a 待确认 request opens the choice of its matter. A queue row also prints the
 * 委托书 and records 收取材料 (issue 25 item 5: the clerk works from the queue); cancelling an
 * accepted request is on its case's page.
 */
import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import { allowedProxyActions, type ProxyActionType } from '@shared/domain/proxy';
import type { CaseRecord, ProxyTask, Resident, Staff } from '@shared/domain/records';
import { residentLabel } from '@shared/domain/residentStatus';
import { AcceptRequestDialog } from './AcceptRequestDialog';
import { CollectDialog } from './CollectDialog';
import { MandateDialog } from './MandateDialog';
import { ProxyActionDialog, proxyActionLabel, type ProxyDialogType } from './ProxyActionDialog';

type Props = {
  task: ProxyTask;
  resident?: Resident;
  staff: readonly Staff[];
  caseArchived?: boolean;
  /** In a queue row: the steps, the 委托书 and 收取材料 (取消 is on the case's page once it has one). */
  inQueue?: boolean;
  /** The request's case (a queue row's): its documents for 委托书 and 收取材料. */
  record?: CaseRecord;
};

const ON_CASE_PAGE: readonly ProxyActionType[] = ['取消'];
/** Before 送达: the 委托书 is printed and documents are collected. */
const COLLECTING: readonly ProxyTask['status'][] = ['待上门', '办理中'];

const labelOf = (t: ProxyActionType, task: ProxyTask) =>
  t === '受理' ? '确认事项并受理' : t === '预约上门' && task.visit ? '改约上门' : proxyActionLabel(t);

export function ProxyActions({ task, resident, staff, caseArchived, inQueue, record }: Props) {
  const [open, setOpen] = useState<ProxyDialogType | '受理' | '委托书' | '收取材料' | null>(null);
  if (caseArchived) return null;
  const who = residentLabel(task.residentId, resident, (r) => r.name, '');
  const papers = inQueue && record && record.status !== '已归档' && COLLECTING.includes(task.status) ? record : null;
  const documents = papers ? [...papers.documentsReceived, ...papers.documentsMissing] : [];
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
      {papers &&
        (['委托书', '收取材料'] as const).map((t) => (
          <Button
            key={t}
            size="small"
            variant="outlined"
            onClick={() => setOpen(t)}
            aria-label={`${t === '委托书' ? '打印委托书' : t}${who ? `：${who}` : ''}`}
          >
            {t === '委托书' ? '打印委托书' : t}
          </Button>
        ))}
      {open === '受理' && <AcceptRequestDialog task={task} onClose={() => setOpen(null)} />}
      {papers && open === '委托书' && (
        <MandateDialog
          record={papers}
          task={task}
          resident={resident}
          staff={staff}
          documents={documents}
          onClose={() => setOpen(null)}
        />
      )}
      {papers && open === '收取材料' && (
        <CollectDialog
          record={papers}
          documents={documents}
          taken={papers.documentsReceived}
          onClose={() => setOpen(null)}
        />
      )}
      {open && open !== '受理' && open !== '委托书' && open !== '收取材料' && (
        <ProxyActionDialog type={open} task={task} staff={staff} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}
