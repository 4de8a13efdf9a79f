/** 汇总 of a street office (issue 27): owned by the summary part; this heading stands until it lands. */
import { Typography } from '@mui/material';

export function StreetSummaryPage() {
  return (
    <Typography variant="h4" component="h1">
      汇总
    </Typography>
  );
}
