/** 走访记录 (issue 26): being built; until then the view says so. */
import { Typography } from '@mui/material';

export function VisitLogTab() {
  return <Typography>走访记录尚在建设中。</Typography>;
}
