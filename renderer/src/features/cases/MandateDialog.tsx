/**
 * 打印委托书: who goes to the home (the clerk and, by default rule, a second staff member), and
 * whether the resident's ID number prints in full — only after a reveal logged with the reason
 * 打印委托书; otherwise a blank line for the resident to fill in.
 */
import { useState, type FormEvent } from 'react';
import { Checkbox, FormControlLabel } from '@mui/material';
import type { CaseRecord, Resident, Staff } from '@shared/domain/records';
import { renderMandate } from '@shared/receipts/proxyMandate';
import { FilterSelect } from '../../components/FilterSelect';
import { FormDialog } from '../../components/FormDialog';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { revealResidentField } from '../../db/repositories/residents';
import { platform } from '../../platform';

type Props = {
  record: CaseRecord;
  resident?: Resident;
  staff: readonly Staff[];
  documents: readonly string[];
  onClose: () => void;
};

export const MANDATE_REVEAL_REASON = '打印委托书';

export function MandateDialog({ record, resident, staff, documents, onClose }: Props) {
  const desk = useDesk();
  const me = staff.find((s) => s.id === desk.actor.id);
  const others = staff.filter((s) => s.active && s.id !== desk.actor.id);
  const [second, setSecond] = useState(others[0]?.id ?? '');
  const [fullId, setFullId] = useState(false);
  const { run, error, busy } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      const idNumber =
        fullId && resident
          ? await revealResidentField(desk, resident.id, 'idNumber', MANDATE_REVEAL_REASON)
          : undefined;
      const trustees = [me?.name ?? '', staff.find((s) => s.id === second)?.name ?? ''].filter(Boolean);
      const html = renderMandate({
        communityName: desk.community.name,
        trackingNumber: record.trackingNumber,
        matterName: record.matterName,
        residentName: resident?.name ?? '',
        idNumber,
        trustees,
        documents,
        day: desk.clock.today(),
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
      <FilterSelect
        label="同去工作人员"
        value={second}
        emptyLabel="（无，一人上门）"
        options={others.map((s) => [s.id, s.name])}
        onChange={setSecond}
      />
      <FormControlLabel
        control={<Checkbox checked={fullId} onChange={(e) => setFullId(e.target.checked)} />}
        label="打印完整身份证号（记入操作日志，原因：打印委托书）；不勾选则留空由居民手写"
      />
    </FormDialog>
  );
}
