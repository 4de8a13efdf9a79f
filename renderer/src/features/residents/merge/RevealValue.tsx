/**
 * A masked ID number or phone on the merge screen, with 查看完整（记录在案）: the admin says why
 * (RevealDialog), the data layer logs the reveal and returns the value, shown for a short while.
 */
import { useEffect, useState } from 'react';
import { Button } from '@mui/material';
import { useDesk } from '../../../app/desk';
import { RevealDialog, REMASK_AFTER_MS } from '../../../components/RevealDialog';
import { revealResidentField, type RevealableField } from '../../../db/repositories/residents';

type Props = {
  residentId: string;
  field: RevealableField;
  /** 身份证号 or 联系电话. */
  label: string;
  /** Whose value it is (档案一, 档案二), for the button's accessible name. */
  owner: string;
  masked: string;
};

export function RevealValue({ residentId, field, label, owner, masked }: Props) {
  const desk = useDesk();
  const [full, setFull] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!full) return;
    const t = setTimeout(() => setFull(null), REMASK_AFTER_MS);
    return () => clearTimeout(t);
  }, [full]);
  return (
    <>
      {full ?? masked}
      {!full && (
        <Button size="small" onClick={() => setAsking(true)} aria-label={`查看完整（记录在案）：${owner}的${label}`}>
          查看完整（记录在案）
        </Button>
      )}
      {asking && (
        <RevealDialog
          label={label}
          reveal={async (reason) => setFull(await revealResidentField(desk, residentId, field, reason))}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}
