/**
 * 打印委托书: the 受托人 are the staff booked for the home visit (by name and 工号); before a booking,
 * the clerk and the colleague chosen here. The resident's ID prints in full only after a reveal
 * logged with the reason 打印委托书; otherwise a blank line for the resident to fill in.
 */
import { useState, type FormEvent } from 'react';
import { Checkbox, FormControlLabel, Typography } from '@mui/material';
import { proxySettings } from '@shared/domain/proxy';
import type { CaseRecord, ProxyTask, Resident, Staff } from '@shared/domain/records';
import { residentLabel } from '@shared/domain/residentStatus';
import { renderMandate } from '@shared/receipts/proxyMandate';
import { StaffSelect } from '../../components/FilterSelect';
import { FormDialog } from '../../components/FormDialog';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { revealResidentField } from '../../db/repositories/residents';
import { platform } from '../../platform';
import { localDateTime } from '../../app/clock';

type Props = {
  record: CaseRecord;
  task?: ProxyTask;
  resident?: Resident;
  staff: readonly Staff[];
  documents: readonly string[];
  onClose: () => void;
};

export const MANDATE_REVEAL_REASON = '打印委托书';

export function MandateDialog({ record, task, resident, staff, documents, onClose }: Props) {
  const desk = useDesk();
  const booked = task?.visit?.staffIds;
  const others = staff.filter((s) => s.active && s.id !== desk.actor.id);
  const [second, setSecond] = useState(others[0]?.id ?? '');
  const [fullId, setFullId] = useState(false);
  const { run, error, busy } = useGuardedAction();
  const going = booked ?? [desk.actor.id, second].filter(Boolean);
  const trustees = going.flatMap((id) => {
    const s = staff.find((x) => x.id === id);
    return s ? [{ name: s.name, staffNo: s.staffNo }] : [];
  });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      const idNumber =
        fullId && resident
          ? await revealResidentField(desk, resident.id, 'idNumber', MANDATE_REVEAL_REASON)
          : undefined;
      const html = renderMandate({
        communityName: desk.community.name,
        trackingNumber: record.trackingNumber,
        matterName: record.matterName,
        residentName: residentLabel(record.residentId, resident, (r) => r.name, ''),
        idNumber,
        trustees,
        documents,
        promises: proxySettings(desk.community).promises,
        day: desk.clock.today(),
        printedBy: staff.find((s) => s.id === desk.actor.id)?.name ?? '',
        printedAt: localDateTime(desk.clock.now()),
      });
      await platform.printHtml({ html, pageSize: 'A4' });
    });
    if (ok) onClose();
  }
  return (
    <FormDialog
      title="打印委托书"
      submitLabel="打印"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={error}
    >
      {booked ? (
        <Typography>受托人（预约上门的工作人员）：{trustees.map((t) => t.name).join('、')}</Typography>
      ) : (
        <StaffSelect
          label="同去工作人员"
          value={second}
          emptyLabel="（无，一人上门）"
          staff={others}
          onChange={setSecond}
        />
      )}
      <FormControlLabel
        control={<Checkbox checked={fullId} onChange={(e) => setFullId(e.target.checked)} />}
        label="打印完整身份证号（记入操作日志，原因：打印委托书）；不勾选则留空由居民手写"
      />
    </FormDialog>
  );
}
