/**
 * Who is at the desk and their PIN, then the refusal and the button: the sign-in page and the
 * lock screen ask the same way (a native select, the PIN field focused, one alert).
 */
import type { ReactNode } from 'react';
import { Alert, Button, FormControl, InputLabel, NativeSelect, OutlinedInput } from '@mui/material';
import type { Staff } from '@shared/domain/records';

type Props = {
  /** Id prefix of the two fields (signin, lock). */
  id: string;
  people: readonly Pick<Staff, 'id' | 'name' | 'role'>[];
  staffId: string;
  onStaff: (id: string) => void;
  secret: string;
  onSecret: (s: string) => void;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  /** An option before the people (e.g. 请选择). */
  placeholder?: ReactNode;
};

export function StaffPinFields(p: Props) {
  return (
    <>
      <FormControl>
        <InputLabel shrink htmlFor={`${p.id}-staff`}>
          值班人员
        </InputLabel>
        <NativeSelect
          value={p.staffId}
          onChange={(e) => p.onStaff(e.target.value)}
          inputProps={{ id: `${p.id}-staff` }}
          input={<OutlinedInput notched label="值班人员" />}
        >
          {p.placeholder}
          {p.people.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}（{s.role}）
            </option>
          ))}
        </NativeSelect>
      </FormControl>
      <FormControl>
        <InputLabel htmlFor={`${p.id}-secret`}>密码或 PIN</InputLabel>
        <OutlinedInput
          id={`${p.id}-secret`}
          label="密码或 PIN"
          type="password"
          autoFocus
          autoComplete="current-password"
          value={p.secret}
          onChange={(e) => p.onSecret(e.target.value)}
        />
      </FormControl>
      {p.error && (
        <Alert severity="error" role="alert">
          {p.error}
        </Alert>
      )}
      <Button type="submit" variant="contained" disabled={p.busy}>
        {p.busy ? '正在验证…' : p.submitLabel}
      </Button>
    </>
  );
}
