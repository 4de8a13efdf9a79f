/** 值班表 (issue 26): being built; until then the view says so. */
import { Typography } from '@mui/material';

export function RotaTab() {
  return <Typography>值班表尚在建设中。</Typography>;
}
