/** Which desks' work the report covers (issue 24 item 7): one line per desk, with its cases and how recent its data is. */
import { Box, Typography } from '@mui/material';
import type { CoveredDesk } from '@shared/domain/records';
import type { KnownDesk } from '@shared/reports/centerDesks';
import { coverageLines } from './centerTexts';

export function CenterCoverage({ covered, known }: { covered: readonly CoveredDesk[]; known: readonly KnownDesk[] }) {
  return (
    <Box component="section" aria-labelledby="report-coverage">
      <Typography id="report-coverage" variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        本报表涵盖 {covered.length} 个窗口的工作
      </Typography>
      <Box component="ul" aria-label="涵盖的窗口" sx={{ m: 0, pl: 3 }}>
        {coverageLines(covered, known).map((line) => (
          <Typography component="li" key={line}>
            {line}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
