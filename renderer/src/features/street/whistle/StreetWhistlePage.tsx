/** 吹哨事项 of a street office (issue 27): owned by the whistle part; this heading stands until it lands. */
import { Typography } from '@mui/material';

export function StreetWhistlePage() {
  return (
    <Typography variant="h4" component="h1">
      吹哨事项
    </Typography>
  );
}
