/**
 * One field in a small form (a community setting, a staff member's 工号): the message of a
 * refusal shown at the field.
 */
import { useState, type FormEvent } from 'react';
import { TextField } from '@mui/material';
import { FormDialog } from './FormDialog';
import { useGuardedAction } from '../app/useGuardedAction';

type FieldProps = {
  title: string;
  label: string;
  initial: string;
  helper: string;
  field: string;
  save: (value: string) => Promise<void>;
  onClose: () => void;
};

export function FieldDialog({ title, label, initial, helper, field: name, save, onClose }: FieldProps) {
  const [value, setValue] = useState(initial);
  const { run, error, field, busy } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => save(value))) onClose();
  }
  return (
    <FormDialog
      title={title}
      submitLabel="保存"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={field === name ? null : error}
    >
      <TextField
        label={label}
        autoFocus
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={field === name}
        helperText={field === name ? error : helper}
      />
    </FormDialog>
  );
}
