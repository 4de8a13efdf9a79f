/** The setup's first question (issue 27): a community's desk (社区) or a street office's (街道). */
import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup } from '@mui/material';
import type { InstallKind } from '@shared/domain/street/install';
import type { StepProps } from './stepProps';

const HINTS: Record<InstallKind, string> = {
  社区: '社区（党群服务中心）值班台：来访登记、办件、居民、周报',
  街道: '街道办事处：接收各社区周报、汇总、吹哨事项',
};

export function KindChoice({ form, update }: Pick<StepProps, 'form' | 'update'>) {
  return (
    <FormControl>
      <FormLabel id="install-kind">本机用于</FormLabel>
      <RadioGroup
        row
        aria-labelledby="install-kind"
        value={form.kind}
        onChange={(e) => update({ kind: e.target.value as InstallKind })}
      >
        {(['社区', '街道'] as const).map((k) => (
          <FormControlLabel key={k} value={k} control={<Radio />} label={`${k}（${HINTS[k]}）`} />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
