/** Add a community to the 社区名单, or change one (its code stays: its packages carry it). */
import { useState, type FormEvent } from 'react';
import { TextField } from '@mui/material';
import type { StreetCommunity } from '@shared/domain/records';
import { checkStreetCommunity, type StreetCommunityInput } from '@shared/domain/street/communities';
import { FormDialog } from '../../../components/FormDialog';
import { useDesk } from '../../../app/desk';
import { useGuardedAction } from '../../../app/useGuardedAction';
import { saveStreetCommunity } from '../../../db/repositories/street/communities';

const FIELDS: { key: keyof StreetCommunityInput; label: string; helper: string }[] = [
  { key: 'name', label: '社区名称', helper: ' ' },
  { key: 'code', label: '社区代码', helper: '与该社区周报中的代码一致，如 YLQ' },
  { key: 'contact', label: '联系人', helper: '社区办公室的联系人' },
  { key: 'phone', label: '办公电话', helper: '社区办公室的电话' },
];

export function CommunityDialog({ target, onClose }: { target: StreetCommunity | null; onClose: () => void }) {
  const desk = useDesk();
  const [form, setForm] = useState<StreetCommunityInput>(
    target
      ? { name: target.name, code: target.code, contact: target.contact, phone: target.phone }
      : { name: '', code: '', contact: '', phone: '' },
  );
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const { run, error, field, busy } = useGuardedAction();
  const shown = local ?? (error && field ? { field, message: error } : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = checkStreetCommunity(form);
    if (!checked.ok) return setLocal({ field: checked.field, message: checked.message });
    setLocal(null);
    if (await run(() => saveStreetCommunity(desk, form, target?.code))) onClose();
  }

  return (
    <FormDialog
      title={target ? `修改社区：${target.name}` : '添加社区'}
      submitLabel="保存"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={error && !field ? error : null}
    >
      {FIELDS.map(({ key, label, helper }, i) => (
        <TextField
          key={key}
          label={label}
          autoFocus={i === 0}
          value={form[key]}
          disabled={key === 'code' && target !== null}
          onChange={(e) => {
            setForm({ ...form, [key]: e.target.value });
            if (shown?.field === key) setLocal(null);
          }}
          error={shown?.field === key}
          helperText={shown?.field === key ? shown.message : helper}
        />
      ))}
    </FormDialog>
  );
}
