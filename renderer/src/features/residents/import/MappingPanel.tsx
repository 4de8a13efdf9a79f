/**
 * The file's layout as the clerk confirms it: the header row (guessed; any of the first rows
 * can be chosen), the column of each field (guessed from the header text and the last import),
 * and what to do with residents already on file.
 */
import { FormControlLabel, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import { maskNumbersInText } from '@shared/domain/masking';
import {
  FIELD_SPECS,
  HEADER_SEARCH_ROWS,
  IMPORT_FIELDS,
  type ColumnMapping,
  type Sheet,
} from '@shared/residentImport/columns';
import { cellText } from '@shared/residentImport/rows';
import { FilterSelect } from '../../../components/FilterSelect';

type Props = {
  sheet: Sheet;
  headerRow: number;
  onHeaderRow: (n: number) => void;
  mapping: ColumnMapping;
  onMapping: (m: ColumnMapping) => void;
  mode: 'skip' | 'update';
  onMode: (m: 'skip' | 'update') => void;
};

const rowText = (cells: Sheet[number]) =>
  maskNumbersInText(cells.map(cellText).filter(Boolean).slice(0, 5).join(' | ')).slice(0, 60);

export function MappingPanel({ sheet, headerRow, onHeaderRow, mapping, onMapping, mode, onMode }: Props) {
  const header = sheet[headerRow] ?? [];
  const columns: [string, string][] = header.map((h, i) => [
    String(i),
    `第 ${i + 1} 列：${cellText(h) || '（无标题）'}`,
  ]);
  const rows: [string, string][] = sheet
    .slice(0, HEADER_SEARCH_ROWS)
    .map((cells, i) => [String(i), `第 ${i + 1} 行：${rowText(cells) || '（空行）'}`]);
  return (
    <Stack spacing={2}>
      <FilterSelect
        label="表头所在行"
        value={String(headerRow)}
        options={rows}
        onChange={(v) => v && onHeaderRow(Number(v))}
        emptyLabel="请选择"
      />
      <Typography variant="h6" component="h3">
        各栏目所在的列
      </Typography>
      <Stack sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 2 }}>
        {IMPORT_FIELDS.map((f) => (
          <FilterSelect
            key={f}
            label={FIELD_SPECS[f].label}
            value={mapping[f] === undefined ? '' : String(mapping[f])}
            options={columns}
            emptyLabel="（不导入）"
            onChange={(v) => {
              const next = { ...mapping };
              if (v === '') delete next[f];
              else next[f] = Number(v);
              onMapping(next);
            }}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography id="import-mode-label">已登记的居民（身份证号相同，或姓名和电话相同）：</Typography>
        <RadioGroup
          row
          aria-labelledby="import-mode-label"
          value={mode}
          onChange={(e) => onMode(e.target.value as 'skip' | 'update')}
        >
          <FormControlLabel value="skip" control={<Radio />} label="跳过，不改动" />
          <FormControlLabel value="update" control={<Radio />} label="用台账内容更新" />
        </RadioGroup>
      </Stack>
    </Stack>
  );
}
