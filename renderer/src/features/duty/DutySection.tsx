/**
 * 值班 (Alt+8): the section the desk is named after (issue 26). Four views, one file each:
 * the week rota (值班表), the 走访岗's home-visit log (走访记录), the shift hand-over notes
 * (交接班) and the monthly off-hours table (错时服务).
 */
import { useState } from 'react';
import { Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { HandoverTab } from './HandoverTab';
import { OffHoursTab } from './OffHoursTab';
import { RotaTab } from './RotaTab';
import { VisitLogTab } from './VisitLogTab';

type View = 'rota' | 'visits' | 'handover' | 'offHours';

const VIEWS: readonly { value: View; label: string }[] = [
  { value: 'rota', label: '值班表' },
  { value: 'visits', label: '走访记录' },
  { value: 'handover', label: '交接班' },
  { value: 'offHours', label: '错时服务' },
];

export function DutySection() {
  const [view, setView] = useState<View>('rota');
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        值班
      </Typography>
      <Tabs value={view} onChange={(_, v: View) => setView(v)} aria-label="值班视图">
        {VIEWS.map((v) => (
          <Tab key={v.value} value={v.value} label={v.label} />
        ))}
      </Tabs>
      <Paper sx={{ p: 2 }}>
        {view === 'rota' && <RotaTab />}
        {view === 'visits' && <VisitLogTab />}
        {view === 'handover' && <HandoverTab />}
        {view === 'offHours' && <OffHoursTab />}
      </Paper>
    </Stack>
  );
}
