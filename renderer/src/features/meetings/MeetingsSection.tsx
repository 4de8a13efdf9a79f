/**
 * 联席会议 (Alt+5): the problem pool (问题库 — 诉求 cases from the desk, problems zone staff bring
 * from home visits, merged reports) and the weekly joint meetings, each with its agenda, decisions
 * and minutes on its own page (/meetings/:id). The tab is kept in the address (?tab=会议) so the
 * way back from a meeting lands on the list.
 */
import { Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { Route, Routes, useSearchParams } from 'react-router';
import { useDesk } from '../../app/desk';
import { poolCounts } from '../../db/repositories/problems';
import { MeetingList } from './MeetingList';
import { MeetingPage } from './MeetingPage';
import { ProblemPool } from './ProblemPool';

const VIEWS = ['问题库', '会议'] as const;
type View = (typeof VIEWS)[number];

export function MeetingsSection() {
  return (
    <Routes>
      <Route index element={<MeetingsHome />} />
      <Route path=":id" element={<MeetingPage />} />
    </Routes>
  );
}

function MeetingsHome() {
  const desk = useDesk();
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.find((v) => v === params.get('tab')) ?? '问题库';
  const counts = useLiveQuery(() => poolCounts(desk), [desk]);
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        联席会议
      </Typography>
      <Tabs
        value={view}
        onChange={(_, v: View) => setParams(v === '问题库' ? {} : { tab: v }, { replace: true })}
        aria-label="联席会议视图"
      >
        <Tab value="问题库" label={`问题库（在办 ${counts?.total ?? 0}）`} />
        <Tab value="会议" label="会议" />
      </Tabs>
      <Paper sx={{ p: 2 }}>{view === '问题库' ? <ProblemPool counts={counts} /> : <MeetingList />}</Paper>
    </Stack>
  );
}
