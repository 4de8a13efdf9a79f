/**
 * The gates in front of the app: load the community profile → first-run setup if there is
 * none → sign-in → the shell. Providers (theme, locale, session) wrap everything.
 */
import { CssBaseline, ThemeProvider, Box, CircularProgress } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { HashRouter } from 'react-router';
import { useEffect } from 'react';
import { getCommunity } from '../db/repositories/community';
import { SetupWizard } from '../features/setup/SetupWizard';
import { SignInPage } from '../features/signin/SignInPage';
import { StorageErrorAlert } from '../components/StorageErrorAlert';
import { requestPersistentStorage } from '../db/persistence';
import { AppShell } from './AppShell';
import { DeskBaseProvider, DeskProvider, useDeskBase } from './desk';
import { SessionProvider, useSession } from './session';
import { theme } from './theme';

function Gates() {
  const base = useDeskBase();
  const community = useLiveQuery(() => getCommunity(base).then((c) => c ?? null), [base]);
  const { staff, ready } = useSession();
  if (community === undefined || !ready) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="正在加载" />
      </Box>
    );
  }
  if (community === null) return <SetupWizard />;
  if (!staff) return <SignInPage community={community} />;
  return (
    <DeskProvider staff={staff} community={community}>
      <AppShell />
    </DeskProvider>
  );
}

export function App() {
  useEffect(() => {
    void requestPersistentStorage();
  }, []);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <StorageErrorAlert />
      <DeskBaseProvider>
        <SessionProvider>
          {/* Navigation renders at once, not as a transition: after F2 / F3 the focus must be in
              the search before the clerk's next keystroke arrives (a deferred render lost it). */}
          <HashRouter useTransitions={false}>
            <Gates />
          </HashRouter>
        </SessionProvider>
      </DeskBaseProvider>
    </ThemeProvider>
  );
}
