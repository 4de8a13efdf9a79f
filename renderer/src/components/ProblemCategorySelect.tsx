/** 问题类别 of a 诉求 or a pool problem: 请选择 and the categories, native for the keyboard. */
import { TextField } from '@mui/material';
import { PROBLEM_CATEGORIES, type ProblemCategory } from '@shared/domain/records';

type Props = {
  value: ProblemCategory | '';
  onChange: (c: ProblemCategory) => void;
  error: boolean;
  helperText: string | null | undefined;
};

export function ProblemCategorySelect({ value, onChange, error, helperText }: Props) {
  return (
    <TextField
      select
      label="问题类别"
      value={value}
      onChange={(e) => onChange(e.target.value as ProblemCategory)}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ minWidth: 160, maxWidth: 200 }}
      error={error}
      helperText={helperText}
    >
      <option value="">请选择</option>
      {PROBLEM_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </TextField>
  );
}
