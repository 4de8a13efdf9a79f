/**
 * The signed-in frame: top bar (community, who is on duty, sign-out), the sections on the left
 * with Alt+1…9 shortcuts, and the routed page — all from the installation's section table
 * (sections.ts: a community's SECTIONS, a street office's STREET_SECTIONS).
 */
import { AppBar, Box, Button, Drawer, List, ListItemButton, ListItemText, Toolbar, Typography } from '@mui/material';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { SectionPlaceholder } from '../components/SectionPlaceholder';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Suspense } from 'react';
import { Loading } from '../components/Loading';
import { useDeskShortcuts } from './deskShortcuts';
import { SignOutButton } from './SignOutButton';
import { LockButton } from './deskLock';
import { SECTIONS, type Section } from './sections';
import { useDesk } from './desk';
import { useStaff } from './session';
import { can, doesWork } from '@shared/domain/roles';
import { AuditorShell } from './AuditorShell';
import { SyncStatusBadge } from '../features/sync/SyncStatusBadge';

const DRAWER_WIDTH = 200;

/** A section's screen: its page, or what it will hold while it has none. */
function sectionElement(s: Section) {
  const Page = s.page;
  return Page ? <Page /> : <SectionPlaceholder section={s} />;
}

export function AppShell({
  sections = SECTIONS,
  home = '/dashboard',
}: {
  /** The installation's table (a street office: STREET_SECTIONS). */
  sections?: readonly Section[];
  /** Where `/` and an unknown or forbidden address lead. */
  home?: string;
}) {
  const { community, street } = useDesk();
  const staff = useStaff();
  useDeskShortcuts(sections);
  const { pathname } = useLocation();
  if (!doesWork(staff)) return <AuditorShell />;
  const mine = sections.filter((s) => can(staff, s.permission));
  const title = street ? `街道值班台 · ${street.name}` : `社区值班台 · ${community.name}`;
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1, displayPrint: 'none' }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            {title}
          </Typography>
          {!street && <SyncStatusBadge />}
          <Typography component="div" aria-label="当前值班人员">
            {staff.name}（{staff.role}）
          </Typography>
          {mine
            .filter((s) => s.place === 'topBar')
            .map((s) => (
              <Button key={s.path} color="inherit" component={NavLink} to={s.path}>
                {s.label}
              </Button>
            ))}
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
          {mine
            .filter((s) => s.place === 'nav')
            .map((s) => (
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
              <Route path="/" element={<Navigate to={home} replace />} />
              {sections.map((s) => (
                <Route
                  key={s.path}
                  path={s.nested ? `${s.path}/*` : s.path}
                  element={can(staff, s.permission) ? sectionElement(s) : <Navigate to={home} />}
                />
              ))}
              <Route path="*" element={<Navigate to={home} replace />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </Box>
    </Box>
  );
}
