import type React from 'react';
/**
 * Choose a matter from the active catalog by typing its name, pinyin or initials.
 */
import { useMemo } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { matterHaystack, searchMatters } from '@shared/domain/matterSearch';
import type { MatterType } from '../../db/matterType';

type Props = {
  matters: MatterType[];
  value: MatterType | null;
  onChange: (m: MatterType | null) => void;
  label: string;
  error?: string;
  autoFocus?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
};

export function MatterPicker({ matters, value, onChange, label, error, autoFocus, inputRef }: Props) {
  const indexed = useMemo(() => matters.map((matter) => ({ matter, haystack: matterHaystack(matter) })), [matters]);
  return (
    <Autocomplete
      options={matters}
      value={value}
      onChange={(_, m) => onChange(m)}
      autoHighlight
      getOptionLabel={(m) => m.name}
      renderOption={({ key, ...props }, m) => (
        <li key={key} {...props}>
          {m.name}
          <span style={{ marginLeft: 12, opacity: 0.6 }}>
            {m.category} · {m.defaultMode}
            {m.timeLimitDays > 0 ? ` · ${m.timeLimitDays} 个工作日` : ''}
          </span>
        </li>
      )}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      filterOptions={(_, state) => searchMatters(indexed, state.inputValue, 30)}
      renderInput={(params) => (
        <TextField
          {...params}
          inputRef={inputRef}
          label={label}
          autoFocus={autoFocus}
          error={Boolean(error)}
          helperText={error ?? '输入事项名称、拼音或首字母，如 gljt'}
        />
      )}
    />
  );
}
