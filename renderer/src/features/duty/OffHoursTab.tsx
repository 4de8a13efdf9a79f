/** 错时服务 (issue 26): being built; until then the view says so. */
import { Typography } from '@mui/material';

export function OffHoursTab() {
  return <Typography>错时服务尚在建设中。</Typography>;
}
