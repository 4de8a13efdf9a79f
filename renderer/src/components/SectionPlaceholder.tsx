import { Alert, Paper, Typography } from '@mui/material';
import type { Section } from '../app/sections';

/** A section that is not built yet says what it will hold — no fake data. */
export function SectionPlaceholder({ section }: { section: Section }) {
  return (
    <Paper sx={{ p: 4 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {section.label}
      </Typography>
      <Alert severity="info">
        <Typography>此功能正在建设中。这里将提供：{section.plan}</Typography>
      </Alert>
    </Paper>
  );
}
