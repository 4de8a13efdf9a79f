/** A street install's first step: the street's name (as the communities set it as 所属街道) and code. */
import { Stack, TextField } from '@mui/material';
import { fieldState, type StepProps } from './stepProps';

export function StreetStep({ form, errors, update }: StepProps) {
  return (
    <Stack spacing={2}>
      <TextField
        label="街道名称"
        autoFocus
        value={form.streetName}
        onChange={(e) => update({ streetName: e.target.value })}
        {...fieldState(errors, 'streetName', '与各社区在“社区信息 → 所属街道”中填写的一致，如：岳麓街道')}
      />
      <TextField
        label="街道代码"
        value={form.streetCode}
        onChange={(e) => update({ streetCode: e.target.value })}
        {...fieldState(errors, 'streetCode', '2–8 位大写字母或数字，用于备份文件名，如 YLJD')}
      />
    </Stack>
  );
}
