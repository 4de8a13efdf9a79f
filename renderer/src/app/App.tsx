/**
 * The gates in front of the app: load the community profile → the data-loss screen if records
 * were lost (integrity.ts) → first-run setup if there is no community → sign-in → the shell.
 * Providers (theme, locale, session) wrap everything.
 */
import { CssBaseline, ThemeProvider } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { HashRouter } from 'react-router';
import { Suspense, useContext, useEffect, type ReactNode } from 'react';
import { getCommunity } from '../db/repositories/community';
import { SignInPage } from '../features/signin/SignInPage';
import { StorageErrorAlert } from '../components/StorageErrorAlert';
import { requestPersistentStorage } from '../db/persistence';
import { Loading } from '../components/Loading';
import { DataLossScreen, prefetchPages, SetupWizard, SignedInDesk, SyncRunner } from './lazyPages';
import { SyncApiLoaderContext, type LoadSyncApi } from '../features/sync/syncApi';
import { useIntegrity } from './integrity';
import { UpgradeGate } from './UpgradeGate';
import { DeskBaseProvider, useDeskBase } from './desk';
import { SessionProvider, useSession } from './session';
import { theme } from './theme';

function Gates() {
  const base = useDeskBase();
  const community = useLiveQuery(() => getCommunity(base).then((c) => c ?? null), [base]);
  const { staff, ready } = useSession();
  const [integrity, resolved] = useIntegrity();
  // The screens behind sign-in load while the clerk types the PIN — or, straight after the setup
  // wizard (signed in without the sign-in screen), on the first idle moment: a desk served from
  // its center's hub keeps every section while the hub is down (issue 24 item 8).
  const deskReady = community !== undefined && community !== null && ready;
  useEffect(() => {
    if (!deskReady) return;
    // When the browser is idle (the screen stays responsive), at the latest after 1 s.
    const t = requestIdleCallback(prefetchPages, { timeout: 1000 });
    return () => cancelIdleCallback(t);
  }, [deskReady]);
  if (community === undefined || !ready) return <Loading fullScreen />;
  // Records were lost (the database was wiped or damaged): nothing else until it is resolved.
  if (integrity !== 'checking' && !integrity.ok)
    return (
      <Lazy>
        <DataLossScreen lost={integrity.lost} onResolved={resolved} />
      </Lazy>
    );
  if (community === null && integrity === 'checking') return <Loading fullScreen />;
  if (community === null)
    return (
      <Lazy>
        <SetupWizard />
      </Lazy>
    );
  return (
    <>
      <Sync />
      {staff ? (
        <Lazy>
          <SignedInDesk staff={staff} community={community} />
        </Lazy>
      ) : (
        <SignInPage community={community} />
      )}
    </>
  );
}

/** The sync engine's runner (features/sync/SyncRunner.tsx), in a build that has sync. */
function Sync() {
  const hasSync = useContext(SyncApiLoaderContext) !== null;
  if (!hasSync) return null;
  return (
    <Suspense fallback={null}>
      <SyncRunner />
    </Suspense>
  );
}

/** A screen that loads as its own chunk, with the spinner meanwhile. */
function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading fullScreen />}>{children}</Suspense>;
}

/**
 * `loadSync`: the sync API (features/sync/syncApi.ts), `import()`ed by the entry — absent, the
 * desk works alone and 设置 → 多窗口同步 says this build has no sync.
 */
export function App({ loadSync = null }: { loadSync?: LoadSyncApi | null }) {
  useEffect(() => {
    void requestPersistentStorage();
  }, []);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <StorageErrorAlert />
      <UpgradeGate>
        <DeskBaseProvider>
          <SyncApiLoaderContext.Provider value={loadSync}>
            <SessionProvider>
              {/* Navigation renders at once, not as a transition: after F2 / F3 the focus must be in
              the search before the clerk's next keystroke arrives (a deferred render lost it). */}
              <HashRouter useTransitions={false}>
                <Gates />
              </HashRouter>
            </SessionProvider>
          </SyncApiLoaderContext.Provider>
        </DeskBaseProvider>
      </UpgradeGate>
    </ThemeProvider>
  );
}
