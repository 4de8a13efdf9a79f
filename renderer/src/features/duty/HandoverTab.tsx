/** 交接班 (issue 26): being built; until then the view says so. */
import { Typography } from '@mui/material';

export function HandoverTab() {
  return <Typography>交接班尚在建设中。</Typography>;
}
