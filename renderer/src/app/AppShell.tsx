/**
 * The signed-in frame: top bar (community, who is on duty, sign-out), the nine sections on
 * the left with Alt+1…9 shortcuts, and the routed page.
 */
import { AppBar, Box, Button, Drawer, List, ListItemButton, ListItemText, Toolbar, Typography } from '@mui/material';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { SectionPlaceholder } from '../components/SectionPlaceholder';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Suspense } from 'react';
import {
  AuditLogPage,
  CasesSection,
  DashboardPage,
  IntakeSection,
  MeetingsSection,
  ProxySection,
  ReportsSection,
  ResidentsSection,
  SettingsPage,
} from './lazyPages';
import { Loading } from '../components/Loading';
import { useDeskShortcuts } from './deskShortcuts';
import { SignOutButton } from './SignOutButton';
import { LockButton } from './deskLock';
import { SECTIONS } from './sections';
import { useDesk } from './desk';
import { useStaff } from './session';
import { can } from '@shared/domain/roles';
import { AuditorShell } from './AuditorShell';

const DRAWER_WIDTH = 200;
const BUILT = ['/intake', '/residents', '/cases', '/reports', '/proxy', '/meetings'];

export function AppShell() {
  const { community } = useDesk();
  const staff = useStaff();
  useDeskShortcuts();
  const { pathname } = useLocation();
  if (!can(staff, 'desk.work')) return <AuditorShell />;
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1, displayPrint: 'none' }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            社区值班台 · {community.name}
          </Typography>
          <Typography component="div" aria-label="当前值班人员">
            {staff.name}（{staff.role}）
          </Typography>
          {can(staff, 'audit.read') && (
            <Button color="inherit" component={NavLink} to="/audit">
              操作日志
            </Button>
          )}
          <LockButton />
          <SignOutButton />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          displayPrint: 'none',
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' },
        }}
      >
        <Toolbar />
        <List component="nav" aria-label="主导航">
          {SECTIONS.map((s) => (
            <ListItemButton
              key={s.path}
              component={NavLink}
              to={s.path}
              title={s.shortcut ? `${s.label}（${s.shortcut}）` : s.label}
              sx={{ '&.active': { bgcolor: 'action.selected', fontWeight: 'bold' } }}
            >
              <ListItemText primary={s.label} secondary={s.shortcut} />
            </ListItemButton>
          ))}
        </List>
      </Drawer>
      {/* minWidth 0: a wide child (the 办件 tabs) scrolls inside the page instead of widening it. */}
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: 3 }}>
        <Toolbar sx={{ displayPrint: 'none' }} />
        <ErrorBoundary key={pathname}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<Navigate to="/dashboard" replace />} />
              <Route path="/dashboard" element={<DashboardPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="/intake/*" element={<IntakeSection />} />
              <Route path="/residents/*" element={<ResidentsSection />} />
              <Route path="/cases/*" element={<CasesSection />} />
              <Route path="/reports" element={<ReportsSection />} />
              <Route path="/proxy" element={<ProxySection />} />
              <Route path="/meetings/*" element={<MeetingsSection />} />
              <Route
                path="/audit"
                element={can(staff, 'audit.read') ? <AuditLogPage /> : <Navigate to="/dashboard" />}
              />
              {SECTIONS.filter((s) => s.plan && !BUILT.includes(s.path)).map((s) => (
                <Route key={s.path} path={s.path} element={<SectionPlaceholder section={s} />} />
              ))}
              <Route path="*" element={<Navigate to="/dashboard" replace />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </Box>
    </Box>
  );
}
