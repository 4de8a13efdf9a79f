import { Chip } from '@mui/material';
import type { TimeLimitStatus } from '@shared/domain/timeLimit';

const COLOR = { 正常: 'default', 即将超期: 'warning', 已超期: 'error', 已暂停: 'info', 无时限: 'default' } as const;

/** Remaining working days of a case, coloured by urgency. */
export function TimeLimitChip({ status }: { status: TimeLimitStatus }) {
  return (
    <Chip
      size="small"
      color={COLOR[status.kind]}
      label={status.label}
      variant={status.kind === '正常' ? 'outlined' : 'filled'}
    />
  );
}
