import { TextField } from '@mui/material';

type Props = {
  label: string;
  value: string;
  options: [value: string, label: string][];
  onChange: (value: string) => void;
  /** The first option, meaning "no choice" (default '全部'). */
  emptyLabel?: string;
};

/** A list filter: '全部' plus the options; native select for speed with the keyboard. */
export function FilterSelect({ label, value, options, onChange, emptyLabel = '全部' }: Props) {
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ maxWidth: 220 }}
    >
      <option value="">{emptyLabel}</option>
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </TextField>
  );
}

/** Options whose value is their own label (a fixed list of words). */
export const plainOptions = (values: readonly string[]): [string, string][] => values.map((v) => [v, v]);

/** A staff member picked by name (the value is their id): 送达人, 接收人, 同去工作人员, a list's filter. */
export function StaffSelect({
  staff,
  ...select
}: Omit<Props, 'options'> & { staff: readonly { id: string; name: string }[] }) {
  return <FilterSelect {...select} options={staff.map((s) => [s.id, s.name])} />;
}
