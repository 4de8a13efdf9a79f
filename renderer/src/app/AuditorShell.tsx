/**
 * The desk of an account without the desk's work (审计员): the top bar and the audit log, nothing
 * else — no section, no resident, no case is reachable from here (and the data layer refuses
 * their writes whatever is called). The desk PC is shared, so the auditor locks it like everyone
 * else: the 锁屏 button and Ctrl+L (the shell is inside DeskLock).
 */
import { AppBar, Box, Toolbar, Typography } from '@mui/material';
import { Suspense } from 'react';
import { Loading } from '../components/Loading';
import { AuditLogPage } from './lazyPages';
import { SignOutButton } from './SignOutButton';
import { LockButton } from './deskLock';
import { useDesk } from './desk';
import { useStaff } from './session';

export function AuditorShell() {
  const { community } = useDesk();
  const staff = useStaff();
  return (
    <Box>
      <AppBar position="fixed">
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            社区值班台 · {community.name}
          </Typography>
          <Typography component="div" aria-label="当前值班人员">
            {staff.name}（{staff.role}）
          </Typography>
          <LockButton />
          <SignOutButton />
        </Toolbar>
      </AppBar>
      <Box component="main" sx={{ p: 3 }}>
        <Toolbar />
        <Suspense fallback={<Loading />}>
          <AuditLogPage />
        </Suspense>
      </Box>
    </Box>
  );
}
