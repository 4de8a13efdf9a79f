/**
 * The 来访登记 section: the registration form and today's register, as two tabs.
 */
import { Tab, Tabs } from '@mui/material';
import { Link, useLocation } from 'react-router';
import { IntakePage } from './IntakePage';
import { TodayRegister } from './TodayRegister';

export function IntakeSection() {
  const { pathname } = useLocation();
  const onRegister = pathname.endsWith('/today');
  return (
    <>
      <Tabs value={onRegister ? 'today' : 'new'} sx={{ mb: 2 }} aria-label="来访登记">
        <Tab value="new" label="登记" component={Link} to="/intake" />
        <Tab value="today" label="今日来访台账" component={Link} to="/intake/today" />
      </Tabs>
      {/* The form stays mounted (hidden) while the register is shown: a clerk checking the
          register during a call does not lose what they typed. */}
      <div hidden={onRegister}>
        <IntakePage active={!onRegister} />
      </div>
      {onRegister && <TodayRegister />}
    </>
  );
}
