/**
 * The 来访登记 section: the registration form and today's register, as two tabs.
 */
import { Tab, Tabs } from '@mui/material';
import { Link, Route, Routes, useLocation } from 'react-router';
import type { CommunityProfile } from '@shared/domain/records';
import { IntakePage } from './IntakePage';
import { TodayRegister } from './TodayRegister';

export function IntakeSection({ community }: { community: CommunityProfile }) {
  const { pathname } = useLocation();
  return (
    <>
      <Tabs value={pathname.endsWith('/today') ? 'today' : 'new'} sx={{ mb: 2 }} aria-label="来访登记">
        <Tab value="new" label="登记" component={Link} to="/intake" />
        <Tab value="today" label="今日来访台账" component={Link} to="/intake/today" />
      </Tabs>
      <Routes>
        <Route index element={<IntakePage community={community} />} />
        <Route path="today" element={<TodayRegister community={community} />} />
      </Routes>
    </>
  );
}
